"""The lookup editor on a table of some thousands of rows: a filter's count in the crumbs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_world import COST_CENTERS, LOOKUP_TABLES, World

from workato_tui.emulator.records import new_row
from workato_tui.widgets import table_filtering

EXTRA_ROWS = 6_000


def crumbs(ed: object) -> str:
    return str(ed.editor.query_one("#lookup-crumbs").render())  # type: ignore[attr-defined]


async def test_the_crumbs_say_counting_until_the_filter_has_seen_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_filtering, "FIRST_SCREEN_SECONDS", 0.0)
    world = World(tmp_path, first_view=LOOKUP_TABLES)
    store = world.emu.store
    for n in range(EXTRA_ROWS):
        new_row(store, store.main, world.table_id(), {"code": f"CC-X{n:05d}", "name": "Bulk"})
    async with world.editor(COST_CENTERS) as ed:
        grid = ed.editor.grid
        assert grid.total_count == 64 + EXTRA_ROWS
        grid.set_filter("bulk")
        ed.editor.update_crumbs()  # what typing in the filter prompt does
        assert grid.filtering
        assert "counting…" in crumbs(ed)
        assert f"[{grid.shown_count}/{64 + EXTRA_ROWS}]" in crumbs(ed)
        for _ in range(200):
            if not grid.filtering:
                break
            await ed.pilot.pause()
        await ed.settle()
        assert f"[{EXTRA_ROWS}/{64 + EXTRA_ROWS}]" in crumbs(ed)
        assert "counting…" not in crumbs(ed)
