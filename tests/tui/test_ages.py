"""Ages in the lists ('9h', '10d') are measured on the service's clock, the one the data's
times come from, not on the wall clock: under the tests' fake clock they do not change with
the day the suite runs (a snapshot once failed when '10d' became '11d' overnight)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from workato_tui.views.format import age

if TYPE_CHECKING:
    from pilot_world import World


async def test_last_run_ages_follow_the_service_clock(world: World) -> None:
    async with world.run(size=(120, 36)) as ui:
        column = next(c for c in ui.table.columns if c.key == "last_run_at")
        runs = [(row, column.value(row)) for row in ui.rows if column.value(row) is not None]
        assert runs
        for row, last_run in runs:
            assert column.text(row) == age(last_run, world.clock.now())
        row, last_run = runs[0]
        before = world.clock.now() - last_run
        world.clock.advance(timedelta(days=3).total_seconds())
        assert column.text(row) == f"{(before + timedelta(days=3)).days}d"
