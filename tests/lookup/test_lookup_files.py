"""The lookup editor's file helpers without any UI: paths, the rows an export writes and what it
says, and staging an import a slice at a time as one undo step."""

from __future__ import annotations

from pathlib import Path

from workato_tui.lookup import ImportPlan, Staging
from workato_tui.lookup import files as lookup_files
from workato_tui.lookup import staging as staging_module
from workato_tui.lookup.files import (
    default_file_name,
    export_message,
    resolve_path,
    rows_to_export,
    stage_in_slices,
)

COLUMNS = ["code", "name"]


def row(key: int, code: str, name: str = "n") -> dict[str, object]:
    return {"id": key, "code": code, "name": name}


def test_file_names_and_paths() -> None:
    assert (
        default_file_name('Cost/centers: "EU"') == "Cost_centers_EU.csv"
    )  # no spaces (issue 11 item 24)
    assert default_file_name(" .. ") == "lookup-table.csv"
    assert resolve_path(" out.csv ", Path("/work")) == Path("/work/out.csv")
    assert resolve_path("/tmp/x.csv", Path("/work")) == Path("/tmp/x.csv")
    assert resolve_path("~/x.csv", Path("/work")) == Path.home() / "x.csv"


def test_an_export_leaves_out_rows_staged_for_deletion_and_says_what_it_wrote() -> None:
    staging = Staging(1, COLUMNS)
    shown = [row(1, "A"), row(2, "B"), row(3, "C")]
    staging.toggle_delete([row(2, "B")])
    assert [r["code"] for r in rows_to_export(shown, staging)] == ["A", "C"]
    assert export_message(2, Path("t.csv"), filtered=False, staged=False, raw=False) == (
        "Exported 2 rows to t.csv"
    )
    assert export_message(2, Path("t.csv"), filtered=True, staged=True, raw=True) == (
        "Exported 2 rows (the filtered rows), staged edits as shown, formulas raw to t.csv"
    )


async def test_an_import_is_staged_slice_by_slice_as_one_undo_step(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lookup_files, "IMPORT_SLICE_SECONDS", 0)  # a slice per chunk
    monkeypatch.setattr(staging_module, "IMPORT_CHUNK", 2)
    staging = Staging(1, COLUMNS)
    plan = ImportPlan("code", adds=[{"code": f"N{i}", "name": "x"} for i in range(5)])
    plan.changes.append((row(7, "C"), {"code": "C", "name": "changed"}))
    shown: list[int] = []
    said: list[str] = []
    done = await stage_in_slices(
        staging, plan, lambda changes: shown.append(len(changes)), said.append
    )
    assert done == 6 and len(staging) == 6
    assert said[-1] == "Staging the import: 6 of 6 rows…"
    assert shown == [2, 2, 2]
    assert said == [f"Staging the import: {n} of 6 rows…" for n in (2, 4, 6)]
    assert staging.undo() is not None and not len(staging)  # one step undoes the whole file
