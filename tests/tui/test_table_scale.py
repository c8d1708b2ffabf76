"""ResourceTable at scale: bulk rows leave the collector alone, filters finish in chunks,
rows are held compactly. Behaviour only: timings live in tests/benchmarks."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from test_table import SIZE, make_columns, make_rows
from textual.app import App, ComposeResult

from workato_tui.widgets import Column, ResourceTable
from workato_tui.widgets.table_heap import BULK_ROWS


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


async def test_a_filter_paints_the_first_screenful_then_counts_the_rest_in_steps() -> None:
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


async def test_row_count_is_exact_while_the_filter_is_still_counting() -> None:
    table = ResourceTable(make_columns(), make_rows(50_000))
    async with CountingApp(table).run_test(size=SIZE) as pilot:
        await pilot.pause()
        table.set_filter("stopped")
        assert table.filtering
        assert table.row_count == len([i for i in range(50_000) if i % 3 == 1])
        assert not table.filtering


async def test_the_cursor_returns_to_its_row_once_the_filter_reaches_it() -> None:
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
