"""Typed at paste speed right after `e` or Enter opens the cell prompt, every key lands in the
prompt: the prompt takes focus at once, not on a later turn of the event loop (by which time
the first keys had gone to the grid and were lost). And the keys typed right after Enter (or
tab) closes it reach the grid, after the edit is staged on the cell the prompt was opened for:
they had landed in the closed prompt, or the edit in the cell the next prompt opened on."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING, Any

import pytest
from pilot_world import World
from textual import events

from workato_tui.lookup.rows import ID

if TYPE_CHECKING:
    from workato_tui.screens.lookup_editor import LookupEditorScreen


def burst(app: object, keys: list[tuple[str, str | None]]) -> None:
    """Queue every key on the app at once, as a terminal delivers a paste-speed burst."""
    for key, character in keys:
        app.post_message(events.Key(key, character))  # type: ignore[attr-defined]


def typed(text: str) -> list[tuple[str, str | None]]:
    return [(c, c) for c in text]


@pytest.mark.parametrize("opener", [("e", "e"), ("enter", "\r")], ids=["e", "enter"])
async def test_keys_right_after_the_prompt_opens_are_typed_into_it(
    world: World, opener: tuple[str, str]
) -> None:
    async with world.editor() as ed:
        editor = ed.editor
        row = dict(editor.grid.current_row or {})
        column = editor.grid.current_column
        assert column is not None and column.key != ID
        before = str(row[column.key])
        burst(ed.app, [opener, *typed("xyz"), ("enter", "\r")])
        await ed.until(lambda: len(editor.staging) == 1, "the edit to be staged", seconds=5)
        staged = editor.staging.get(row[ID])
        assert staged is not None and staged.values[column.key] == before + "xyz"
        assert editor.prompt_mode is None and ed.app.focused is editor.grid


@pytest.mark.parametrize(
    ("opener", "mode"),
    [(("slash", "/"), "filter"), (("ctrl+f", None), "find"), (("a", "a"), "edit")],
)
async def test_every_prompt_takes_the_keys_typed_right_after_it_opens(
    world: World, opener: tuple[str, str | None], mode: str
) -> None:
    async with world.editor() as ed:
        editor = ed.editor
        burst(ed.app, [opener, *typed("CC-10")])
        await ed.until(lambda: editor.prompt_mode == mode, "the prompt", seconds=5)
        await ed.settle()
        assert editor.prompt.value.endswith("CC-10") and ed.app.focused is editor.prompt


async def test_e_still_types_into_an_open_prompt(world: World) -> None:
    """The openers act first (priority), except while the prompt has focus: there they type."""
    async with world.editor() as ed:
        editor = ed.editor
        await ed.press("slash")
        await ed.press("e", "a", "E", "enter")
        assert editor.grid.filter_text == "eaE" and editor.prompt_mode is None


# Closing: enter (or tab) answers the prompt in the order typed, and the keys typed right
# after it reach the grid, with the edit already staged on the cell it was opened for.

E, ENTER, TAB, DOWN, RIGHT = (
    ("e", "e"),
    ("enter", "\r"),
    ("tab", "\t"),
    ("down", None),
    ("right", None),
)


Row = dict[str, Any]


def cells(editor: LookupEditorScreen, rows: list[Row]) -> dict[int, dict[str, str]]:
    """What is staged for `rows`: row key -> the values that differ from the row's."""
    staged = {}
    for row in rows:
        entry = editor.staging.get(row[ID])
        if entry is not None:
            staged[row[ID]] = {c: v for c, v in entry.values.items() if v != row[c]}
    return staged


BURSTS = {
    # keys after enter, first row's code cell being edited: (burst, staged, cursor (row, column))
    "enter-then-down": ([E, *typed("x"), ENTER, DOWN], {0: {"code": "x"}}, (1, "code")),
    "enter-then-e-again": (
        [E, *typed("x"), ENTER, E, *typed("y"), ENTER],
        {0: {"code": "xy"}},
        (0, "code"),
    ),
    "enter-down-edit": (
        [E, *typed("x"), ENTER, DOWN, E, *typed("y"), ENTER],
        {0: {"code": "x"}, 1: {"code": "y"}},
        (1, "code"),
    ),
    "enter-then-undo": (
        [E, *typed("x"), ENTER, E, *typed("y"), ENTER, ("u", "u")],
        {0: {"code": "x"}},  # the second edit undone
        (0, "code"),
    ),
    "tab-then-down": (
        [E, *typed("x"), TAB, *typed("y"), ENTER, ("j", "j")],
        {0: {"code": "x", "name": "y"}},
        (1, "name"),
    ),
    # the reverse: grid keys, then enter opens the prompt on the cell they moved to
    "down-then-enter": ([DOWN, ENTER, *typed("y"), ENTER], {1: {"code": "y"}}, (1, "code")),
    "down-right-then-enter": (
        [DOWN, DOWN, RIGHT, ENTER, *typed("y"), ENTER, ("k", "k")],
        {2: {"name": "y"}},
        (1, "name"),
    ),
}


