"""Filtering of `ResourceTable` (mixed into it): the first screenful at once, the rest in steps.

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

from .table_model import parse_filter

if TYPE_CHECKING:
    from .table import ResourceTable

STEP_ROWS = 2_000  # rows looked at between two clock checks
FIRST_SCREEN_SECONDS = 0.025  # at most this long before the first screenful is painted
FRAME_STEP_SECONDS = 0.008  # then at most this long per frame


class TableFiltering:
    """`set_filter`, and the steps that finish it across frames."""

    _filter_anchor: tuple[Hashable, int] | None = None  # (row key to return to, cursor then)
    _filter_step_pending = False

    @property
    def filtering(self: ResourceTable) -> bool:
        """The filter has rows left to look at: `shown_count` may still grow."""
        return self._model.filtering

    def set_filter(self: ResourceTable, text: str) -> None:
        """Case-insensitive substring filter on cell text; a leading `!` inverts it."""
        previous = self.current_key
        model = self._model
        model.begin_filter(text)
        if not self.is_mounted or not parse_filter(text)[0]:
            model.finish_filter()
        else:
            self._filter_for(FIRST_SCREEN_SECONDS)
        self._view_changed(previous)
        self._filter_anchor = None
        if model.filtering:
            if previous is not None and self.current_key != previous:
                self._filter_anchor = (previous, self._cursor_row)
            self._schedule_filter_step()

    def _last_row_up_to(self: ResourceTable, row: int) -> int:
        """The last visible position, counting only as far as `row` needs."""
        if row >= self._model.shown_count:
            self._model.finish_filter()
        return self._model.shown_count - 1

    def _filter_for(self: ResourceTable, seconds: float) -> None:
        model = self._model
        deadline = time.perf_counter() + seconds
        while not model.filter_step(STEP_ROWS) and time.perf_counter() < deadline:
            pass

    def _schedule_filter_step(self: ResourceTable) -> None:
        if not self._filter_step_pending:
            self._filter_step_pending = True
            self.call_after_refresh(self._filter_step)

    def _filter_step(self: ResourceTable) -> None:
        """One frame's share of the filter under way; then paint and come back."""
        self._filter_step_pending = False
        model = self._model
        if not model.filtering:
            return
        shown_before = model.shown_count
        self._filter_for(FRAME_STEP_SECONDS)
        self._return_to_anchor()
        self._update_virtual_size()
        if shown_before < round(self.scroll_y) + self._page_height() or not shown_before:
            self.refresh()
        if model.filtering:
            self._schedule_filter_step()
        else:
            self._filter_anchor = None
            self.post_message(self.FilterCounted(self, model.shown_count))

    def _return_to_anchor(self: ResourceTable) -> None:
        """Put the cursor back on the row it was on before the filter, once that matches,
        unless it was moved meanwhile."""
        if self._filter_anchor is None:
            return
        key, cursor_then = self._filter_anchor
        position = self._position_of_key(key, matched_so_far=True)
        if position is None:
            return
        self._filter_anchor = None
        if self._cursor_row == cursor_then:
            self.move_cursor(row=position)
