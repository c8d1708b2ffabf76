"""ResourceTable at scale: bulk rows leave the collector alone, filters finish in chunks,
rows are held compactly. Behaviour only: timings live in tests/benchmarks."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from test_table import make_columns, make_rows

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
