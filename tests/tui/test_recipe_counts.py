"""Recipe screen job counts follow repeats (issue 11 item 13): after a repeat has run, the
recipe's 'Jobs' counts and its recent outcomes show it once the jobs are read again."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pilot_world import World
from rich.console import Console
from textual.widgets import Static

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.recipe_detail import RecipeScreen


def shown_text(screen: Any) -> str:
    """Every Static on the screen as printed (the fields are a Rich table)."""
    console = Console(width=120, file=io.StringIO(), color_system=None, record=True)
    for widget in screen.query(Static):
        console.print(widget.content)
    return console.export_text()


def field(row: Any, name: str) -> Any:
    return row.get(name) if isinstance(row, dict) else getattr(row, name)


async def test_the_recipe_screen_counts_a_repeat_once_it_has_run(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe = next(r for r in world.store.main.recipes.values() if r["name"] == NETSUITE_SYNC)
    before = recipe["job_succeeded_count"]
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: field(r, "id") == recipe["id"])
        await d.press("enter")
        await d.until_screen(RecipeScreen)
        assert f"{before} succeeded" in shown_text(d.app.screen)
        d.move_to(lambda r: field(r, "status") == "failed" and not field(r, "repeat"))
        await d.press("r")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.close_bulk()
        await d.until(lambda: isinstance(d.app.screen, RecipeScreen), "back on the recipe")
        world.clock.advance(6.0)  # the repeat has run
        await d.press("ctrl+r")  # read the jobs again
        await d.settle()
        assert recipe["job_succeeded_count"] == before + 1  # the emulator counted it
        text = shown_text(d.app.screen)
        assert f"{before + 1} succeeded" in text
        assert text.count(f"{before + 1} succeeded") == 2  # the Jobs field and the outcomes
