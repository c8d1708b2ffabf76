"""The one-line crumbs over a list: where you are, then what it shows (count, filter, marks,
sort, ...), fitted to the width.

Too long for the line, the path is cut first (down to a few cells, with an ellipsis), then the
parts that may go are dropped from the right; the parts named `keep` (the row count, `49
marked`) always show, so a narrow terminal never hides how many rows a bulk write will touch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from textual.widgets import Static

if TYPE_CHECKING:
    from .table import ResourceTable

SEPARATOR = "  "
MIN_PATH = 12  # cells of the path kept before parts are dropped
ELLIPSIS = "…"


def table_parts(table: ResourceTable, *, loading: bool) -> list[str]:
    """What a table shows: its row count (shown/total while filtered), then whether pages are
    still loading, the filter is still counting, and the filter."""
    count = f"{table.shown_count}/{table.total_count}" if table.filter_text else table.total_count
    parts = [f"[{count}]"]
    if loading:
        parts.append("loading…")
    if table.filtering:
        parts.append("counting…")
    if table.filter_text:
        parts.append(f"filter: {table.filter_text}")
    return parts


def cut(text: str, width: int) -> str:
    """`text` in at most `width` cells, ending in an ellipsis when cut."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1) + ELLIPSIS


def fit_crumbs(path: str, parts: Sequence[str], width: int, keep: Sequence[str] = ()) -> str:
    """One line of at most `width` cells: the path cut first, then droppable parts dropped."""
    shown = list(parts)
    while True:
        tail = SEPARATOR.join(shown)
        room = width - (cell_len(tail) + len(SEPARATOR) if shown else 0)
        if cell_len(path) <= room:
            return f"{path}{SEPARATOR}{tail}" if shown else path
        droppable = [i for i, part in enumerate(shown) if part not in keep]
        if room >= MIN_PATH or not droppable:
            line = f"{cut(path, room)}{SEPARATOR}{tail}" if room > 0 else tail
            return line if cell_len(line) <= width else set_cell_size(tail, width)
        del shown[droppable[-1]]


class Crumbs(Static):
    """Shows `fit_crumbs` of what it was last given, again whenever its width changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self._line: tuple[str, list[str], tuple[str, ...]] = ("", [], ())

    def show(self, path: str, parts: Sequence[str], keep: Sequence[str] = ()) -> None:
        self._line = (path, list(parts), tuple(keep))
        self._fit()

    def _fit(self) -> None:
        path, parts, keep = self._line
        width = self.content_size.width
        if width <= 0:  # not laid out yet: whole, fitted on the first resize
            self.update(SEPARATOR.join([path, *parts]))
        else:
            self.update(fit_crumbs(path, parts, width, keep))

    def on_resize(self) -> None:
        self._fit()
