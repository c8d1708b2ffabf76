"""Line building for `ResourceTable`: cell text and Strips, from the `Layout` of the shown
columns (see `table_layout`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from .table_layout import CELL_PADDING, GUTTER_WIDTH, Layout
from .table_model import Align, Column, Row

SORT_INDICATORS = {False: "▲", True: "▼"}
MARK_INDICATOR = "•"


def fit_text(text: str, width: int, align: Align = "left") -> str:
    """`text` padded or cut (with an ellipsis) to exactly `width` cells."""
    length = cell_len(text)
    if length > width:
        if width <= 1:
            return set_cell_size(text, width)
        return set_cell_size(text, width - 1) + "…"
    padding = " " * (width - length)
    return padding + text if align == "right" else text + padding


def header_text(column: Column, width: int, indicator: str | None) -> str:
    """Header label for `column`, with the sort indicator kept visible."""
    if indicator is None:
        return fit_text(column.label, width, column.align)
    if width < 3:
        return fit_text(indicator, width)
    label = column.label
    if cell_len(label) > width - 2:
        label = fit_text(label, width - 2)
    text = f"{indicator} {label}" if column.align == "right" else f"{label} {indicator}"
    return fit_text(text, width, column.align)


def line_strip(
    layout: Layout,
    texts: Sequence[tuple[int, str, Style]],
    gutter: tuple[str, Style],
    x1: int,
    x2: int,
    base_style: Style,
) -> Strip:
    """One line cropped to [x1, x2): a gutter then `(position, fitted text, style)` cells."""
    segments: list[Segment] = []
    start = layout.offsets[texts[0][0]] if texts else layout.width
    if x1 < GUTTER_WIDTH:
        segments.append(Segment(*gutter))
        start = 0
    pad = " " * CELL_PADDING
    for _column, text, style in texts:
        segments.append(Segment(f"{pad}{text}{pad}", style))
    return Strip(segments).crop_extend(x1 - start, x2 - start, base_style)


@dataclass(frozen=True)
class Palette:
    """Resolved styles for one line: the widget's base plus component-class deltas."""

    base: Style
    header: Style
    cursor: Style
    marked: Style
    more: Style  # the header's note of hidden columns


def header_strip(
    layout: Layout, sort_key: str | None, reverse: bool, palette: Palette, x1: int, x2: int
) -> Strip:
    """The header line: labels (the one left/right revealed standing out), with ▲/▼ on the
    sorted column, and the note of hidden columns (`more_text`) at the right end of the cell
    that holds it (`Layout.note_in`), else of the line."""
    style = palette.base + palette.header
    cells = []
    for position in layout.visible_columns(x1, x2):
        column = layout.columns[position]
        indicator = SORT_INDICATORS[reverse] if column.key == sort_key else None
        text = header_text(column, layout.widths[position], indicator)
        revealed = layout.indices[position] == layout.revealed
        cells.append((position, text, style + palette.more if revealed else style))
    strip = line_strip(layout, cells, (" ", style), x1, x2, palette.base)
    at = layout.note_x(cell_len(layout.more))
    return with_note(strip, layout.more, style + palette.more, None if at is None else at - x1)


def with_note(strip: Strip, note: str, style: Style, at: int | None = None) -> Strip:
    """`strip` with `note` over the cells from `at` (None: over its right end), where the
    layout left room for it."""
    size, width = cell_len(note), strip.cell_length
    if not note or size >= width:
        return strip
    if at is None or not 0 <= at <= width - size:
        at = width - size
    parts = [strip.crop(0, at), Strip([Segment(note, style)], size), strip.crop(at + size, width)]
    return Strip.join(parts)


@dataclass(frozen=True)
class RowLook:
    """How to draw one row: its own style, mark, cursor and per-cell style hook."""

    style: Style
    marked: bool = False
    cursor_column: int | None = None
    whole_row_cursor: bool = False
    cell_style: Callable[[str], Style] | None = None


def row_strip(layout: Layout, row: Row, look: RowLook, palette: Palette, x1: int, x2: int) -> Strip:
    """One body line; cell style layers: base, row hook, mark, cell hook, cursor."""
    row_style = palette.base + look.style
    if look.marked:
        row_style += palette.marked
    cells = []
    for position in layout.visible_columns(x1, x2):
        column, width = layout.columns[position], layout.widths[position]
        style = row_style
        if look.cell_style is not None:
            style += look.cell_style(column.key)
        if look.whole_row_cursor or layout.indices[position] == look.cursor_column:
            style += palette.cursor
        cells.append((position, fit_text(column.text(row), width, column.align), style))
    gutter_style = row_style + palette.cursor if look.whole_row_cursor else row_style
    gutter = (MARK_INDICATOR if look.marked else " ", gutter_style)
    return line_strip(layout, cells, gutter, x1, x2, palette.base)


def message_strip(text: str, style: Style, width: int, base: Style) -> Strip:
    """A line of the empty or error message (not scrolled horizontally)."""
    return Strip([Segment(f" {text}", base + style)]).crop_extend(0, width, base)
