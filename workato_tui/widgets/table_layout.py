"""Which columns a `ResourceTable` shows, and how wide: the width/column layout.

Measured once per set of rows (`ColumnFit`: each column's natural width, from its declared
width or its header and a sample of rows), arranged on every resize (`arrange`): the flexible
column (NAME, else the widest text column) takes the width the terminal gives, as far as its
texts need; when the columns do not fit even with it narrowed, the lowest-priority columns hide
(`Column.priority`; the rightmost of equals first) and the header says how many are hidden.
When columns hide and the flexible column's texts need more room, it also takes the room of
that note, and the note is drawn at the right end of its header cell (`Layout.note_in`), so no
cells are left blank under it; the note keeps its own room at the line's end when the texts
need no more, or that header cannot hold it beside its label.
`ColumnWindow` keeps what the table adds: the hidden column shown with left/right, and the
columns it must show (the sorted one).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len

from ..columns import ESSENTIAL
from .table_model import Column, Row

FIT_SAMPLE_SIZE = 500
FIT_MAX_WIDTH = 40  # a fitted column's widest
FLEX_MAX_WIDTH = 100  # the flexible column grows to its widest text, up to this
FLEX_SHARE = 1 / 3  # before a column hides, the flexible column narrows to this share ...
FLEX_MIN_WIDTH = 20  # ... and to this for an ESSENTIAL column
GUTTER_WIDTH = 1
CELL_PADDING = 1


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


def span(widths: Iterable[int]) -> int:
    """Cells a row of these column widths takes (gutter and padding included)."""
    return GUTTER_WIDTH + sum(width + 2 * CELL_PADDING for width in widths)


def flexible_column(columns: Sequence[Column], widths: Sequence[int]) -> int | None:
    """The column that takes spare width (and gives it up when narrow): the one that says it
    `grows`, else NAME, else the widest left-aligned one (a long DETAIL or MESSAGE)."""
    growing = [i for i, column in enumerate(columns) if column.grows]
    if growing:
        return growing[0]
    keys = [column.key for column in columns]
    if "name" in keys:
        return keys.index("name")
    text = [i for i, c in enumerate(columns) if c.align == "left"]
    return max(text, key=lambda i: widths[i], default=None)


LEFT_MORE, RIGHT_MORE = "\u2039", "\u203a"  # single angle quotes


def grows_past_declared(column: Column) -> bool:
    return column.width is None or column.grows or column.key == "name"


def more_text(hidden: int, left: bool = False, right: bool = False) -> str:
    """The header's note that `hidden` columns are hidden, with an angle quote each way that
    left/right go (3 hidden, both ways: the quotes around '3 more'). The last shown column's
    padding keeps it apart from that column's label."""
    return f"{LEFT_MORE if left else ' '}{hidden} more{RIGHT_MORE if right else ' '}"


@dataclass(frozen=True)
class ColumnFit:
    """The columns' natural widths, measured once per set of rows."""

    columns: tuple[Column, ...]
    widths: tuple[int, ...]
    flex: int | None  # the flexible column
    flex_need: int  # its widest text, when it may grow past its declared width
    flex_text: int = 0  # its widest text in any case

    @classmethod
    def measure(cls, columns: Iterable[Column], rows: Sequence[Row]) -> ColumnFit:
        columns = tuple(columns)
        sample = sample_rows(rows)
        widths = tuple(fitted_width(column, sample) for column in columns)
        flex = flexible_column(columns, widths)
        text = 0
        if flex is not None:
            text = max((cell_len(columns[flex].text(row)) for row in sample), default=0)
        # a declared width is the most the fallback column (a DETAIL) takes, while all fit
        need = text if flex is not None and grows_past_declared(columns[flex]) else 0
        return cls(columns, widths, flex, need, text)

    def flex_range(self, available: int) -> tuple[int, int, int]:
        """How narrow the flexible column gets before columns hide, how much narrower still
        for an essential column, and how wide it grows."""
        if self.flex is None:
            return 0, 0, 0
        natural = self.widths[self.flex]
        floor = min(natural, FLEX_MIN_WIDTH)
        narrowest = max(floor, min(natural, int(available * FLEX_SHARE)))
        return narrowest, narrowest - floor, max(natural, min(self.flex_need, FLEX_MAX_WIDTH))

    def widths_with_flex(self, width: int) -> tuple[int, ...]:
        if self.flex is None:
            return self.widths
        return (*self.widths[: self.flex], width, *self.widths[self.flex + 1 :])