@pytest.mark.parametrize("case", list(BURSTS))
async def test_keys_right_after_enter_closes_the_prompt_reach_the_grid(
    world: World, case: str
) -> None:
    keys, expected, cursor = BURSTS[case]
    async with world.editor() as ed:
        editor, grid = ed.editor, ed.editor.grid
        rows = [dict(row) for row in grid.visible_rows[:3]]
        assert grid.cursor_row == 0 and grid.current_column.key == "code"  # type: ignore[union-attr]
        staged = {
            rows[i][ID]: {column: rows[i][column] + text for column, text in change.items()}
            for i, change in expected.items()
        }
        burst(ed.app, keys)

        def now() -> tuple[object, ...]:
            column = grid.current_column.key  # type: ignore[union-attr]
            return (
                cells(editor, rows),
                (grid.cursor_row, column),
                editor.prompt_mode,
                ed.app.focused,
            )

        want = (staged, cursor, None, grid)
        with contextlib.suppress(AssertionError):  # the assert below says what differs
            await ed.until(lambda: now() == want, f"the {case} burst handled", seconds=3)
        assert now() == want


async def test_a_burst_edit_is_what_the_emulator_stores(world: World) -> None:
    """Edit two cells in one burst (enter, then straight on to the next row), then save."""
    async with world.editor() as ed:
        rows = [dict(row) for row in ed.editor.grid.visible_rows[:2]]
        burst(ed.app, [E, *typed("-a"), ENTER, DOWN, E, *typed("-b"), ENTER])
        await ed.until(lambda: len(ed.editor.staging) == 2, "two staged edits")
        await ed.save()
        stored = world.stored()
        assert stored[rows[0][ID]]["code"] == rows[0]["code"] + "-a"
        assert stored[rows[1][ID]]["code"] == rows[1]["code"] + "-b"


async def test_a_cell_cleared_and_retyped_in_one_burst_keeps_the_new_text(world: World) -> None:
    """ctrl+u and backspace act in the order typed: `e ctrl+u CC-9 backspace 8 enter down`."""
    async with world.editor() as ed:
        editor, grid = ed.editor, ed.editor.grid
        first = dict(grid.visible_rows[0])
        keys = [E, ("ctrl+u", None), *typed("CC-9"), ("backspace", None), *typed("8")]
        burst(ed.app, [*keys, ENTER, DOWN])
        await ed.until(lambda: len(editor.staging) == 1 and grid.cursor_row == 1, "edit, down")
        staged = editor.staging.get(first[ID])
        assert staged is not None and staged.values["code"] == "CC-8"
        assert editor.prompt_mode is None and ed.app.focused is grid


SPLIT_BURSTS = {
    # two rows edited in one burst: (keys, (first, second) row below the start, what each gets)
    "enter-then-grid": ([E, *typed("x"), ENTER, DOWN, E, *typed("y"), ENTER, DOWN], (0, 1)),
    "grid-then-enter": ([DOWN, ENTER, *typed("x"), ENTER, DOWN, E, *typed("y"), ENTER], (1, 2)),
}


@pytest.mark.parametrize("turns", [1, 2])
@pytest.mark.parametrize("kind", list(SPLIT_BURSTS))
async def test_a_burst_split_in_two_reads_anywhere_acts_in_order(
    world: World, kind: str, turns: int
) -> None:
    """A terminal may hand a burst over in two reads, the app routing the first part before
    the second arrives: wherever it is split, both edits land on their own rows. (Keys that
    reached the closed prompt were posted back behind the second part: split after the first
    enter's `down`, the second edit went to the first row.)"""
    keys, (first, second) = SPLIT_BURSTS[kind]
    async with world.editor() as ed:
        editor, grid = ed.editor, ed.editor.grid
        rows = [dict(row) for row in grid.visible_rows[:20]]
        wrong = []
        for split in range(1, len(keys)):
            start = grid.cursor_row
            a, b = rows[start + first], rows[start + second]
            want = ({a[ID]: {"code": a["code"] + "x"}, b[ID]: {"code": b["code"] + "y"}}, 2, None)
            burst(ed.app, keys[:split])
            for _ in range(turns):
                await asyncio.sleep(0)  # the app routes the first part
            burst(ed.app, keys[split:])

            def now(a: Row = a, b: Row = b, start: int = start) -> tuple[object, ...]:
                return cells(editor, [a, b]), grid.cursor_row - start, editor.prompt_mode

            with contextlib.suppress(AssertionError):
                await ed.until(lambda: now() == want, "both edits", seconds=2)  # noqa: B023
            if now() != want:
                wrong.append((split, now()))
        assert wrong == []
