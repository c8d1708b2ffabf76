"""`/ failed Enter *` sent in one burst (paste speed): the filter keeps `failed` and `*` marks
every visible row, rather than landing in the filter box as `failed*`."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from pilot_world import World, recipe_named
from textual import events

from workato_tui.emulator.seed import NETSUITE_SYNC


def burst(app: object, keys: list[tuple[str, str | None]]) -> None:
    """Queue every key on the app at once, as a terminal delivers a paste-speed burst."""
    for key, character in keys:
        app.post_message(events.Key(key, character))  # type: ignore[attr-defined]


async def test_keys_right_after_enter_in_the_filter_reach_the_table(world: World) -> None:
    recipe = recipe_named(world.store, NETSUITE_SYNC)
    async with world.run(size=(80, 24)) as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.jump("jobs")
        typed = [(c, c) for c in "failed"]
        burst(d.app, [("slash", "/"), *typed, ("enter", "\r"), ("asterisk", "*")])
        await d.until(lambda: bool(d.table.marked_keys), "marks", seconds=5)
        assert d.table.filter_text == "failed"
        assert d.view.filter_input.value == "failed"
        failed = {row.id for row in d.rows}
        assert failed and all(row.status == "failed" for row in d.rows)
        assert d.table.marked_keys == failed
        assert d.app.focused is d.table


async def test_slash_again_types_into_the_box(world: World) -> None:
    async with world.run() as d:
        await d.jump("recipes")
        burst(d.app, [("slash", "/"), ("x", "x"), ("enter", "\r")])
        # the box is mounted by that first '/', which the keys after it wait for
        await d.until(lambda: d.table.filter_text == "x" and d.app.focused is d.table, "kept")
        box = d.view.filter_input
        assert box is not None and box.value == "x"
        await d.press("slash", "y")
        assert box.value.endswith("y") and d.app.focused is box  # typed into the box again


ROUTE = [("slash", "/"), *[(c, c) for c in "route"], ("enter", "\r")]
AFTER = [("space", " "), ("down", None), ("space", " ")]


@pytest.mark.parametrize("turns", [1, 2, 4, 8])
async def test_a_burst_split_in_two_reads_anywhere_acts_in_order(world: World, turns: int) -> None:
    """A terminal may hand a burst over in two reads, the app routing the first part before
    the second arrives: wherever it is split, the keys after enter act on the table in the
    order typed (keys that reached the closed box were posted back behind the second part:
    split right after enter, no row was marked instead of both)."""
    keys = ROUTE + AFTER
    wrong = []
    for split in range(1, len(keys)):
        got = await _split_burst(world, keys[:split], keys[split:], turns)
        if got != ("route", 2):
            wrong.append((split, got))
    assert wrong == []


async def _split_burst(
    world: World,
    first: list[tuple[str, str | None]],
    then: list[tuple[str, str | None]],
    turns: int,
) -> tuple[str, int]:
    """The filter and how many `Route` rows are marked after `first`, `turns` turns of the
    event loop, then `then`."""
    async with world.run() as d:
        await d.jump("recipes")
        routes = {row.id for row in d.rows if row.name.startswith("Route")}
        burst(d.app, first)
        for _ in range(turns):
            await asyncio.sleep(0)  # the app routes the first part
        burst(d.app, then)
        with contextlib.suppress(AssertionError):
            await d.until(lambda: d.table.marked_keys == routes, "both marked", seconds=2)
        return d.table.filter_text, len(d.table.marked_keys & routes)
