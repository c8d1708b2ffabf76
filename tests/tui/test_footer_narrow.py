"""At 80x24 the footer keeps the essential keys (`? Keys`, `: Go to`, `^p Palette`, `^q Quit`)
on screen, whole, on every place; the place's own keys follow while they fit (the rest are in
`?`), and no label comes out garbled by a key drawn over it."""

from __future__ import annotations

from footer_reading import footer_labels, footer_line
from pilot_driver import Driver
from pilot_world import World, recipe_named

from workato_tui.emulator.seed import NETSUITE_SYNC

ESSENTIAL = ["? Keys", ": Go to", "^p Palette", "^q Quit"]
NARROW = (80, 24)


async def open_recipe_detail(d: Driver, world: World) -> None:
    recipe = recipe_named(world.store, NETSUITE_SYNC)
    await d.jump("recipes")
    d.move_to(lambda r: r.id == recipe["id"])
    await d.press("enter")
    await d.until(lambda: type(d.app.screen).__name__ == "RecipeScreen", "detail")


async def test_main_screen_at_80_columns_shows_the_essential_keys_first(world: World) -> None:
    async with world.run(size=NARROW) as d:
        await d.jump("recipes")
        labels = footer_labels(d.app)
        assert labels[:4] == ESSENTIAL
        assert "/ Filter" in labels  # a place key that fits still shows
        line = footer_line(d.app)
        for label in labels:
            assert label in line  # drawn as written, nothing over it
        assert "palettea" not in line.lower() and "^pa lette" not in line


async def test_recipe_detail_and_a_form_keep_the_essential_keys(world: World) -> None:
    async with world.run(size=NARROW) as d:
        await open_recipe_detail(d, world)
        labels = footer_labels(d.app)
        assert {"? Keys", "^p Palette", "^q Quit"} <= set(labels)
        assert labels[0] == "? Keys"


async def test_footer_widens_with_the_terminal(world: World) -> None:
    async with world.run(size=NARROW) as d:
        await d.jump("recipes")
        narrow = footer_labels(d.app)
        await d.pilot.resize_terminal(160, 30)
        await d.pilot.pause()
        await d.pilot.pause()
        wide = footer_labels(d.app)
        assert wide[:4] == ESSENTIAL and len(wide) > len(narrow)


async def test_recipe_detail_at_80_columns_shows_its_own_keys_before_the_jobs_pane(
    world: World,
) -> None:
    """Its writes (one group: `c e t x D C Recipe`) and `esc Back` come before the focused
    jobs pane's keys, which take what width is left."""
    async with world.run(size=NARROW) as d:
        await open_recipe_detail(d, world)
        await d.settle()
        labels = footer_labels(d.app)
        assert labels[0] == "? Keys" and "esc Back" in labels
        writes = [label.strip() for label in labels if label.endswith(" ")]
        assert writes == ["c", "e", "t", "x", "D", "C"]
        line = footer_line(d.app)
        assert "Recipe" in line and line.index("Recipe") < line.index("Mark")
