"""CSV and staged-file safety: bad ids, formula injection, corrupt staged files, permissions,
and new-row keys that stay unique and one undo step when an import is staged in chunks."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from workato_tui.lookup import CsvProblem, StagedStore, Staging, csvio, parse_csv, plan_import
from workato_tui.lookup.csvio import export_text, guard, unguard

COLUMNS = ["code", "name", "owner"]
ROWS = [
    {"id": 1, "code": "A", "name": '=HYPERLINK("http://x")', "owner": "@me"},
    {"id": 2, "code": "B", "name": "-5", "owner": "+1 555"},
    {"id": 3, "code": "C", "name": "'=already quoted", "owner": "'plain"},
]


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("bad_id", ["²", "١٢", "1²", "٣"])
def test_an_id_that_is_not_ascii_digits_is_a_row_error_naming_the_line(bad_id: str) -> None:
    table = parse_csv(f"id,code\n1,A\n{bad_id},B\n".encode(), COLUMNS)
    with pytest.raises(CsvProblem, match=f"line 3: id '{bad_id}' is not a row id"):
        plan_import(table, ROWS, COLUMNS)


def test_export_neutralises_formula_cells_and_import_reads_them_back() -> None:
    text, _ = export_text(ROWS, COLUMNS)
    body = cells(text)[1:]
    assert body[0][2:] == ['\'=HYPERLINK("http://x")', "'@me"]
    assert body[1][2:] == ["'-5", "'+1 555"]
    assert body[2][2:] == ["''=already quoted", "'plain"]  # a guard is never ambiguous
    assert not any(c.startswith(("=", "+", "-", "@")) for row in body for c in row[1:])
    plan = plan_import(parse_csv(text.encode(), COLUMNS), ROWS, COLUMNS)
    assert plan.total == 0 and plan.unchanged == 3  # the round trip changes nothing


def test_raw_export_writes_cells_verbatim() -> None:
    text, _ = export_text(ROWS, COLUMNS, raw=True)
    assert cells(text)[1][2:] == ['=HYPERLINK("http://x")', "@me"]


@pytest.mark.parametrize("value", ["=1", "'=1", "''=1", "'", "'x", "-", "\t=1", "", "a=b"])
def test_guard_and_unguard_are_inverse(value: str) -> None:
    assert unguard(guard(value)) == value


def test_a_corrupt_staged_file_is_reported_and_every_backup_kept(tmp_path: Path) -> None:
    store = StagedStore(tmp_path)
    for attempt in ("{first", "{second", "[]"):
        (tmp_path / "7.json").write_text(attempt)
        assert store.load(7, COLUMNS) is None
        assert store.problem is not None and "could not be read" in store.problem
    backups = sorted(p.name for p in tmp_path.iterdir())
    assert backups == ["7.unreadable", "7.unreadable-2", "7.unreadable-3"]
    assert (tmp_path / "7.unreadable").read_text() == "{first"  # not overwritten
    assert store.problem.endswith(f"kept as {tmp_path / '7.unreadable-3'}.")
    assert store.load(7, COLUMNS) is None and store.problem is None  # nothing there now


def test_staged_files_are_private(tmp_path: Path) -> None:
    directory = tmp_path / "state" / "demo" / "staged"
    staging = Staging(7, COLUMNS)
    staging.add_row({"code": "secret-ish"})
    StagedStore(directory).save(staging)
    assert stat.S_IMODE((directory / "7.json").stat().st_mode) == 0o600
    for folder in (directory, directory.parent, directory.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert json.loads((directory / "7.json").read_text())["rows"][0]["values"]["code"]


def test_an_existing_loose_staged_folder_is_tightened(tmp_path: Path) -> None:
    directory = tmp_path / "staged"
    directory.mkdir(mode=0o755)
    directory.chmod(0o755)
    staging = Staging(7, COLUMNS)
    staging.add_row()
    StagedStore(directory).save(staging)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700


def test_an_import_in_chunks_is_one_undo_step_with_unique_keys() -> None:
    staging = Staging(7, COLUMNS)
    staging.add_row({"code": "before"})
    adds = [{"code": f"N{i}"} for i in range(25)]
    changes = [(ROWS[0], {"name": "renamed"})]
    chunks = list(staging.import_chunks(changes, adds, [ROWS[1]], size=4))
    assert [len(c) for c in chunks] == [4] * 6 + [3]
    keys = [key for chunk in chunks for key, _ in chunk]
    assert len(set(keys)) == 27 and len(staging) == 28
    assert staging.undo() is not None
    assert [r.values["code"] for r in staging.rows.values()] == ["before"]


def test_an_edit_between_chunks_is_its_own_undo_step() -> None:
    staging = Staging(7, COLUMNS)
    chunks = staging.import_chunks([], [{"code": f"N{i}"} for i in range(4)], [], size=2)
    next(chunks)
    staging.set_cell(ROWS[2], "owner", "edited meanwhile")
    list(chunks)
    assert len(staging) == 5
    staging.undo()  # the import (its step closes last)
    assert list(staging.rows) == [3]
    staging.undo()
    assert not len(staging)


def test_new_row_keys_are_never_reused_after_undo() -> None:
    staging = Staging(7, COLUMNS)
    first = staging.add_row()[0][0]
    staging.undo()
    assert staging.add_row()[0][0] != first


def test_a_file_past_the_row_limit_is_refused_naming_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(csvio, "MAX_IMPORT_ROWS", 3)
    parse_csv(b"code\nA\nB\nC\n", COLUMNS)  # at the limit: fine
    with pytest.raises(CsvProblem, match="line 5: more than 3 rows; an import takes at most"):
        parse_csv(b"code\nA\nB\nC\nD\n", COLUMNS)


def test_a_file_past_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvio, "MAX_IMPORT_BYTES", 10)
    path = tmp_path / "big.csv"
    path.write_text("code\n" + "A\n" * 20)
    with pytest.raises(CsvProblem, match="an import reads at most"):
        csvio.read_csv_file(path, COLUMNS)


def test_the_staged_file_follows_every_change_of_a_row(tmp_path: Path) -> None:
    """Rows keep their JSON text between writes; any change must drop it."""
    store, staging = StagedStore(tmp_path), Staging(7, COLUMNS)
    staging.set_cell(ROWS[0], "owner", "first")
    staging.add_row({"code": "N"})
    store.save(staging)
    staging.set_cell(ROWS[0], "owner", "second")  # values replaced
    staging.fail(1, "boom")  # error set
    staging.toggle_delete([ROWS[1]])  # a new row staged for deletion
    store.save(staging)
    restored = store.load(7, COLUMNS)
    assert restored is not None
    assert restored.rows[1].values["owner"] == "second" and restored.rows[1].error == "boom"
    assert restored.rows[2].deleted
