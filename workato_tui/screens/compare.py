"""`:compare OTHER-PROFILE`: this profile's assets against another's, side by side.

Rows are asset pairs with their status (only here, only there, differs, same) and what
differs; the line above them counts them beside each status's filter key (`compare_line`).
The table takes the screen's height (the screen never scrolls) and its columns its width up to
its scrollbar: STATUS always shows and WHAT DIFFERS takes the rest of the width; a long WHERE
is cut instead (`column_widths`). Enter on a recipe pair opens the code diff, on a lookup
table pair the row diff (from which rows can be copied across).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from ..api.errors import WorkatoError
from ..service.compare import DIFFERS, ONLY_HERE, ONLY_THERE, SAME, Comparison, Pair
from ..service.compare_load import CompareProgress, compare_progressively
from ..widgets.keys_footer import KeysFooter
from ..widgets.write_request import ErrorRaised
from .compare_line import filter_line

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService

STYLE = {ONLY_HERE: "green", ONLY_THERE: "yellow", DIFFERS: "bold red", SAME: "dim"}
FILTERS = {"all": None, "here": ONLY_HERE, "there": ONLY_THERE, "differs": DIFFERS, "same": SAME}
LABELS = ("KIND", "WHERE", "STATUS", "WHAT DIFFERS")
CELL_PADDING = 1  # DataTable's, each side of a cell
WHERE_MIN = 24  # WHERE is cut to leave WHAT DIFFERS its text, down to this


def column_widths(available: int, rows: list[tuple[str, str, str, str]]) -> list[int]:
    """Widths of KIND, WHERE, STATUS and WHAT DIFFERS in `available` cells: KIND and STATUS
    as their texts; WHAT DIFFERS its text, cutting WHERE down to WHERE_MIN for it; then WHERE
    as far as its texts need, and WHAT DIFFERS whatever is left."""
    need = [max([len(label), *(len(row[i]) for row in rows)]) for i, label in enumerate(LABELS)]
    kind, where, status, what = need
    rest = available - 2 * CELL_PADDING * len(LABELS) - kind - status
    what = max(len(LABELS[3]), min(what, rest - WHERE_MIN))
    where = max(1, min(where, rest - what))
    return [kind, where, status, max(what, rest - where)]


def open_compare(main: Any, argument: str) -> bool:
    """From the main screen: `OTHER [PROJECT]`, the compare screen against profile `other`
    (one project's assets only when a project is named), or say why not."""
    other, _, project = argument.strip().partition(" ")
    profiles = getattr(main.app, "profiles", None)
    if not other:
        names = ", ".join(profiles.others()) if profiles else "none configured"
        main.notify(f"Compare with which profile? ({names})", title="Compare", severity="warning")
        return False
    if profiles is None:
        main.notify("No other profiles are configured.", title="Compare", severity="warning")
        return False
    try:
        there = profiles.open(other)
    except WorkatoError as error:
        main.post_message(ErrorRaised(error, f"Open profile {other} to compare"))
        return False
    except ValueError as error:  # no such profile, or it is not set up: not an API error
        main.notify(str(error), title="Compare", severity="error")
        return False
    except Exception as error:
        main.notify(f"Cannot open {other}: {error}", title="Compare", severity="error")
        return False
    main.app.push_screen(CompareScreen(main.service, there, project.strip() or None))
    return True


class CompareScreen(Screen[None]):
    DEFAULT_CSS = """
    CompareScreen #compare-table { height: 1fr; }
    CompareScreen #compare-counts { text-wrap: nowrap; text-overflow: ellipsis; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="compare-back"),
        Binding("a", "filter('all')", "All", id="compare-all"),
        Binding("h", "filter('here')", "Only here", id="compare-here"),
        Binding("t", "filter('there')", "Only there", id="compare-there"),
        Binding("d", "filter('differs')", "Differs", id="compare-differs"),
        Binding("s", "filter('same')", "Same", id="compare-same"),
        Binding("ctrl+r", "reload", "Reload", id="compare-reload"),
    ]

    def __init__(
        self, here: WorkspaceService, there: WorkspaceService, project: str | None = None
    ) -> None:
        super().__init__()
        self.here = here
        self.there = there
        self.project = project
        self.comparison: Comparison | None = None
        self.progress: CompareProgress | None = None
        self.filter = "all"
        self.shown: list[Pair] = []

    @property
    def names(self) -> tuple[str, str]:
        return self.here.profile.name, self.there.profile.name

    def compose(self) -> ComposeResult:
        here, there = self.names
        scope = f" · project {self.project}" if self.project else ""
        title = f" Compare {here} (here) with {there} (there){scope}"
        yield Static(title, classes="screen-title", markup=False)
        yield Static("Loading both sides…", id="compare-counts", markup=False)
        yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.action_reload()

    def action_reload(self) -> None:
        self.run_worker(self._load(), group="compare", exclusive=True, exit_on_error=False)

    async def _load(self) -> None:
        """Show each kind as soon as both sides are read for it."""
        self.progress = None
        async for progress in compare_progressively(self.here, self.there, self.project):
            self.progress = progress
            self.comparison = progress.comparison
            self._show()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "compare":
            error = event.worker.error
            message = error.describe() if isinstance(error, WorkatoError) else str(error)
            self.query_one("#compare-counts", Static).update(f"Compare failed: {message}")
            event.stop()

    def action_filter(self, name: str) -> None:
        self.filter = name
        self._show()

    def _show(self) -> None:
        if self.comparison is None:
            return
        wanted = FILTERS[self.filter]
        self.shown = [p for p in self.comparison.pairs if wanted is None or p.status == wanted]
        self._fill()
        self._count()

    def _count(self) -> None:
        """The filter line, fitted to the screen's width."""
        if self.comparison is None:
            return
        width = self.size.width or self.app.size.width
        line = filter_line(self.comparison.counts(), self.filter, self.progress, width)
        self.query_one("#compare-counts", Static).update(line)

    def on_resize(self) -> None:
        """Refit once the new size is laid out (the table's size is not yet new here)."""
        if self.comparison is not None:
            self.call_after_refresh(self._fill)
            self.call_after_refresh(self._count)

    def _fill(self, width: int | None = None) -> None:
        """The shown pairs in the table, its columns fitted to its width (see column_widths):
        `width` when it is known, else foreseen and checked once laid out."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        rows = [
            (p.kind.replace("_", " "), p.where, p.status, ", ".join(p.differences))
            for p in self.shown
        ]
        table.clear(columns=True)
        available = _width_for(table, len(rows)) if width is None else width
        widths = column_widths(available, rows)
        for label, width in zip(LABELS, widths, strict=True):
            table.add_column(label, width=width)
        for index, (kind, where, status, what) in enumerate(rows):
            table.add_row(kind, _cut(where), _status(status), _cut(what), key=str(index))
        if self.shown:
            table.move_cursor(row=min(cursor, len(self.shown) - 1))
        if width is None:
            self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """Fill again if the columns do not span the width the table shows them in (its
        scrollbar came or went other than foreseen, or it was not laid out yet)."""
        table = self.query_one(DataTable)
        spanned = sum(column.get_render_width(table) for column in table.columns.values())
        width = table.scrollable_content_region.width
        if table.is_mounted and spanned != width:
            self._fill(width)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None:
            return
        pair = self.shown[int(event.row_key.value)]
        if pair.here is None or pair.there is None:
            self.notify(f"{pair.where} is {pair.status}: nothing to open side by side.")
            return
        if pair.kind == "recipe":
            from .code_diff import CodeDiffScreen

            self.app.push_screen(CodeDiffScreen(self.here, self.there, pair))
        elif pair.kind == "lookup_table":
            from .row_diff import RowDiffScreen

            self.app.push_screen(RowDiffScreen(self.here, self.there, pair))
        else:
            self.notify(f"{pair.where}: {pair.summary}")


def _width_for(table: DataTable[Any], rows: int) -> int:
    """The width `rows` rows and the header get: the table's, less its vertical scrollbar
    when they are more than its height."""
    scrollbar = table.styles.scrollbar_size_vertical if rows + 1 > table.size.height else 0
    return max(0, table.size.width - scrollbar)


def _cut(text: str) -> Text:
    """A cell cut with an ellipsis where its column ends."""
    return Text(text, no_wrap=True, overflow="ellipsis")


def _status(status: str) -> Text:
    return Text(status, style=STYLE[status], no_wrap=True, overflow="ellipsis")
