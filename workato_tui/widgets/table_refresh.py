"""Refreshing a table's rows in place (ctrl+r on a long list): pages replace the rows with
their keys where they stand and new rows join at the end, so the rows, the cursor and the
marks stay while the quota makes the refresh take a minute. When the refresh ends, the view
sets the fresh rows in the API's order (what is gone goes, with its marks).

Plain functions over a `TableModel` (no Textual), so they are tested without an app.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from .table_model import Row, TableModel


def merge_rows(model: TableModel, rows: Iterable[Row]) -> list[Hashable]:
    """A refreshed page: each row replaces the row with its key, new ones go at the end (the
    sort and filter are applied again); returns the page's keys."""
    keys: list[Hashable] = []
    new: list[Row] = []
    for row in rows:
        keys.append(model.row_key(row))
        if model.update_row(row) is None:
            new.append(row)
    if new:
        model.append_rows(new)  # applies the sort and filter to the new rows
    if model.sort_key is not None or model.filter_text:
        model.refresh_view()  # a changed value may move a row or change whether it matches
    return keys
