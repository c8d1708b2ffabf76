"""The call log in time order (issue 11 item 13): a call is recorded when it ends, so a slow
call arrives after calls that began later; the view shows each where it began."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pilot_world import World


def time_of(row: Any) -> str:
    entry = row if isinstance(row, dict) else getattr(row, "entry", row)
    return str(entry["time"])


def path_of(row: Any) -> str:
    entry = row if isinstance(row, dict) else getattr(row, "entry", row)
    return str(entry["path"])


async def test_a_slow_call_shows_where_it_began(world: World) -> None:
    service = world.service()
    async with world.run(service=service) as d:
        await d.jump("calls")
        rows = d.table.visible_rows
        assert len(rows) >= 2
        began = datetime.fromisoformat(time_of(rows[-1])) - timedelta(seconds=0.5)
        service.calls.record(
            {"time": began.isoformat(), "method": "GET", "path": "/api/slow", "status": 200}
        )
        await d.settle()
        rows = d.table.visible_rows
        times = [datetime.fromisoformat(time_of(r)) for r in rows]
        assert times == sorted(times)
        assert path_of(rows[-1]) != "/api/slow"  # it began before the last call shown
        assert "/api/slow" in [path_of(r) for r in rows]
        # what the facade hands a view that opens now: the same order
        assert [e["time"] for e in service.recent_calls()] == sorted(
            e["time"] for e in service.recent_calls()
        )
