"""Bulk work: a progress bar and a per-item result list, while the quota paces the calls."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, ProgressBar

from ..service.writes import ItemResult
from ..widgets.table import ResourceTable
from ..widgets.table_model import Column

RunBulk = Callable[
    [Callable[[int, int, ItemResult | None], None], Callable[[], bool]], Awaitable[list[ItemResult]]
]


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
    BulkScreen ResourceTable { height: 1fr; }
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

    def compose(self) -> ComposeResult:
        with Vertical(id="bulk"):
            yield Label(
                f"{self.bulk_title}: {self.total} item(s), paced inside the rate limit",
                id="bulk-title",
            )
            yield ProgressBar(total=self.total, id="bulk-progress")
            yield Label("Starting…", id="bulk-status")
            yield ResourceTable(
                [Column("result", "RESULT", width=10), Column("message", "DETAIL", width=120)],
                row_key=lambda r: r["n"],
                empty_text="No results yet",
                row_style=lambda r: None if r["result"] == "ok" else "resource-table--danger",
                id="bulk-results",
            )
            yield Button("Cancel", id="bulk-close", variant="warning")

    def on_mount(self) -> None:
        self.execute()

    @work(exclusive=True, group="bulk", exit_on_error=False)
    async def execute(self) -> None:
        self.results = await self.run(self._progress, lambda: self.cancelled)
        self.finished = True
        failed = sum(not r.ok for r in self.results)
        self.query_one("#bulk-status", Label).update(
            f"Done: {len(self.results) - failed} succeeded, {failed} failed. Press escape to close."
        )
        self.query_one("#bulk-close", Button).label = "Close"

    def _progress(self, done: int, total: int, last: ItemResult | None) -> None:
        self.query_one(ProgressBar).update(progress=done, total=total)
        self.query_one("#bulk-status", Label).update(f"{done} of {total} sent")
        if last is not None:
            self.query_one(ResourceTable).append_rows(
                [{"n": done, "result": "ok" if last.ok else "failed", "message": last.message}]
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_cancel_or_close()

    def action_cancel_or_close(self) -> None:
        if self.finished:
            self.dismiss(self.results)
        else:
            self.cancelled = True
            self.query_one("#bulk-status", Label).update("Cancelling after the current item…")