@dataclass(frozen=True)
class Layout:
    """Horizontal geometry of the shown columns: where each cell starts and how wide it is.
    Positions index the shown columns; `indices` maps them to the table's columns."""

    columns: tuple[Column, ...]
    indices: tuple[int, ...]
    widths: tuple[int, ...]
    offsets: tuple[int, ...]
    width: int
    hidden: tuple[int, ...] = ()  # the table's columns not shown, in table order
    more: str = ""  # the header's note of the hidden columns
    revealed: int | None = None  # the hidden column left/right shows (its header stands out)
    note_in: int | None = None  # the column whose header cell holds the note (None: line end)

    @classmethod
    def place(
        cls, fit: ColumnFit, shown: Sequence[int], widths: Sequence[int], hidden: Sequence[int]
    ) -> Layout:
        offsets = []
        x = GUTTER_WIDTH
        for width in widths:
            offsets.append(x)
            x += width + 2 * CELL_PADDING
        columns = tuple(fit.columns[i] for i in shown)
        return cls(columns, tuple(shown), tuple(widths), tuple(offsets), x, tuple(hidden))

    @classmethod
    def build(cls, columns: Sequence[Column], rows: Sequence[Row], available: int = 0) -> Layout:
        """All in one: measure `columns` on `rows` and arrange them in `available` cells."""
        return arrange(ColumnFit.measure(columns, rows), available)

    def column_at(self, x: int) -> int | None:
        """The table's index of the column under virtual x coordinate `x`."""
        if not self.columns or x < GUTTER_WIDTH or x >= self.width:
            return None
        return self.indices[bisect_right(self.offsets, x) - 1]

    def position(self, column: int) -> int | None:
        """Where the table's column `column` is shown (None: hidden)."""
        return self.indices.index(column) if column in self.indices else None

    def visible_columns(self, x1: int, x2: int) -> range:
        """Positions of the shown columns that overlap [x1, x2)."""
        if not self.columns:
            return range(0)
        first = max(0, bisect_right(self.offsets, x1) - 1)
        last = bisect_right(self.offsets, x2 - 1)
        return range(first, last)

    def note_x(self, size: int) -> int | None:
        """Where a note of `size` cells starts in the header when a column's cell holds it:
        at that cell's right end, inside its padding (None: the note goes at the line's end)."""
        span = None if self.note_in is None else self.cell_span(self.note_in)
        return None if span is None else span[1] - CELL_PADDING - size

    def cell_span(self, column: int) -> tuple[int, int] | None:
        """Start and end x of the table's column `column`, padding included (None: hidden)."""
        position = self.position(column)
        if position is None:
            return None
        start = self.offsets[position]
        return start, start + self.widths[position] + 2 * CELL_PADDING


def arrange(
    fit: ColumnFit, available: int, must_show: Collection[int] = (), *, hide: bool = True
) -> Layout:
    """The columns in `available` cells (0: not known yet, natural widths): all of them when
    they fit with the flexible column narrowed, else by priority (`must_show` first), the
    header's note taking its room; the flexible column then takes what is left."""
    everything = range(len(fit.columns))
    if available <= 0:
        return Layout.place(fit, everything, fit.widths, ())
    narrowest, squeeze, widest = fit.flex_range(available)
    least = fit.widths_with_flex(narrowest)
    shown: Sequence[int] = everything
    room = available
    if hide and span(least) > available:
        room = available - cell_len(more_text(len(fit.columns) - 1))
        shown = by_priority(fit, least, room, must_show, squeeze)
    widths = [least[i] for i in shown]
    if len(shown) < len(fit.columns):  # columns hide: leave no cells blank beside cut text
        widest = max(widest, min(fit.flex_text, FLEX_MAX_WIDTH))
    note_in = None
    if fit.flex is not None and fit.flex in shown:
        position = shown.index(fit.flex)
        left = room - span(widths) + narrowest
        widths[position] = max(narrowest - squeeze, min(widest, left))
        note = available - room  # the note's room: 0 while no column hides
        wider = min(widest, fit.flex_text, left + note)  # as far as its texts need
        if wider > widths[position] and holds_note(fit.columns[fit.flex], wider, note):
            widths[position], note_in = wider, fit.flex
    hidden = [i for i in everything if i not in shown]
    return replace(Layout.place(fit, shown, widths, hidden), note_in=note_in)


def holds_note(column: Column, width: int, note: int) -> bool:
    """Whether `column`'s header cell of `width` cells holds a `note` beside its label (and
    a sort arrow), with a space between them."""
    return cell_len(column.label) + 2 + 1 + note <= width


def by_priority(
    fit: ColumnFit, widths: Sequence[int], room: int, must_show: Collection[int], squeeze: int
) -> list[int]:
    """The columns that fit in `room`: the flexible one and `must_show`, then the others by
    priority, leftmost first among equals, up to the first that does not fit; an essential
    column may narrow the flexible one by up to `squeeze` cells more to fit."""
    keep = {i for i in must_show if 0 <= i < len(fit.columns)}
    if fit.flex is not None:
        keep.add(fit.flex)
    used = span(widths[i] for i in keep)
    others = sorted(
        set(range(len(fit.columns))) - keep, key=lambda i: (-fit.columns[i].priority, i)
    )
    for index in others:
        cost = widths[index] + 2 * CELL_PADDING
        over = used + cost - room
        if over > 0 and (fit.columns[index].priority < ESSENTIAL or over > squeeze):
            break
        if over > 0:
            squeeze -= over
            cost -= over  # the flexible column narrows by `over`
        keep.add(index)
        used += cost
    return sorted(keep)


class ColumnWindow:
    """The table's side of the layout: its measured columns, and how far left/right has
    stepped through the columns hidden for want of room (each step shows the next one)."""

    def __init__(self) -> None:
        self.fit = ColumnFit.measure((), ())
        self.step = 0
        self.steps = 0  # hidden columns to step through
        self.revealed_column: int | None = None  # the one the step shows

    def measure(self, columns: Iterable[Column], rows: Sequence[Row]) -> None:
        self.fit = ColumnFit.measure(columns, rows)

    def arrange(self, available: int, must_show: Collection[int], *, hide: bool = True) -> Layout:
        """The layout for `available` cells, showing `must_show` and the stepped-to column."""
        base = arrange(self.fit, available, must_show, hide=hide)
        self.steps = len(base.hidden)
        self.step = min(self.step, self.steps)
        layout = base
        self.revealed_column = base.hidden[self.step - 1] if self.step else None
        if self.revealed_column is not None:
            layout = arrange(self.fit, available, {*must_show, self.revealed_column}, hide=hide)
        if not layout.hidden:
            return layout
        note = more_text(len(layout.hidden), left=self.step > 0, right=self.step < self.steps)
        return replace(layout, more=note, revealed=self.revealed_column)

    def move(self, direction: int) -> bool:
        """Step to the next (+1) or previous (-1) hidden column; False when there is none."""
        step = self.step + direction
        if not 0 <= step <= self.steps or step == self.step:
            return False
        self.step = step
        return True
