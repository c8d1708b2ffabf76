"""Refreshing a table in place (issue 11 item 11): pages replace rows by key, new rows join,
and marks stay."""

from __future__ import annotations

from typing import Any

from workato_tui.widgets.table_model import Column, TableModel
from workato_tui.widgets.table_refresh import merge_rows


def rows(ids: range, name: str = "Recipe") -> list[dict[str, Any]]:
    return [{"id": i, "name": f"{name} {i}", "ok": i % 7} for i in ids]


def model_of(count: int) -> TableModel:
    model = TableModel()
    model.set_columns([Column("id", "ID"), Column("name", "NAME"), Column("ok", "OK")])
    model.set_rows(rows(range(count)))
    return model


def names(model: TableModel) -> list[str]:
    return [model.visible_row(p)["name"] for p in range(model.row_count)]


def test_a_page_replaces_its_rows_where_they_stand_and_keeps_the_rest() -> None:
    model = model_of(300)
    model.marked_keys.update({5, 250})
    keys = merge_rows(model, rows(range(100), "Fresh"))
    assert keys == list(range(100))
    assert model.total_count == 300  # the rest of the list is still there
    assert names(model)[:2] == ["Fresh 0", "Fresh 1"] and names(model)[250] == "Recipe 250"
    assert model.marked_keys == {5, 250}


def test_new_rows_join_at_the_end_of_a_page() -> None:
    model = model_of(300)
    merge_rows(model, rows(range(290, 302)))
    assert model.total_count == 302
    assert [model.visible_row(p)["id"] for p in (0, 299, 300, 301)] == [0, 299, 300, 301]


def test_a_sorted_filtered_view_places_changed_rows_again() -> None:
    model = model_of(20)
    model.sort_by("ok", reverse=True)
    model.set_filter("recipe 1")  # 1 and 10..19
    merge_rows(model, [{"id": 1, "name": "Recipe 1", "ok": 99}, {"id": 10, "name": "x", "ok": 0}])
    shown = [model.visible_row(p)["id"] for p in range(model.row_count)]
    assert shown[0] == 1  # it sorts first now
    assert 10 not in shown  # and 10 no longer matches the filter
