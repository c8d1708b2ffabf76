"""Columns use the width (issue 11 item 18): NAME, or the widest text column, grows with
the terminal, as far as its texts need; when narrow, columns hide by priority (table_layout)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workato_tui.columns import ESSENTIAL, HIDES_FIRST, NORMAL
from workato_tui.widgets.table_layout import (
    FLEX_MIN_WIDTH,
    ColumnFit,
    ColumnWindow,
    Layout,
    arrange,
    more_text,
)
from workato_tui.widgets.table_model import Column

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World


def test_name_grows_into_spare_width_as_far_as_its_texts_need() -> None:
    columns = [Column("id", "ID"), Column("name", "NAME", width=10), Column("ok", "OK")]
    long_rows = [{"id": 1, "name": "A rather long recipe name of 40 cells....", "ok": 3}]
    narrow = Layout.build(columns, long_rows)
    assert narrow.widths[1] == 10
    wide = Layout.build(columns, long_rows, available=200)
    assert wide.widths[1] == 41  # its text, not all 200 cells
    some = Layout.build(columns, long_rows, available=narrow.width + 5)
    assert some.widths[1] == 15 and some.width == narrow.width + 5


async def test_recipe_names_show_in_full_on_a_wide_terminal(world: World) -> None:
    full = "Grant app access from approved ServiceNow requests"
    async with world.run(size=(120, 36)) as d:
        assert not any(full in line for line in table_lines(d))  # cut at 120 with the tree
    async with world.run(size=(200, 36)) as d:
        assert any(full in line for line in table_lines(d))


def table_lines(d: Driver) -> list[str]:
    table = d.table
    return [table.render_line(y).text for y in range(table.size.height)]


def priced(widths: dict[str, int], **priorities: int) -> list[Column]:
    """Columns of declared widths; `name` grows, the others at the priorities given."""
    return [
        Column(key, key.upper(), width=width, priority=priorities.get(key, NORMAL))
        for key, width in widths.items()
    ]


def test_the_lowest_priority_hides_first_then_the_rightmost_of_equals() -> None:
    widths = {"id": 6, "name": 30, "state": 9, "trigger": 10, "failed": 6, "folder": 12}
    columns = priced(widths, id=HIDES_FIRST, state=ESSENTIAL, failed=ESSENTIAL)
    everything = arrange(ColumnFit.measure(columns, []), 200)
    assert everything.hidden == () and everything.more == ""
    narrow = arrange(ColumnFit.measure(columns, []), 70)
    shown = [c.key for c in narrow.columns]
    assert shown == ["name", "state", "trigger", "failed"]  # id (lowest), folder (rightmost)
    assert [columns[i].key for i in narrow.hidden] == ["id", "folder"]
    assert narrow.width <= 70 - len(more_text(len(columns) - 1))  # room for the note


def test_must_show_columns_stay_and_the_flexible_one_takes_what_is_left() -> None:
    widths = {"id": 6, "name": 30, "state": 9, "updated": 16}
    columns = priced(widths, id=HIDES_FIRST, updated=HIDES_FIRST)
    fit = ColumnFit.measure(columns, [])
    assert [c.key for c in arrange(fit, 52).columns] == ["id", "name", "state"]
    shown = arrange(fit, 52, must_show={3})  # e.g. the sorted column
    assert [c.key for c in shown.columns] == ["name", "updated"]
    assert shown.width == 52 - len(more_text(3))  # NAME takes the rest: 23 cells
    assert shown.widths[0] == 23


def test_an_essential_column_narrows_the_flexible_one_further_before_it_hides() -> None:
    widths = {"name": 40, "method": 30, "status": 25}
    normal = arrange(ColumnFit.measure(priced(widths), []), 90)
    assert [c.key for c in normal.columns] == ["name", "method"]  # NAME narrows to 30 only
    essential = priced(widths, method=ESSENTIAL, status=ESSENTIAL)
    squeezed = arrange(ColumnFit.measure(essential, []), 90)
    assert [c.key for c in squeezed.columns] == ["name", "method", "status"]
    assert squeezed.widths[0] == FLEX_MIN_WIDTH


def test_the_window_steps_through_hidden_columns_and_notes_which_way_is_left() -> None:
    widths = {"id": 6, "name": 30, "a": 20, "b": 20}
    window = ColumnWindow()
    window.measure(priced(widths, id=HIDES_FIRST), [])
    first = window.arrange(60, ())
    assert first.more == more_text(len(first.hidden), left=False, right=True)
    assert window.move(+1)
    stepped = window.arrange(60, ())
    assert first.hidden[0] in stepped.indices
    assert stepped.more.startswith("\u2039")
    while window.move(+1):
        window.arrange(60, ())
    assert not window.move(+1) and window.step == window.steps
    assert window.arrange(60, ()).more.endswith(" ")  # nothing further right


def test_when_columns_hide_a_declared_width_text_column_takes_the_room_left() -> None:
    error = "Invalid subsidiary reference key 55 for entity 2160"  # 51 cells
    columns = [
        Column("status", "STATUS", width=8),
        Column("started", "STARTED", width=16),
        Column("error", "ERROR", width=30),
        Column("job", "JOB ID", width=20, priority=HIDES_FIRST),
    ]
    rows = [{"status": "failed", "started": "2026-12-01 18:15", "error": error, "job": "j-1"}]
    fit = ColumnFit.measure(columns, rows)
    everything = arrange(fit, 120)
    assert everything.hidden == () and everything.widths[2] == 30  # all fit: its declared width
    narrow = arrange(fit, 78)
    assert [c.key for c in narrow.columns] == ["status", "started", "error"]
    assert narrow.width == 78  # no blank cells beside the cut ERROR, nor under the note
    assert narrow.widths[2] > 30 and narrow.note_in == 2


def test_the_note_keeps_its_own_room_when_the_flexible_header_cannot_hold_it() -> None:
    columns = [
        Column("detail", "D" * 40, width=34),  # the flexible column: the widest text one
        Column("a", "A", width=20, priority=HIDES_FIRST),
        Column("b", "B", width=20),
    ]
    rows = [{"detail": "d" * 60, "a": "", "b": ""}]
    layout = arrange(ColumnFit.measure(columns, rows), 66)
    assert [c.key for c in layout.columns] == ["detail", "b"]
    assert layout.note_in is None and layout.width <= 66 - len(more_text(2))


def test_names_that_need_no_more_room_leave_the_note_its_own_at_the_line_end() -> None:
    columns = priced({"id": 6, "name": 36, "state": 9, "updated": 16}, id=HIDES_FIRST)
    rows = [{"id": 1, "name": "Jira Cloud", "state": "ok", "updated": ""}]
    layout = arrange(ColumnFit.measure(columns, rows), 56)
    assert [c.key for c in layout.columns] == ["name", "state"]
    assert layout.note_in is None and layout.width <= 56 - len(more_text(3))


def test_long_names_take_the_note_room_and_their_header_cell_holds_the_note() -> None:
    columns = priced({"id": 6, "name": 36, "state": 9, "updated": 16}, id=HIDES_FIRST)
    rows = [{"id": 1, "name": "N" * 60, "state": "ok", "updated": ""}]
    layout = arrange(ColumnFit.measure(columns, rows), 56)
    assert [c.key for c in layout.columns] == ["name", "state"]
    assert layout.note_in == 1 and layout.width == 56  # no cells blank under the note
    size = len(more_text(2))
    assert layout.note_x(size) == layout.offsets[0] + 1 + layout.widths[0] - size
