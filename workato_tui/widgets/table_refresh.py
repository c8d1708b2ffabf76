"""Refreshing a table's rows in place (ctrl+r on a long list): pages replace the rows with
their keys where they stand, new rows join at the end, and the rows no page brought back go
when the refresh ends, so the rows, the cursor and the marks stay while the quota makes the
refresh take a minute.

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


def keep_only(model: TableModel, keys: set[Hashable]) -> int:
    """The end of a refresh: drop the rows whose keys it did not bring back (their marks go
    with them); returns how many rows went."""
    rows = list(model.rows)
    kept = [row for row in rows if model.row_key(row) in keys]
    if len(kept) == len(rows):
        return 0
    model.set_rows(kept)
    return len(rows) - len(kept)
