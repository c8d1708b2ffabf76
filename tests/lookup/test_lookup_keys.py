"""The lookup editor's keys keep the meanings they have elsewhere: `D` deletes (the row), `x`
does nothing here (it stops/disconnects in the lists); export is `E`, discard-all `U`. Export
proposes a file name without spaces in the home directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_world import World

from workato_tui.lookup.files import default_file_name
from workato_tui.screens.confirm import ConfirmScreen


async def test_d_marks_the_row_deleted_and_x_is_not_export(world: World) -> None:
    first = next(iter(world.stored()))
    async with world.editor() as ed:
        ed.move_to_cell(first)
        await ed.press("x")
        assert not ed.editor.prompt.display or ed.app.focused is not ed.editor.prompt
        await ed.press("D")
        staged = ed.editor.staging.get(first)
        assert staged is not None and staged.deleted


async def test_e_exports_to_the_home_directory_without_spaces(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    async with world.editor() as ed:
        await ed.press("E")
        assert ed.editor.prompt.value == str(tmp_path / "Cost_centers.csv")
        await ed.press("enter")
        assert (tmp_path / "Cost_centers.csv").exists()


async def test_u_discards_every_staged_change_after_asking(world: World) -> None:
    first = next(iter(world.stored()))
    async with world.editor() as ed:
        await ed.edit(first, "name", "Mine")
        await ed.press("U")
        await ed.settle()
        assert isinstance(ed.app.screen, ConfirmScreen)


def test_default_file_name_has_no_spaces_or_path_characters() -> None:
    assert default_file_name("Cost centers") == "Cost_centers.csv"
    assert default_file_name("EU / UK  rates: 2026") == "EU_UK_rates_2026.csv"
    assert default_file_name("  ") == "lookup-table.csv"


async def test_the_pending_line_names_the_keys_that_undo_and_discard(world: World) -> None:
    """The status line teaches the keys: they must be the ones bound (discard moved to `U`)."""
    first = next(iter(world.stored()))
    async with world.editor() as ed:
        await ed.edit(first, "name", "Mine")
        bound = {b.action: b.key for b in ed.editor.BINDINGS if not isinstance(b, tuple)}
        assert f"{bound['undo']} undoes, {bound['discard']} discards" in ed.status
