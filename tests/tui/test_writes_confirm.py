"""The confirm modal: what it says, and the typed confirmation of irreversible actions."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World, recipe_named
from textual.widgets import Input

from workato_tui.screens.confirm import ConfirmScreen

LEAVERS = "Deprovision leavers across apps"  # stopped, so it may be deleted


async def test_irreversible_confirm_needs_the_exact_name_typed(tmp_path: Path) -> None:
    world = World(tmp_path)
    target = recipe_named(world.store, LEAVERS)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == target["id"])
        await d.press("D")
        screen = await d.until_screen(ConfirmScreen)
        assert isinstance(screen, ConfirmScreen)
        typed = screen.query_one("#typed", Input)
        assert d.app.focused is typed
        assert d.confirm_button().disabled
        assert f"Type {LEAVERS!r} to confirm" in d.screen_text()

        await d.type("Deprovision")  # typed, but not all of it
        assert d.confirm_button().disabled
        await d.press("enter")  # enter with the wrong text does nothing
        assert d.app.screen is screen
        for wrong in (LEAVERS.lower(), LEAVERS + " ", LEAVERS[:-1]):
            typed.value = wrong
            await d.pilot.pause()
            assert d.confirm_button().disabled, wrong
            await d.press("enter")
            assert d.app.screen is screen, wrong
        assert world.sent("recipes.delete") == []
        assert target["id"] in world.store.main.recipes

        typed.cursor_position = len(typed.value)
        await d.type(LEAVERS[-1])  # the last key makes it the exact name
        assert typed.value == LEAVERS
        assert not d.confirm_button().disabled
        await d.press("enter")
        await d.until_main()
    assert [r.status for r in world.sent("recipes.delete")] == [200]
    assert target["id"] not in world.store.main.recipes


async def test_confirm_names_action_items_profile_call_and_effect(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == LEAVERS)
        await d.press("t")
        await d.until_screen(ConfirmScreen)
        text = d.screen_text()
        assert "Start recipe?" in text
        assert f"• {LEAVERS}" in text
        assert "Profile: DEMO (emulator)" in text
        assert "Call: PUT /api/recipes/:recipe_id/start" in text
        assert "Starting a recipe activates live automation" in text
        assert not d.confirm_button().disabled  # reversible: no typing needed
        await d.press("escape")
        await d.until_main()
    assert world.sent("recipes.start") == []


async def test_bulk_irreversible_confirm_asks_for_the_count(tmp_path: Path) -> None:
    world = World(tmp_path)
    names = {LEAVERS, "Load Zendesk ticket metrics into Snowflake"}
    ids = {recipe_named(world.store, n)["id"] for n in names}
    async with world.run() as d:
        await d.jump("recipes")
        await d.mark(lambda r: r.name in names)
        await d.press("D")
        screen = await d.until_screen(ConfirmScreen)
        assert isinstance(screen, ConfirmScreen)
        assert "Delete recipe (2 items)?" in d.screen_text()
        await d.type("3")  # the wrong count
        assert d.confirm_button().disabled
        await d.press("backspace", "2")
        assert not d.confirm_button().disabled
        await d.press("enter")
        bulk = await d.close_bulk(expect=True)
        assert bulk is not None and [r.ok for r in bulk.results] == [True, True]
        await d.until_main()
    assert len(world.sent("recipes.delete")) == 2
    assert not ids & set(world.store.main.recipes)


async def test_a_name_that_looks_like_markup_is_notified_as_typed(tmp_path: Path) -> None:
    """Notifications are text: a recipe named with `[/]` used to crash the toast's render
    (Textual parses a notification as markup by default), `[bold]` lost its brackets."""
    from textual.widgets._toast import Toast

    world = World(tmp_path)
    target = recipe_named(world.store, LEAVERS)
    target["name"] = name = "Leavers [/] [bold]v2[/bold]"
    async with world.run(notifications=True) as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == target["id"])
        await d.press("t")
        await d.until_screen(ConfirmScreen)
        await d.press("enter")
        await d.until_main()
        await d.pilot.pause()
        assert d.messages == [f"Start recipe: Started: {name}"]
        toasts = list(d.app.screen.query(Toast))
        assert toasts and f"Started: {name}" in str(toasts[-1].render())
    assert world.store.main.recipes[target["id"]]["running"]
