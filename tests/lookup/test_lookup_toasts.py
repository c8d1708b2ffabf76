"""Toasts do not cover the lookup editor's pending-changes bar."""

from __future__ import annotations

from pilot_world import World
from textual.widgets import Static
from textual.widgets._toast import Toast


async def test_a_toast_leaves_the_pending_bar_visible(world: World) -> None:
    first = next(iter(world.stored()))
    app = world.app(first_view="lookup-tables")
    async with world.run(app, size=(80, 24), notifications=True) as ed:
        await ed.open_table("Cost centers")
        await ed.edit(first, "name", "Mine")
        status = ed.editor.query_one("#lookup-status", Static)
        assert status.has_class("-pending")
        ed.app.notify("A long message that would sit over the bar at the bottom right " * 2)
        toasts: list[Toast] = []
        for _ in range(50):  # the toast rack fills in after a refresh
            await ed.pilot.pause(0.01)
            if toasts := [t for t in ed.app.screen.query(Toast) if t.region.height]:
                break
        assert toasts
        for toast in toasts:
            assert not toast.region.overlaps(status.region), (toast.region, status.region)
