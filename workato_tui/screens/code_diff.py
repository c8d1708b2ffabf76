"""A recipe pair's code side by side: pretty-printed JSON, changes highlighted, runs folded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from ..api.errors import WorkatoError
from ..service.code_diff import DiffRow, changed_count, code_diff
from ..widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from ..service.compare import Pair
    from ..service.workspace import WorkspaceService

STYLES = {
    "same": ("", ""),
    "changed": ("on dark_red", "on dark_green"),
    "removed": ("on dark_red", ""),
    "added": ("", "on dark_green"),
    "folded": ("dim italic", "dim italic"),
}


class CodeDiffScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="code-diff-back"),
    ]

    def __init__(self, here: WorkspaceService, there: WorkspaceService, pair: Pair) -> None:
        super().__init__()
        self.here = here
        self.there = there
        self.pair = pair
        self.rows: list[DiffRow] = []

    def compose(self) -> ComposeResult:
        yield Static(f" Recipe code: {self.pair.where}", classes="screen-title", markup=False)
        yield Static("Loading both recipes…", id="code-diff-summary", markup=False)
        table: DataTable[Any] = DataTable(id="code-diff", cursor_type="row", show_cursor=False)
        table.add_column(Text(self.here.profile.name), key="here")
        table.add_column(Text(self.there.profile.name), key="there")
        yield table
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.run_worker(self._load(), group="code-diff", exit_on_error=False)

    async def _load(self) -> None:
        assert self.pair.here is not None and self.pair.there is not None
        mine = await self.here.recipe(int(self.pair.here.id or 0))
        theirs = await self.there.recipe(int(self.pair.there.id or 0))
        self.rows = code_diff(mine.code, theirs.code)
        table = self.query_one(DataTable)
        for row in self.rows:
            left, right = STYLES[row.tag]
            table.add_row(Text(row.left, style=left), Text(row.right, style=right))
        versions = f"v{mine.version_no} here, v{theirs.version_no} there"
        changed = changed_count(self.rows)
        self.query_one("#code-diff-summary", Static).update(
            f" {changed} changed line(s); {versions}" if changed else f" Same code; {versions}"
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "code-diff":
            error = event.worker.error
            message = error.describe() if isinstance(error, WorkatoError) else str(error)
            self.query_one("#code-diff-summary", Static).update(f" Could not load: {message}")
            event.stop()
