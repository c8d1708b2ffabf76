"""Toasts do not cover the lookup editor's pending-changes bar."""

from __future__ import annotations

from lookup_helpers import Editor, World
from textual.widgets import Static
from textual.widgets._toast import Toast


async def test_a_toast_leaves_the_pending_bar_visible(world: World) -> None:
    first = next(iter(world.stored()))
    app = world.app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        ed = Editor(pilot, world)
        await ed.settle()
        await ed.open("Cost centers")
        await ed.edit(first, "name", "Mine")
        status = ed.screen.query_one("#lookup-status", Static)
        assert status.has_class("-pending")
        ed.app.notify("A long message that would sit over the bar at the bottom right " * 2)
        toasts: list[Toast] = []
        for _ in range(50):  # the toast rack fills in after a refresh
            await pilot.pause(0.01)
            if toasts := [t for t in ed.app.screen.query(Toast) if t.region.height]:
                break
        assert toasts
        for toast in toasts:
            assert not toast.region.overlaps(status.region), (toast.region, status.region)
