"""Staged changes, undo, diff lines, persistence and the re-read plan: pure logic, no UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workato_tui.lookup import StagedStore, Staging, diff_lines, plan_reads, table_columns
from workato_tui.lookup.staging import ADDED, CHANGED, DELETED, FAILED

COLUMNS = ["code", "name", "owner"]


def row(key: int, code: str, name: str = "n", owner: str = "o") -> dict[str, object]:
    return {"id": key, "code": code, "name": name, "owner": owner}


def test_the_logic_package_does_not_load_textual() -> None:
    code = "import sys, workato_tui.lookup; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_editing_a_cell_stages_old_and_new_and_undo_restores() -> None:
    staging = Staging(1, COLUMNS)
    changes = staging.set_cell(row(5, "A"), "name", "new")
    assert changes == [(5, row(5, "A", "new"))]
    staged = staging.get(5)
    assert staged is not None and staged.base == {"code": "A", "name": "n", "owner": "o"}
    assert staged.changed_columns() == ["name"]
    assert staging.cell_class(row(5, "A", "new"), "name") == CHANGED
    assert staging.cell_class(row(5, "A", "new"), "code") is None
    assert staging.cell_class(row(5, "A", "new"), "id") is None
    assert staging.summary() == "1 pending change: 1 changed (1 cell)"
    assert staging.undo() == [(5, row(5, "A"))]
    assert not len(staging) and staging.undo() is None


def test_editing_back_to_the_original_value_unstages_the_row() -> None:
    staging = Staging(1, COLUMNS)
    staging.set_cell(row(5, "A"), "name", "new")
    staging.set_cell(row(5, "A", "new"), "name", "n")
    assert not len(staging)
    assert staging.set_cell(row(5, "A"), "name", "n") == []  # same value: not a step
    assert len(staging.history) == 2


def test_adding_deleting_and_undoing_rows() -> None:
    staging = Staging(1, COLUMNS)
    [(new_key, new_row)] = staging.add_row({"code": "Z"})
    assert new_key == -1 and new_row == {"id": -1, "code": "Z", "name": "", "owner": ""}
    assert staging.row_class(new_row) == ADDED
    assert staging.toggle_delete([row(7, "B")]) == [(7, row(7, "B"))]
    assert staging.row_class(row(7, "B")) == DELETED
    assert staging.summary() == "2 pending changes: 1 added, 1 deleted"
    assert staging.toggle_delete([row(7, "B")]) == [(7, row(7, "B"))]  # toggled back
    assert 7 not in staging
    assert staging.toggle_delete([new_row]) == [(-1, None)]  # a new row just goes away
    assert not len(staging)
    assert staging.undo() == [(-1, new_row)]
    staging.undo()
    staging.undo()
    assert staging.undo() == [(-1, None)]
    assert not len(staging)


def test_keep_yours_rebases_on_their_version_and_take_theirs_drops_the_change() -> None:
    staging = Staging(1, COLUMNS)
    staging.set_cell(row(5, "A"), "name", "mine")
    theirs = {"code": "A", "name": "n", "owner": "them"}
    key, changes = staging.keep_yours(5, theirs)
    staged = staging.get(5)
    assert key == 5 and staged is not None
    assert staged.base == theirs and staged.values == {**theirs, "name": "mine"}
    assert changes == [(5, {"id": 5, **theirs, "name": "mine"})]
    assert staging.take_theirs(5, theirs) == [(5, {"id": 5, **theirs})]
    assert 5 not in staging


def test_keep_yours_on_a_row_they_deleted_adds_it_back() -> None:
    staging = Staging(1, COLUMNS)
    staging.set_cell(row(5, "A"), "name", "mine")
    key, changes = staging.keep_yours(5, None)
    assert key < 0 and changes[0] == (5, None)
    staged = staging.get(key)
    assert staged is not None and staged.kind == "add" and staged.values["name"] == "mine"


def test_failed_rows_are_marked_and_saved_rows_leave_the_undo_history() -> None:
    staging = Staging(1, COLUMNS)
    staging.set_cell(row(5, "A"), "name", "x")
    staging.set_cell(row(6, "B"), "name", "y")
    staging.fail(6, "500 Server error")
    assert staging.row_class(row(6, "B", "y")) == FAILED
    assert staging.summary().endswith("; 1 not saved (the row says why)")
    staging.forget(5)
    assert [list(step) for step in staging.history] == [[6]]


def test_diff_lines_say_old_to_new_added_and_deleted() -> None:
    staging = Staging(1, COLUMNS)
    staging.toggle_delete([row(9, "D", "gone")])
    staging.add_row({"code": "N", "name": "fresh"})
    staging.set_cell(row(5, "A"), "owner", "Ben")
    assert diff_lines(staging) == [
        "~ row 5 (A): owner: 'o' -> 'Ben'",
        "+ new row (N): code='N', name='fresh', owner=''",
        "- row 9 (D): code='D', name='gone', owner='o'",
    ]
    assert diff_lines(staging, limit=1)[-1] == "… and 2 more change(s)"


def test_staged_edits_survive_on_disk(tmp_path: Path) -> None:
    store = StagedStore(tmp_path / "staged")
    staging = Staging(42, COLUMNS)
    staging.set_cell(row(5, "A"), "name", "x")
    staging.add_row({"code": "N"})
    staging.fail(5, "boom")
    store.save(staging, "Cost centers")
    restored = store.load(42, COLUMNS)
    assert restored is not None
    assert {k: (r.base, r.values, r.error) for k, r in restored.rows.items()} == {
        k: (r.base, r.values, r.error) for k, r in staging.rows.items()
    }
    staging.discard_all()
    store.save(staging)
    assert store.load(42, COLUMNS) is None and not (tmp_path / "staged" / "42.json").exists()


def test_an_unreadable_staged_file_is_moved_aside(tmp_path: Path) -> None:
    (tmp_path / "7.json").write_text("{not json")
    assert StagedStore(tmp_path).load(7, COLUMNS) is None
    assert (tmp_path / "7.unreadable").exists()


def test_reread_plan_uses_pages_only_when_that_is_fewer_requests() -> None:
    positions = {key: key for key in range(5000)}
    few = plan_reads([3, 4000], positions, total_rows=5000)
    assert few.gets == (3, 4000) and not few.pages
    many = plan_reads(list(range(300)), positions, total_rows=5000)
    assert many.pages == (1,) and not many.gets
    spread = plan_reads([10, 1010, 2010, 9999], positions, total_rows=5000)
    assert spread.pages == () and spread.requests == 4  # 3 pages + 1 get is not fewer
    scan = plan_reads([10], positions, total_rows=2500, can_get=False)
    assert scan.pages == (1, 2, 3) and scan.full_scan


def test_table_columns_come_from_the_schema_or_the_columns_list() -> None:
    schema = '[{"label": "code", "name": "col1"}, {"label": "name", "name": "col2"}]'
    assert table_columns({"schema_": schema}) == ["code", "name"]
    assert table_columns({"schema": schema}) == ["code", "name"]
    assert table_columns({"columns": "a, b"}) == ["a", "b"]
    assert table_columns({"columns": [f"c{i}" for i in range(12)]}) == [f"c{i}" for i in range(10)]
