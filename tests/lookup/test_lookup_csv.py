"""CSV export and import planning: columns by header, matching by key or id, clear errors."""

from __future__ import annotations

import pytest

from workato_tui.lookup import CsvProblem, parse_csv, plan_import
from workato_tui.lookup.csvio import export_text

COLUMNS = ["code", "name", "owner"]
ROWS = [
    {"id": 1, "code": "A", "name": "Alpha", "owner": "Ana"},
    {"id": 2, "code": "B", "name": "Beta", "owner": "Ben"},
    {"id": 3, "code": "C", "name": "Gamma, Inc.", "owner": ""},
]


def plan(text: str, **kw: object):  # type: ignore[no-untyped-def]
    return plan_import(parse_csv(text.encode(), COLUMNS), ROWS, COLUMNS, **kw)  # type: ignore[arg-type]


def problem(data: bytes | str, columns: list[str] = COLUMNS) -> CsvProblem:
    raw = data.encode() if isinstance(data, str) else data
    with pytest.raises(CsvProblem) as caught:
        parse_csv(raw, columns)
    return caught.value


def test_export_then_import_is_a_no_op() -> None:
    text, count = export_text(ROWS, COLUMNS)
    assert count == 3 and text.splitlines()[0] == "id,code,name,owner"
    assert '"Gamma, Inc."' in text
    result = plan(text)
    assert result.key_column == "id" and result.total == 0 and result.unchanged == 3


def test_matching_by_the_first_column_adds_and_changes_only_what_differs() -> None:
    result = plan("CODE,Name\nA,Alpha\nB,Beta 2\nZ,Zed\n")
    assert result.key_column == "code"
    assert [(r["id"], new) for r, new in result.changes] == [(2, {"name": "Beta 2"})]
    assert result.adds == [{"code": "Z", "name": "Zed"}]
    assert result.deletes == [] and result.unchanged == 1


def test_the_delete_option_deletes_rows_missing_from_the_file() -> None:
    result = plan("code,name\nA,Alpha\n", delete_missing=True)
    assert [r["id"] for r in result.deletes] == [2, 3]
    assert plan("code,name\nA,Alpha\n").deletes == []


def test_matching_by_id_and_by_another_column() -> None:
    result = plan("id,code\n2,B2\n,NEW\n")
    assert [(r["id"], new) for r, new in result.changes] == [(2, {"code": "B2"})]
    assert result.adds == [{"code": "NEW"}]
    by_name = plan("name,owner\nBeta,Bo\n", key_column="name")
    assert [(r["id"], new) for r, new in by_name.changes] == [(2, {"owner": "Bo"})]


def test_an_id_the_table_does_not_have_names_the_line() -> None:
    with pytest.raises(CsvProblem, match="line 3: no row with id 99"):
        plan("id,code\n1,A\n99,Q\n")


def test_wrong_columns_name_the_header_line() -> None:
    error = problem("code,colour\nA,red\n")
    assert error.line == 1 and "unknown column(s) 'colour'" in str(error)
    assert "columns are code, name, owner" in str(error)
    assert "appears twice" in str(problem("code,CODE\nA,A\n"))
    assert "has no name" in str(problem("code,,name\nA,,x\n"))


def test_more_than_ten_columns_is_refused() -> None:
    columns = [f"c{i}" for i in range(12)]
    error = problem(",".join(columns) + "\n" + ",".join("x" * 12) + "\n", columns)
    assert str(error) == "line 1: 12 columns, but a lookup table has at most 10"


def test_bad_encoding_names_the_line() -> None:
    error = problem(b"code,name\nA,Alpha\nB,Caf\xe9\n")
    assert error.line == 3 and "not UTF-8" in str(error)


def test_ragged_rows_name_the_line() -> None:
    error = problem('code,name\nA,Alpha\n\n"B\nstill B",Beta\nC,Gamma,extra\n')
    assert str(error) == "line 6: 3 fields, but the header has 2"


def test_duplicate_keys_in_the_file_name_both_lines() -> None:
    with pytest.raises(CsvProblem, match="line 4: code 'A' is also on line 2"):
        plan("code,name\nA,x\nB,y\nA,z\n")


def test_an_empty_file_and_a_missing_key_column() -> None:
    assert problem("").line == 1
    with pytest.raises(CsvProblem, match="key column 'code' is not in the file"):
        plan("name\nAlpha\n")


def test_a_bom_is_accepted() -> None:
    assert parse_csv("\ufeffcode,name\nA,x\n".encode(), COLUMNS).columns == ["code", "name"]
