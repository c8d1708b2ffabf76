"""The import screen's "also delete" checkbox reads `[ ]` when off and `[x]` when on, as the
forms' do (Textual's Checkbox draws an X in both states, which looks checked when it is not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_world import World
from textual.widgets import Checkbox, Static

from workato_tui.screens.lookup_import import ImportScreen
from workato_tui.widgets.plain_checkbox import CHECKED, UNCHECKED


def shown(widget: Checkbox) -> str:
    return str(widget.render())


async def test_the_delete_checkbox_shows_its_state(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Cost_centers.csv").write_text("code,name,owner\n", encoding="utf-8")
    async with world.editor() as ed:
        await ed.press("i")
        screen = await ed.until_screen(ImportScreen)
        await ed.settle()
        box = screen.query_one("#import-delete", Checkbox)
        assert box.value is False
        assert UNCHECKED in shown(box) and CHECKED not in shown(box)
        box.focus()
        await ed.press("space")
        await ed.settle()
        assert box.value is True and CHECKED in shown(box)
        lines = str(screen.query_one("#import-lines", Static).render())
        assert "64 to delete" in lines  # the preview follows the box
