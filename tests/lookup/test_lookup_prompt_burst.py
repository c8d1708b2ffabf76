"""Typed at paste speed right after `e` or Enter opens the cell prompt, every key lands in the
prompt: the prompt takes focus at once, not on a later turn of the event loop (by which time
the first keys had gone to the grid and were lost)."""

from __future__ import annotations

import pytest
from pilot_world import World
from textual import events

from workato_tui.lookup.rows import ID


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
