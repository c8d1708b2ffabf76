"""Bulk work: a progress bar and a per-item result list, while the quota paces the calls.

Each result is done, failed, or uncertain (its answer was lost and no check settled it). The
highlighted result shows in full below the list, and `enter` opens it on its own; the status
line says when the work waits out a 429 ("waiting 3 s: repeat_jobs 1/s"); escape cancels.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, ProgressBar, Static

from ..api.retry import watch_waits
from ..service.writes import ItemResult
from ..widgets.table import ResourceTable
from ..widgets.table_model import Column

RunBulk = Callable[
    [Callable[[int, int, ItemResult | None], None], Callable[[], bool]], Awaitable[list[ItemResult]]
]


STYLE = {"ok": None, "uncertain": "resource-table--warning"}


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One item's outcome as the bulk screen lists it: its number, `ok`, `failed` or
    `uncertain`, and what happened."""

    n: int
    result: str
    message: str

    @classmethod
    def of(cls, n: int, item: ItemResult) -> ResultRow:
        return cls(n, {"done": "ok"}.get(item.outcome, item.outcome), item.message)

    @property
    def style(self) -> str | None:
        return STYLE.get(self.result, "resource-table--danger")


def summary(results: list[ItemResult]) -> str:
    """`3 succeeded, 1 failed, 1 uncertain` (uncertain only when there is one)."""
    outcomes = [r.outcome for r in results]
    text = f"{outcomes.count('done')} succeeded, {outcomes.count('failed')} failed"
    uncertain = outcomes.count("uncertain")
    return text + (f", {uncertain} may have been applied (not resent)" if uncertain else "")


class ResultScreen(ModalScreen[None]):
    """One result in full, wrapped and scrollable."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss", "Close", id="result-close"),
    ]
    DEFAULT_CSS = """
    ResultScreen { align: center middle; }
    ResultScreen > VerticalScroll {
        width: 90; max-width: 100%; height: auto; max-height: 80%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    """

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.result_title = title
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label(self.result_title, id="result-title", markup=False)
            yield Static(self.text, id="result-text", markup=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)


class BulkScreen(ModalScreen[list[ItemResult]]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel_or_close", "Cancel / close", id="bulk-cancel"),
    ]

    DEFAULT_CSS = """
    BulkScreen { align: center middle; }
    BulkScreen > #bulk {
        width: 100; max-width: 100%; height: 80%; border: thick $accent;
        background: $surface; padding: 1 2;
    }
    BulkScreen ProgressBar { margin: 1 0; }
    BulkScreen #bulk-status { width: 100%; height: auto; max-height: 6; }
    BulkScreen ResourceTable { height: 1fr; }
    BulkScreen #bulk-detail-box { height: auto; max-height: 6; }
    BulkScreen #bulk-detail { color: $text-muted; }
    BulkScreen #bulk-close { margin-top: 1; }
    """

    def __init__(self, title: str, total: int, run: RunBulk) -> None:
        super().__init__()
        self.bulk_title = title
        self.total = total
        self.run = run
        self.results: list[ItemResult] = []
        self.cancelled = False
        self.finished = False
        self.waits: list[str] = []  # every 429 wait shown, in order

    def compose(self) -> ComposeResult:
        with Vertical(id="bulk"):
            yield Label(
                f"{self.bulk_title}: {self.total} item(s), paced inside the rate limit",
                id="bulk-title",
                markup=False,
            )
            # no ETA: quota waits make Textual's estimate wrong, and a done bar showed --:--:--
            yield ProgressBar(total=self.total, show_eta=False, id="bulk-progress")
            yield Label("Starting…", id="bulk-status", markup=False)
            yield ResourceTable(
                [Column("result", "RESULT", width=10), Column("message", "DETAIL", width=120)],
                row_key=_number,
                empty_text="No results yet",
                row_style=_style,
                id="bulk-results",
            )
            with VerticalScroll(id="bulk-detail-box"):
                yield Static("", id="bulk-detail", markup=False)
            yield Button("Cancel", id="bulk-close", variant="warning")

    def on_mount(self) -> None:
        self.execute()

    @work(exclusive=True, group="bulk", exit_on_error=False)
    async def execute(self) -> None:
        self.results = await self.run_watched()
        self.finished = True
        self.query_one("#bulk-status", Label).update(
            f"Done: {summary(self.results)}. Press escape to close, enter to read a result."
        )
        self.query_one("#bulk-close", Button).label = "Close"

    async def run_watched(self) -> list[ItemResult]:
        """Run the work, showing its 429 waits; a cancel also stops a wait."""
        with watch_waits(self._waiting, lambda: self.cancelled):
            return await self.run(self._progress, lambda: self.cancelled)

    def _waiting(self, text: str) -> None:
        self.waits.append(text)
        done = self.query_one(ResourceTable).total_count
        self.query_one("#bulk-status", Label).update(f"{done} of {self.total} done; {text}")

    def _progress(self, done: int, total: int, last: ItemResult | None) -> None:
        self.query_one(ProgressBar).update(progress=done, total=total)
        self.query_one("#bulk-status", Label).update(f"{done} of {total} sent")
        if last is not None:
            table = self.query_one(ResourceTable)
            table.append_rows([ResultRow.of(done, last)])
            if table.row_count == 1:
                self._show_detail(table.current_row)

    @on(ResourceTable.RowHighlighted, "#bulk-results")
    def _highlighted(self, event: ResourceTable.RowHighlighted) -> None:
        self._show_detail(event.row)

    def _show_detail(self, row: ResultRow | None) -> None:
        self.query_one("#bulk-detail", Static).update(row.message if row else "")

    @on(ResourceTable.RowActivated, "#bulk-results")
    def _open_result(self, event: ResourceTable.RowActivated) -> None:
        row: ResultRow = event.row
        self.app.push_screen(ResultScreen(f"Result {row.n}: {row.result}", row.message))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_cancel_or_close()

    def action_cancel_or_close(self) -> None:
        if self.finished:
            self.dismiss(self.results)
        else:
            self.cancelled = True
            self.query_one("#bulk-status", Label).update("Cancelling after the current item…")


def _number(row: ResultRow) -> int:
    return row.n


def _style(row: ResultRow) -> str | None:
    return row.style
