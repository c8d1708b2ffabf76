"""Layout and line building for `ResourceTable`: fitted widths, cell text, Strips."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from .table_model import Align, Column, Row

FIT_SAMPLE_SIZE = 500
FIT_MAX_WIDTH = 40
GUTTER_WIDTH = 1
CELL_PADDING = 1
SORT_INDICATORS = {False: "▲", True: "▼"}
MARK_INDICATOR = "•"


def sample_rows(rows: Sequence[Row], size: int = FIT_SAMPLE_SIZE) -> Sequence[Row]:
    """Up to `size` rows: the first half from the top, the rest spread over all rows."""
    if len(rows) <= size:
        return rows
    head = size // 2
    step = len(rows) // (size - head)
    return [*rows[:head], *rows[head::step][: size - head]]


def fitted_width(column: Column, sample: Sequence[Row]) -> int:
    """Width of `column`: its own, or fitted to the header (plus sort indicator) and sample."""
    if column.width is not None:
        return max(1, column.width)
    widest = max((cell_len(column.text(row)) for row in sample), default=0)
    return max(1, min(FIT_MAX_WIDTH, max(widest, cell_len(column.label) + 2)))


def span(widths: Sequence[int]) -> int:
    """Cells a row of these column widths takes (gutter and padding included)."""
    return GUTTER_WIDTH + sum(width + 2 * CELL_PADDING for width in widths)


def flexible_column(columns: Sequence[Column], widths: Sequence[int]) -> int | None:
    """The column that takes spare width: NAME, else the widest left-aligned one whose width
    is fitted (a declared width stays as declared)."""
    keys = [column.key for column in columns]
    if "name" in keys:
        return keys.index("name")
    text = [i for i, c in enumerate(columns) if c.align == "left" and c.width is None]
    return max(text, key=lambda i: widths[i], default=None)


def grown(
    columns: Sequence[Column], widths: tuple[int, ...], sample: Sequence[Row], spare: int
) -> tuple[int, ...]:
    """`widths` with the flexible column grown by up to `spare` cells, to its widest text."""
    flex = flexible_column(columns, widths)
    if spare <= 0 or flex is None:
        return widths
    need = max((cell_len(columns[flex].text(row)) for row in sample), default=0)
    wider = min(widths[flex] + spare, max(widths[flex], need))
    return (*widths[:flex], wider, *widths[flex + 1 :])


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


@dataclass(frozen=True)
class Layout:
    """Horizontal geometry: where each cell starts and how wide it is."""

    columns: tuple[Column, ...]
    widths: tuple[int, ...]
    offsets: tuple[int, ...]
    width: int

    @classmethod
    def build(cls, columns: Sequence[Column], rows: Sequence[Row], available: int = 0) -> Layout:
        """Fitted widths; with `available` cells to fill, the flexible column (NAME, or the
        widest text column) grows into the spare room, as far as its texts need."""
        sample = sample_rows(rows)
        widths = tuple(fitted_width(column, sample) for column in columns)
        widths = grown(columns, widths, sample, available - span(widths))
        offsets = []
        x = GUTTER_WIDTH
        for width in widths:
            offsets.append(x)
            x += width + 2 * CELL_PADDING
        return cls(tuple(columns), widths, tuple(offsets), x)

    def column_at(self, x: int) -> int | None:
        """Index of the column under virtual x coordinate `x`."""
        if not self.columns or x < GUTTER_WIDTH or x >= self.width:
            return None
        return bisect_right(self.offsets, x) - 1

    def visible_columns(self, x1: int, x2: int) -> range:
        """Indices of the columns that overlap [x1, x2)."""
        if not self.columns:
            return range(0)
        first = max(0, bisect_right(self.offsets, x1) - 1)
        last = bisect_right(self.offsets, x2 - 1)
        return range(first, last)

    def cell_span(self, column: int) -> tuple[int, int]:
        """Start and end x of `column` including padding."""
        start = self.offsets[column]
        return start, start + self.widths[column] + 2 * CELL_PADDING


def line_strip(
    layout: Layout,
    texts: Sequence[tuple[int, str, Style]],
    gutter: tuple[str, Style],
    x1: int,
    x2: int,
    base_style: Style,
) -> Strip:
    """One line cropped to [x1, x2): a gutter then `(column, fitted text, style)` cells."""
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


def header_strip(
    layout: Layout, sort_key: str | None, reverse: bool, palette: Palette, x1: int, x2: int
) -> Strip:
    """The header line: labels, with ▲/▼ on the sorted column."""
    style = palette.base + palette.header
    cells = []
    for index in layout.visible_columns(x1, x2):
        column = layout.columns[index]
        indicator = SORT_INDICATORS[reverse] if column.key == sort_key else None
        cells.append((index, header_text(column, layout.widths[index], indicator), style))
    return line_strip(layout, cells, (" ", style), x1, x2, palette.base)


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
    for index in layout.visible_columns(x1, x2):
        column = layout.columns[index]
        style = row_style
        if look.cell_style is not None:
            style += look.cell_style(column.key)
        if look.whole_row_cursor or index == look.cursor_column:
            style += palette.cursor
        cells.append((index, fit_text(column.text(row), layout.widths[index], column.align), style))
    gutter_style = row_style + palette.cursor if look.whole_row_cursor else row_style
    gutter = (MARK_INDICATOR if look.marked else " ", gutter_style)
    return line_strip(layout, cells, gutter, x1, x2, palette.base)


def message_strip(text: str, style: Style, width: int, base: Style) -> Strip:
    """A line of the empty or error message (not scrolled horizontally)."""
    return Strip([Segment(f" {text}", base + style)]).crop_extend(0, width, base)
