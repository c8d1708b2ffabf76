"""ResourceTable at scale: bulk rows leave the collector alone, filters finish in chunks,
rows are held compactly. Behaviour only: timings live in tests/benchmarks."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from test_table import SIZE, make_columns, make_rows
from textual.app import App, ComposeResult

from workato_tui.widgets import Column, ResourceTable, table_filtering
from workato_tui.widgets.table_heap import BULK_ROWS
from workato_tui.widgets.table_rows import RowStore


@pytest.fixture
def one_step_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first paint after a filter comes after one step of rows, however fast the machine."""
    monkeypatch.setattr(table_filtering, "FIRST_SCREEN_SECONDS", 0.0)


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_bulk_rows_are_frozen_out_of_the_collector(unfrozen: None) -> None:
    table = ResourceTable(make_columns())
    table.set_rows(make_rows(BULK_ROWS - 1))
    assert gc.get_freeze_count() == 0  # a small table leaves the collector as it is
    table.append_rows(make_rows(BULK_ROWS + 10)[BULK_ROWS - 1 :])
    assert gc.get_freeze_count() > 0
    assert table.total_count == BULK_ROWS + 10


def test_frozen_rows_are_still_freed_when_the_table_drops_them(unfrozen: None) -> None:
    table = ResourceTable([Column("id", "ID")])
    table.set_rows([{"id": i} for i in range(BULK_ROWS)])
    first = table.current_row
    assert first is not None
    probe = type("Probe", (), {})()
    table.update_row({"id": 0, "probe": probe})
    table.clear()
    del first
    assert gc.get_referrers(probe) == []


class CountingApp(App[None]):
    def __init__(self, table: ResourceTable) -> None:
        super().__init__()
        self.table = table
        self.counted: list[int] = []

    def compose(self) -> ComposeResult:
        yield self.table

    def on_resource_table_filter_counted(self, message: ResourceTable.FilterCounted) -> None:
        self.counted.append(message.count)


async def finish_counting(pilot: Any, table: ResourceTable) -> None:
    for _ in range(500):
        if not table.filtering:
            return
        await pilot.pause()
    raise AssertionError("the filter never finished counting")


async def test_a_filter_paints_the_first_screenful_then_counts_the_rest_in_steps(
    one_step_first: None,
) -> None:
    table = ResourceTable(make_columns(), make_rows(50_000))
    app = CountingApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table.set_filter("recipe")
        assert table.filtering
        assert 0 < table.shown_count < 50_000
        assert "Recipe 00000" in table.render_line(1).text
        await finish_counting(pilot, table)
        assert table.shown_count == table.row_count == 50_000
        assert app.counted == [50_000]


async def test_row_count_is_exact_while_the_filter_is_still_counting(
    one_step_first: None,
) -> None:
    table = ResourceTable(make_columns(), make_rows(50_000))
    async with CountingApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        table.set_filter("stopped")
        assert table.filtering
        assert table.row_count == len([i for i in range(50_000) if i % 3 == 1])
        assert not table.filtering


async def test_the_cursor_returns_to_its_row_once_the_filter_reaches_it(
    one_step_first: None,
) -> None:
    table = ResourceTable(make_columns(), make_rows(50_000))
    app = CountingApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table.move_cursor(row=45_000)
        table.set_filter("recipe")
        await finish_counting(pilot, table)
        assert table.current_key == 45_000
        assert app.counted == [50_000]


def test_an_unmounted_table_filters_all_rows_at_once() -> None:
    table = ResourceTable(make_columns(), make_rows(50_000))
    table.set_filter("stopped")
    assert not table.filtering
    assert table.shown_count == len([i for i in range(50_000) if i % 3 == 1])


def test_row_store_gives_back_rows_with_their_own_keys() -> None:
    rows = [
        {"id": 1, "name": "a", "owner": None},
        {"id": 2, "name": "b"},  # fewer keys
        {"name": "c", "id": 3, "owner": "x"},  # another order
        {"id": 4, "extra": [1, 2]},  # a key no earlier row had, and a missing one
        {"id": 5, "name": "e", "owner": "y", "extra": None},
    ]
    store = RowStore(rows)
    assert list(store) == rows
    assert store[1] == {"id": 2, "name": "b"} and "owner" not in store[1]
    assert store[1:3] == rows[1:3]
    assert store.column("owner") == [None, None, "x", None, "y"]
    assert store.column("extra", 3) == [[1, 2], None]
    assert store.column("nothing") == [None] * 5
    store.replace(1, {"id": 2, "name": "B", "owner": "z"})
    assert store[1] == {"id": 2, "name": "B", "owner": "z"}


def test_a_table_keeps_rows_as_tuples_not_dicts() -> None:
    table = ResourceTable(make_columns(), make_rows(1_000))
    kept = table._model.rows._data
    assert len(kept) == 1_000 and all(type(values) is tuple for values in kept)
    assert table.visible_rows == make_rows(1_000)
    table.sort_by("owner")
    assert [row["id"] for row in table.visible_rows[:3]] == [5, 10, 15]  # user0 first
    table.set_filter("user2")
    assert table.visible_rows == [row for row in make_rows(1_000) if row["owner"] == "user2"]


async def test_a_page_appended_below_the_window_repaints_no_row() -> None:
    table = ResourceTable(make_columns(), make_rows(1_000))
    async with CountingApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        painted: list[int] = []
        render_line = table.render_line
        table.render_line = lambda y: (painted.append(y), render_line(y))[1]  # type: ignore[method-assign]
        table.append_rows(make_rows(2_000)[1_000:])
        await pilot.pause()
        assert painted == []
        assert table.total_count == 2_000
        table.move_cursor(row=1_999)  # the scroll range grows at once when the cursor needs it
        assert table.virtual_size.height == 2_001
        await pilot.pause()
        assert "Recipe 01999" in table.render_line(SIZE[1] - 1).text


async def test_a_frame_resolves_the_table_styles_once() -> None:
    table = ResourceTable(make_columns(), make_rows(100))
    async with CountingApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        calls: list[int] = []
        painter = table._painter  # reaches into the table: what a frame resolves is internal
        palette = painter._palette
        painter._palette = lambda: (calls.append(1), palette())[1]  # type: ignore[method-assign]
        table.refresh()
        await pilot.pause()
        assert len(calls) == 1


async def test_a_removed_table_lets_go_of_its_rows_and_of_the_freeze(unfrozen: None) -> None:
    table = ResourceTable(make_columns())
    async with CountingApp(table).run_test(size=SIZE) as pilot:
        table.set_rows(make_rows(BULK_ROWS))
        await pilot.pause()
        assert gc.get_freeze_count() > 0
        rows = weakref.ref(table._model.rows)
        await table.remove()
        await pilot.pause()
        assert rows() is None  # even though the test still holds the widget
        assert gc.get_freeze_count() == 0


async def test_a_small_table_going_leaves_the_freeze_alone(unfrozen: None) -> None:
    table = ResourceTable(make_columns(), make_rows(10))
    async with CountingApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        gc.freeze()  # as a big table elsewhere would have
        await table.remove()
        await pilot.pause()
        assert gc.get_freeze_count() > 0
