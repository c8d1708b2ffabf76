"""`?` works on every screen: that screen's keys with their binding ids first, then the global
ones, in a list that scrolls at 80x24."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.containers import VerticalScroll

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.keys_help import KeysScreen

if TYPE_CHECKING:
    from pilot_world import World


def _ids(ui: Any, section: str) -> set[str]:
    screen = ui.app.screen
    assert isinstance(screen, KeysScreen)
    lines = screen.here if section == "here" else screen.everywhere
    return {line.binding_id for line in lines}


async def _open_keys(ui: Any) -> None:
    await ui.press("question_mark")
    assert ui.screen_name == "KeysScreen"


async def test_on_the_main_screen_the_view_keys_come_first(world: World) -> None:
    async with world.run() as ui:
        await _open_keys(ui)
        assert {"recipe-start", "recipe-stop", "filter", "command"} <= _ids(ui, "here")
        assert {"quit", "help"} <= _ids(ui, "everywhere")
        assert "recipe-start" in ui.text and "Keys: Main" in ui.text


async def test_on_recipe_detail_and_job_detail_it_shows_their_own_keys(world: World) -> None:
    async with world.run() as ui:
        ui.move_to(lambda r: r.name == NETSUITE_SYNC)
        await ui.press("enter")
        await _open_keys(ui)
        here = _ids(ui, "here")
        assert {"recipe-back", "recipe-json"} <= here
        await ui.press("escape")
        assert ui.screen_name == "RecipeScreen"
        await ui.press("enter")  # a job
        await _open_keys(ui)
        assert {"job-back", "job-json"} <= _ids(ui, "here")


async def test_at_80x24_the_list_scrolls_to_the_global_keys(world: World) -> None:
    async with world.run(size=(80, 24)) as ui:
        await _open_keys(ui)
        scroll = ui.app.screen.query_one(VerticalScroll)
        assert ui.app.focused is scroll
        assert scroll.max_scroll_y > 0  # more than one screenful
        await ui.press("end")
        assert scroll.scroll_y == scroll.max_scroll_y
