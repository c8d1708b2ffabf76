"""ctrl+p lists the actions that apply where you are (with their keys; disabled ones say why)
plus the views, and running one does what its key does (the confirm screen opens)."""

from __future__ import annotations

from typing import Any

from pilot_world import World, recipe_named
from textual.command import CommandList, CommandPalette

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen

STOPPED = "Post failed payment alerts to #finance-alerts"


async def search(d: Any, text: str) -> list[str]:
    """Open the palette, type `text`, return each hit's text (title and help)."""
    await d.press("ctrl+p")
    await d.until(lambda: isinstance(d.app.screen, CommandPalette), "palette")
    await d.type(text)
    hits = d.app.screen.query_one(CommandList)
    await d.until(lambda: hits.option_count > 0, f"hits for {text!r}")
    await d.pilot.pause(0.2)  # (the palette gathers hits from its providers in a worker)
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


async def test_palette_offers_stop_with_its_key_and_running_it_asks_to_confirm(
    world: World,
) -> None:
    recipe = recipe_named(world.store, NETSUITE_SYNC)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        hits = await search(d, "stop")
        assert any("Stop" in hit and "x" in hit for hit in hits), hits
        await d.press("enter")
        await d.until_screen(ConfirmScreen)
        assert NETSUITE_SYNC in d.screen_text()
        await d.press("escape")
        await d.until_main()
        assert world.sent("recipes.stop") == []


async def test_palette_lists_other_writes_and_the_views(world: World) -> None:
    async with world.run() as d:
        await d.jump("recipes")
        hits = await search(d, "delete")
        assert any("Delete" in hit and "D" in hit for hit in hits), hits
        await d.press("escape")
        hits = await search(d, "go to jobs")
        assert any("Go to Jobs" in hit for hit in hits), hits


async def test_a_disabled_write_is_listed_saying_why(world: World) -> None:
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == STOPPED)
        hits = await search(d, "stop")
        assert any("Stop" in hit and "already stopped" in hit for hit in hits), hits
        await d.press("enter")
        await d.until(lambda: not isinstance(d.app.screen, CommandPalette), "palette closed")
        await d.settle()
        assert not isinstance(d.app.screen, ConfirmScreen)
        assert any("already stopped" in m for m in d.messages)
        assert world.sent("recipes.stop") == []
