"""CSV in the editor: export, edit the file, import as a staged diff, save; bad files say why."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pilot_driver import widget_text
from pilot_world import World
from textual.widgets import Checkbox, Static

from workato_tui.screens.lookup_import import ImportScreen


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


async def test_csv_round_trip(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    path = tmp_path / "Cost_centers.csv"
    async with world.editor() as ed:
        await ed.press("E")
        assert ed.editor.prompt.value == str(path)  # default: in home
        await ed.press("enter")
        exported = read(path)
        assert exported[0] == ["id", "code", "name", "owner"] and len(exported) == 65
        assert any("Exported 64 rows" in m for m in ed.messages)

        edited = [
            exported[0],
            [exported[1][0], exported[1][1], "Renamed in a spreadsheet", exported[1][3]],
            *exported[3:],
            ["", "CC-7777", "Imported", "Ana"],
        ]
        write(path, edited)  # row 1 renamed, row 2 removed, one row added
        await ed.press("i")
        screen = ed.app.screen
        assert isinstance(screen, ImportScreen)
        preview = widget_text(screen.query_one("#import-lines", Static))
        assert "1 to add, 1 to change, 0 to delete, 62 unchanged (matched by id)" in preview
        screen.query_one("#import-delete", Checkbox).value = True
        await ed.settle()
        assert "1 to delete" in widget_text(screen.query_one("#import-lines", Static))
        await ed.press("ctrl+s")  # stage
        assert ed.status.startswith("3 pending changes: 1 changed (1 cell), 1 added, 1 deleted")
        await ed.save()
        await ed.close_progress()
    stored = world.stored()
    assert stored[int(exported[1][0])]["name"] == "Renamed in a spreadsheet"
    assert int(exported[2][0]) not in stored
    assert list(stored.values())[-1] == {"code": "CC-7777", "name": "Imported", "owner": "Ana"}
    assert len(stored) == 64
    as_file = {tuple(row[1:]) for row in edited[1:]}
    assert {(d["code"], d["name"], d["owner"]) for d in stored.values()} == as_file


async def test_export_of_the_filtered_rows(world: World, tmp_path: Path) -> None:
    async with world.editor() as ed:
        await ed.press("slash", *"legal", "enter", "E")
        ed.editor.prompt.value = str(tmp_path / "legal.csv")  # (typing it would be slow)
        await ed.press("enter")
    rows = read(tmp_path / "legal.csv")
    assert len(rows) == 9 and all("Legal" in row[2] for row in rows[1:])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("code,colour\nA,red\n", "line 1: unknown column(s) 'colour'"),
        ("code,name\nA,x\nB\n", "line 3: 1 field, but the header has 2"),
        (",".join(f"c{i}" for i in range(11)) + "\n", "line 1: 11 columns, but a lookup table has"),
    ],
)
async def test_a_bad_file_is_refused_naming_the_line(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, expected: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Cost_centers.csv").write_text(content)
    async with world.editor() as ed:
        await ed.press("i")
        screen = ed.app.screen
        assert isinstance(screen, ImportScreen)
        assert expected in widget_text(screen.query_one("#import-problem", Static))
        await ed.press("ctrl+s")  # nothing to stage: it stays open
        assert ed.app.screen is screen
        await ed.press("escape")
        assert not len(ed.editor.staging)


async def test_a_file_that_is_not_utf8(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Cost_centers.csv").write_bytes(b"code,name\nCC-1000,Caf\xe9\n")
    async with world.editor() as ed:
        await ed.press("i")
        problem = widget_text(ed.app.screen.query_one("#import-problem", Static))
        assert "line 2: not UTF-8 text" in problem
