"""At 80x24 the footer keeps the essential keys (`? Keys`, `: Go to`, `^p Palette`, `^q Quit`)
on screen, whole, on every place; the place's own keys follow while they fit (the rest are in
`?`), and no label comes out garbled by a key drawn over it."""

from __future__ import annotations

from footer_reading import footer_labels, footer_line
from pilot_world import World

from workato_tui.emulator.seed import NETSUITE_SYNC

ESSENTIAL = ["? Keys", ": Go to", "^p Palette", "^q Quit"]
NARROW = (80, 24)


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
        await d.open_recipe(NETSUITE_SYNC)
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
        await d.open_recipe(NETSUITE_SYNC)
        await d.settle()
        labels = footer_labels(d.app)
        assert labels[0] == "? Keys" and "esc Back" in labels
        writes = [label.strip() for label in labels if label.endswith(" ")]
        assert writes == ["c", "e", "t", "x", "D", "C"]
        line = footer_line(d.app)
        assert "Recipe" in line and line.index("Recipe") < line.index("Mark")
