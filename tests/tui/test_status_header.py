"""The header's freshness ("refreshed Ns ago") runs on the service's clock: under the tests' fake
clock it moves only when the clock is advanced, so snapshots of the header cannot flake."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workato_tui.widgets.status_header import StatusHeader

if TYPE_CHECKING:
    from pilot_world import World


async def test_refreshed_ago_follows_the_injected_clock(world: World) -> None:
    async with world.run() as d:
        header = d.app.screen.query_one(StatusHeader)
        assert "refreshed 0s ago" in d.screen_text()

        world.clock.advance(42)
        header.render_status()  # what the header's one-second timer does
        assert "refreshed 42s ago" in str(header.status_text())
        assert "refreshed 42s ago" in d.screen_text()

        world.clock.advance(3 * 60)
        header.render_status()
        assert "refreshed 3m ago" in str(header.status_text())


async def test_a_reload_starts_the_count_again(world: World) -> None:
    async with world.run() as d:
        header = d.app.screen.query_one(StatusHeader)
        world.clock.advance(30)
        await d.press("ctrl+r")
        header.render_status()
        assert "refreshed 0s ago" in str(header.status_text())
