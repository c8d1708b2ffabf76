"""Columns use the width (issue 11 item 18): NAME, or the widest text column, grows with
the terminal, as far as its texts need."""

from __future__ import annotations

from workato_tui.widgets.table_model import Column
from workato_tui.widgets.table_render import Layout


def test_name_grows_into_spare_width_as_far_as_its_texts_need() -> None:
    columns = [Column("id", "ID"), Column("name", "NAME", width=10), Column("ok", "OK")]
    long_rows = [{"id": 1, "name": "A rather long recipe name of 40 cells....", "ok": 3}]
    narrow = Layout.build(columns, long_rows)
    assert narrow.widths[1] == 10
    wide = Layout.build(columns, long_rows, available=200)
    assert wide.widths[1] == 41  # its text, not all 200 cells
    some = Layout.build(columns, long_rows, available=narrow.width + 5)
    assert some.widths[1] == 15 and some.width == narrow.width + 5
