"""Confirm dialogs say their keys, and a wrongly typed name says it does not match."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World

from workato_tui.screens.confirm import ConfirmScreen


async def test_a_confirm_names_its_keys(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == "Route invoice approvals to Slack")
        await d.press("x")
        await d.until_screen(ConfirmScreen)
        text = d.screen_text()
        assert "enter: Stop recipe" in text and "esc: cancel" in text
        await d.press("escape")
        assert world.sent("recipes.stop") == []


async def test_a_wrong_typed_name_says_it_does_not_match_and_sends_nothing(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == "Month-end revenue reconciliation")
        await d.press("D")
        await d.until_screen(ConfirmScreen)
        await d.type_phrase("Month-end revenue")
        await d.press("enter")
        assert isinstance(d.app.screen, ConfirmScreen)
        assert "does not match 'Month-end revenue reconciliation'" in d.screen_text()
        await d.press("escape")
        assert world.sent("recipes.delete") == []
