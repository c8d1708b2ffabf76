"""Filtering of `ResourceTable` (a `FilterRun` it owns): the first screenful at once, the rest
in steps.

On a big table the first filter builds every row's search text, which takes longer than a
frame. So `set_filter` looks at rows for a short time budget (enough for a screenful, and for
all rows once their search texts exist), paints, and looks at the rest a few milliseconds
per frame; `filtering` is true
meanwhile and `FilterCounted` is posted at the end. `row_count` always answers exactly (it
finishes the scan if it must); status lines show `shown_count` instead, which is instant.
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from typing import TYPE_CHECKING

from .table_messages import FilterCounted
from .table_model import parse_filter

if TYPE_CHECKING:
    from .table_core import TableCore

STEP_ROWS = 2_000  # rows looked at between two clock checks
FIRST_SCREEN_SECONDS = 0.025  # at most this long before the first screenful is painted
FRAME_STEP_SECONDS = 0.008  # then at most this long per frame


class FilterRun:
    """The filter of one table: `start` it, and the steps that finish it across frames."""

    def __init__(self, table: TableCore) -> None:
        self.table = table
        self._anchor: tuple[Hashable, int] | None = None  # (row key to return to, cursor then)
        self._step_pending = False

    def start(self, text: str) -> None:
        """Filter by `text`: a screenful at once, the rest a few milliseconds a frame."""
        table, model = self.table, self.table.model
        previous = table.current_key
        model.begin_filter(text)
        if not table.is_mounted or not parse_filter(text)[0]:
            model.finish_filter()
        else:
            self._filter_for(FIRST_SCREEN_SECONDS)
        table.view_changed(previous)
        self._anchor = None
        if model.filtering:
            if previous is not None and table.current_key != previous:
                self._anchor = (previous, table.cursor_row)
            self._schedule_step()

    def _filter_for(self, seconds: float) -> None:
        model = self.table.model
        deadline = time.perf_counter() + seconds
        while not model.filter_step(STEP_ROWS) and time.perf_counter() < deadline:
            pass

    def _schedule_step(self) -> None:
        if not self._step_pending:
            self._step_pending = True
            self.table.call_after_refresh(self._step)

    def _step(self) -> None:
        """One frame's share of the filter under way; then paint and come back."""
        self._step_pending = False
        table, model = self.table, self.table.model
        if not model.filtering:
            return
        shown_before = model.shown_count
        self._filter_for(FRAME_STEP_SECONDS)
        self._return_to_anchor()
        table.update_virtual_size()
        if shown_before < round(table.scroll_y) + table.page_height() or not shown_before:
            table.refresh()
        if model.filtering:
            self._schedule_step()
        else:
            self._anchor = None
            table.post_message(FilterCounted(table, model.shown_count))

    def _return_to_anchor(self) -> None:
        """Put the cursor back on the row it was on before the filter, once that matches,
        unless it was moved meanwhile."""
        if self._anchor is None:
            return
        key, cursor_then = self._anchor
        position = self.table.position_of_key(key, matched_so_far=True)
        if position is None:
            return
        self._anchor = None
        if self.table.cursor_row == cursor_then:
            self.table.move_cursor(row=position)
