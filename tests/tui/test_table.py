"""ResourceTable: rows, filter, sort, marks, cursor keys, cell mode, states, 100k rows."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Input

from workato_tui.widgets import Column, ResourceTable
from workato_tui.widgets.table_model import TableModel, sorted_positions

SIZE = (100, 30)
STATUSES = ["running", "stopped", "failed"]


def make_rows(count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": i,
            "name": f"Recipe {i:05d}",
            "status": STATUSES[i % 3],
            "jobs": (i * 7) % 50,
            "owner": None if i % 4 == 0 else f"user{i % 5}",
        }
        for i in range(count)
    ]


def make_columns() -> list[Column]:
    return [
        Column("id", "ID", align="right"),
        Column("name", "Name"),
        Column("status", "Status"),
        Column("jobs", "Jobs", align="right", format=lambda v: f"{v} jobs"),
        Column("owner", "Owner"),
    ]


class TableApp(App[None]):
    def __init__(self, table: ResourceTable, *, with_input: bool = False) -> None:
        super().__init__()
        self.table = table
        self.with_input = with_input
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        if self.with_input:
            yield Input(id="other")
        yield self.table

    def on_mount(self) -> None:
        self.table.focus()

    def on_resource_table_row_highlighted(self, message: ResourceTable.RowHighlighted) -> None:
        self.messages.append(message)

    def on_resource_table_row_activated(self, message: ResourceTable.RowActivated) -> None:
        self.messages.append(message)

    def on_resource_table_marks_changed(self, message: ResourceTable.MarksChanged) -> None:
        self.messages.append(message)


def new_table(count: int = 20, **kwargs: Any) -> ResourceTable:
    return ResourceTable(make_columns(), make_rows(count), **kwargs)


def screen_lines(table: ResourceTable) -> list[str]:
    """What the table draws, line by line (header first)."""
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


def visible_ids(table: ResourceTable) -> list[int]:
    return [row["id"] for row in table.visible_rows]


# -- rows and rendering -------------------------------------------------------


async def test_header_and_rows_are_drawn() -> None:
    table = new_table(5)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_lines(table)
        assert lines[0].split() == ["ID", "Name", "Status", "Jobs", "Owner"]
        assert lines[1].split() == ["0", "Recipe", "00000", "running", "0", "jobs"]
        assert "Recipe 00003" in lines[4] and "user3" in lines[4]
        assert lines[6].strip() == ""
        assert (table.row_count, table.total_count) == (5, 5)


async def test_long_text_is_cut_with_an_ellipsis() -> None:
    table = ResourceTable([Column("id", "ID", width=6)], [{"id": "abcdefghijkl"}])
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_lines(table)[1].strip() == "abcde…"


async def test_row_and_cell_style_hooks_colour_the_cells() -> None:
    table = new_table(
        6,
        row_style=lambda row: "red" if row["status"] == "failed" else None,
        cell_style=lambda row, key: "resource-table--changed" if key == "name" else None,
    )
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        failed_line = table.render_line(3)  # row id 2 is "failed"
        colours = {seg.style.color.name for seg in failed_line if seg.text.strip() and seg.style}
        assert "red" in colours
        plain_line = table.render_line(2)
        assert all(seg.style.color.name != "red" for seg in plain_line if seg.style.color)
        name_cell = next(seg for seg in plain_line if "Recipe" in seg.text)
        id_cell = next(seg for seg in plain_line if seg.text.strip() == "1")
        assert name_cell.style.bgcolor != id_cell.style.bgcolor


# -- filter -------------------------------------------------------------------


async def test_filter_is_case_insensitive_and_bang_inverts() -> None:
    table = new_table(30)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        table.set_filter("STOPPED")
        await pilot.pause()
        assert table.row_count == 10
        assert {row["status"] for row in table.visible_rows} == {"stopped"}
        assert "stopped" in screen_lines(table)[1]
        table.set_filter("!stopped")
        assert table.row_count == 20
        assert "stopped" not in {row["status"] for row in table.visible_rows}
        table.filter_text = ""
        assert table.row_count == table.total_count == 30


async def test_filter_matches_formatted_text_not_raw_values() -> None:
    table = new_table(30)
    async with TableApp(table).run_test(size=SIZE):
        table.set_filter("49 jobs")
        assert visible_ids(table) == [7]
        table.set_filter("user")
        assert all(row["owner"] for row in table.visible_rows)


async def test_filter_keeps_cursor_on_its_row() -> None:
    table = new_table(30)
    async with TableApp(table).run_test(size=SIZE):
        table.move_cursor(row=4)  # id 4, "stopped"
        table.set_filter("stopped")
        assert table.current_row is not None and table.current_row["id"] == 4
        assert table.cursor_row == 1


# -- sort ---------------------------------------------------------------------


async def test_sort_toggles_direction_and_shows_indicator() -> None:
    table = new_table(12)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        table.sort_by("jobs")
        await pilot.pause()
        jobs = [row["jobs"] for row in table.visible_rows]
        assert jobs == sorted(jobs)
        assert "Jobs ▲" in screen_lines(table)[0] or "▲ Jobs" in screen_lines(table)[0]
        table.sort_by("jobs")
        await pilot.pause()
        assert [row["jobs"] for row in table.visible_rows] == sorted(jobs, reverse=True)
        assert "▼" in screen_lines(table)[0]
        assert table.sort_reverse is True


async def test_sort_puts_none_last_in_both_directions() -> None:
    table = new_table(12)
    async with TableApp(table).run_test(size=SIZE):
        table.sort_by("owner", reverse=False)
        owners = [row["owner"] for row in table.visible_rows]
        assert owners[-3:] == [None, None, None]
        table.sort_by("owner", reverse=True)
        owners = [row["owner"] for row in table.visible_rows]
        assert owners[-3:] == [None, None, None]
        assert owners[0] == "user4"


def test_sort_keys_are_numeric_and_case_insensitive() -> None:
    values = [10, 9, "beta", "Alpha", None, 2.5]
    order = sorted_positions(values, reverse=False)
    assert [values[i] for i in order] == [2.5, 9, 10, "Alpha", "beta", None]


async def test_clicking_a_header_sorts_by_that_column() -> None:
    table = new_table(10)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        x = screen_lines(table)[0].index("Status")
        await pilot.click(ResourceTable, offset=(x, 0))
        assert table.sort_key == "status"
        assert table.visible_rows[0]["status"] == "failed"


# -- marks --------------------------------------------------------------------


async def test_space_marks_rows_and_marks_survive_filter_and_sort() -> None:
    table = new_table(30)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "space", "j", "j", "j", "space")
        assert table.marked_keys == {1, 4}
        table.set_filter("running")
        table.sort_by("id", reverse=True)
        table.set_filter("")
        assert table.marked_keys == {1, 4}
        assert [row["id"] for row in table.marked_rows] == [1, 4]
        await pilot.pause()
        marked_line = table.render_line(1 + table.visible_rows.index(table.marked_rows[0]))
        assert marked_line.text.startswith("•")
        marks_changed = [m for m in app.messages if isinstance(m, ResourceTable.MarksChanged)]
        assert marks_changed and marks_changed[-1].count == 2
        table.clear_marks()
        assert table.marked_keys == frozenset()


async def test_set_rows_drops_marks_of_vanished_rows() -> None:
    table = new_table(10)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.press("space", "j", "space")
        table.set_rows(make_rows(10)[1:])
        assert table.marked_keys == {1}


# -- cursor keys --------------------------------------------------------------


async def test_cursor_keys_move_and_post_row_highlighted() -> None:
    table = new_table(200)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "down")
        assert table.cursor_row == 3
        await pilot.press("k")
        assert table.cursor_row == 2
        await pilot.press("pagedown")
        page = table.scrollable_content_region.height - 1
        assert table.cursor_row == 2 + page
        await pilot.press("pageup")
        assert table.cursor_row == 2
        await pilot.press("end")
        assert table.cursor_row == 199
        assert "Recipe 00199" in screen_lines(table)[-1]
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.current_row is not None and table.current_row["id"] == 199
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.pause()
        highlighted = [m for m in app.messages if isinstance(m, ResourceTable.RowHighlighted)]
        assert highlighted[-1].key == 0 and highlighted[-1].row == table.current_row


async def test_enter_posts_row_activated() -> None:
    table = new_table(5)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        activated = [m for m in app.messages if isinstance(m, ResourceTable.RowActivated)]
        assert [(m.key, m.row["name"]) for m in activated] == [(1, "Recipe 00001")]


async def test_click_moves_the_cursor() -> None:
    table = new_table(10)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.click(ResourceTable, offset=(5, 4))
        assert table.cursor_row == 3


async def test_keymap_can_remap_a_binding_by_id() -> None:
    table = new_table(10)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"table-cursor-down": "n"})
        await pilot.press("n", "n")
        assert table.cursor_row == 2


async def test_tab_in_row_mode_moves_focus_away() -> None:
    table = new_table(5)
    async with TableApp(table, with_input=True).run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert table.app.focused is not table


async def test_right_shows_the_next_hidden_column_in_header_and_body_in_row_mode() -> None:
    table = new_table(5)
    async with TableApp(table).run_test(size=(30, 10)) as pilot:
        before = table.shown_columns
        assert "status" not in before and "more" in screen_lines(table)[0]
        await pilot.press("right")
        assert table.scroll_x == 0  # by column, not by cell
        assert "status" in table.shown_columns
        header, first = screen_lines(table)[:2]
        assert "Status" in header and "running" in first
        assert header.index("Name") < header.index("Status")
        await pilot.press("left")
        assert table.shown_columns == before


async def test_shrinking_rows_scrolls_back_into_range() -> None:
    table = new_table(1000)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.press("end")
        table.set_rows(make_rows(5))
        await pilot.pause()
        assert (table.cursor_row, table.scroll_y) == (4, 0)
        assert "Recipe 00000" in screen_lines(table)[1]


# -- cell mode ----------------------------------------------------------------


async def test_cell_mode_tab_and_shift_tab_walk_cells_and_wrap_rows() -> None:
    table = new_table(5, cursor_mode="cell")
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab")
        assert (table.cursor_row, table.cursor_column) == (0, 2)
        assert table.current_column is not None and table.current_column.key == "status"
        await pilot.press("end", "tab")
        assert (table.cursor_row, table.cursor_column) == (1, 0)
        await pilot.press("shift+tab")
        assert (table.cursor_row, table.cursor_column) == (0, 4)
        await pilot.press("left", "home")
        assert table.cursor_column == 0
        await pilot.press("right", "ctrl+end")
        assert (table.cursor_row, table.cursor_column) == (4, 1)
        await pilot.press("ctrl+home")
        assert table.cursor_row == 0
        assert app.focused is table


async def test_cell_mode_scrolls_the_current_cell_into_view() -> None:
    table = new_table(5, cursor_mode="cell")
    async with TableApp(table).run_test(size=(30, 10)) as pilot:
        await pilot.press("end")
        assert table.scroll_x > 0
        assert "user" in screen_lines(table)[2]
        await pilot.press("home")
        assert table.scroll_x == 0


async def test_cell_mode_highlights_only_the_current_cell() -> None:
    table = new_table(5, cursor_mode="cell")
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        line = table.render_line(1)
        name = next(seg for seg in line if "Recipe" in seg.text)
        status = next(seg for seg in line if "running" in seg.text)
        assert name.style.bgcolor != status.style.bgcolor


# -- incremental pages, states ------------------------------------------------


async def test_append_rows_keeps_cursor_filter_and_sort() -> None:
    rows = make_rows(90)
    table = ResourceTable(make_columns(), rows[:30])
    async with TableApp(table).run_test(size=SIZE) as pilot:
        table.set_filter("running")
        await pilot.press("j", "j")
        key = table.current_key
        table.append_rows(rows[30:60])
        table.append_rows(rows[60:])
        assert table.current_key == key and table.cursor_row == 2
        assert (table.row_count, table.total_count) == (30, 90)
        table.sort_by("id", reverse=True)
        table.append_rows([{"id": 999, "name": "late", "status": "running", "jobs": 1}])
        assert visible_ids(table)[0] == 999
        assert table.current_key == key


async def test_set_rows_keeps_cursor_on_the_same_key() -> None:
    table = new_table(10)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j")
        table.set_rows(list(reversed(make_rows(10))))
        assert table.current_key == 3 and table.cursor_row == 6
        table.set_rows(make_rows(10), keep_cursor=False)
        assert table.cursor_row == 0


async def test_empty_text_and_no_match_text() -> None:
    table = ResourceTable(make_columns(), [], empty_text="No recipes in this folder")
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_lines(table)[1].strip() == "No recipes in this folder"
        assert table.current_row is None
        table.set_rows(make_rows(3))
        table.set_filter("xyz")
        await pilot.pause()
        assert screen_lines(table)[1].strip() == "No rows match 'xyz'"
        await pilot.press("j", "space", "enter")


async def test_error_text_replaces_the_body_until_rows_arrive() -> None:
    table = new_table(3)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        table.show_error("403 Forbidden\nThe token cannot list recipes")
        await pilot.pause()
        lines = screen_lines(table)
        assert lines[1].strip() == "403 Forbidden"
        assert lines[2].strip() == "The token cannot list recipes"
        table.set_rows(make_rows(3))
        await pilot.pause()
        assert table.error_text is None
        assert "Recipe 00000" in screen_lines(table)[1]


async def test_clear_drops_rows_and_marks() -> None:
    table = new_table(5)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.press("space")
        table.clear()
        assert (table.total_count, table.marked_keys) == (0, frozenset())
        assert table.columns


async def test_loading_flag_does_not_break_the_table() -> None:
    table = new_table(5)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        table.loading = True
        await pilot.pause()
        table.loading = False
        await pilot.press("j")
        assert table.cursor_row == 1


# -- large tables -------------------------------------------------------------


async def test_one_hundred_thousand_rows_open_filter_and_jump_to_end() -> None:
    table = new_table(100_000)
    async with TableApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert table.total_count == 100_000
        assert "Recipe 00000" in screen_lines(table)[1]
        await pilot.press("end")
        assert table.cursor_row == 99_999
        await pilot.pause()
        assert "Recipe 99999" in screen_lines(table)[-1]
        table.set_filter("Recipe 0999")
        # The filter shows a screenful at once and finishes across frames (how far the first
        # slice gets depends on the machine's load): the contract is the finished state.
        for _ in range(500):
            if not table.model.filtering:
                break
            await pilot.pause(0.01)
        assert table.row_count == 10
        assert table.current_row is not None and table.current_row["id"] == 9999


def test_model_search_cache_is_invalidated_by_update_row() -> None:
    model = TableModel()
    model.set_columns(make_columns())
    model.set_rows(make_rows(5))
    model.set_filter("renamed")
    assert model.row_count == 0
    model.update_row({"id": 2, "name": "renamed", "status": "running", "jobs": 0})
    model.set_filter("renamed")
    assert model.row_count == 1


# -- snapshot -----------------------------------------------------------------


class SnapshotApp(App[None]):
    def compose(self) -> ComposeResult:
        rows = make_rows(30)
        yield ResourceTable(
            make_columns(),
            rows,
            row_style=lambda row: "resource-table--danger" if row["status"] == "failed" else None,
        )

    def on_mount(self) -> None:
        table = self.query_one(ResourceTable)
        table.sort_by("jobs")
        table.focus()


def test_snapshot(snap_compare: Any) -> None:
    assert snap_compare(SnapshotApp(), press=["j", "space", "j", "j"], terminal_size=(80, 24))
