"""The driver itself: `settle()` waits on what the screen shows, not on worker names. A flow
parked on a confirm counts as at rest; a load still going does not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pilot_driver import waits_on_a_screen

from workato_tui.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from pilot_world import World

ROUTE_INVOICES = "Route invoice approvals to Slack"  # running: x stops it


async def test_settle_returns_when_a_flow_waits_on_a_confirm_and_not_before(world: World) -> None:
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == ROUTE_INVOICES)
        await d.press("x")  # settles: the stop flow now waits for a person
        assert isinstance(d.app.screen, ConfirmScreen)
        parked = [w for w in d.app.workers if not w.is_finished]
        assert parked and all(waits_on_a_screen(w) for w in parked) and d.working == []
        assert world.sent("recipes.stop") == []

        await d.confirm()  # the flow goes on: settle waits for the stop and the reload
        await d.settle()
        assert [r.status for r in world.sent("recipes.stop")] == [200]
        assert d.working == [] and not d.modal


async def test_a_load_in_flight_is_working(world: World) -> None:
    gate = world.gated("/api/connections")
    async with world.run(world.app(world.service(transport=gate))) as d:
        d.app.screen.jump("connections")  # type: ignore[attr-defined]
        await d.pilot.pause()
        assert d.working, "a load waiting on the network must count as work"
        gate.release()
        await d.settle()
        assert d.working == [] and d.rows
