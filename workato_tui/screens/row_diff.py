"""A lookup table pair's rows compared by a key column; copy rows to the other side.

`k` picks the key column, space marks rows, `c` copies the marked rows (or every row that is
only here or differs) to the other profile's table: they are staged there, the staged diff is
confirmed, and the lookup editor's save path (`SaveEngine`: quota-paced, conflict-checked,
crash-safe) sends them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..api.errors import WorkatoError
from ..lookup.diff import diff_lines
from ..lookup.persist import StagedStore
from ..lookup.rowdiff import DIFFERS, ONLY_HERE, SAME, RowPair, row_diff, stage_copy
from ..lookup.rows import Row, flatten, table_columns
from ..lookup.save import SaveEngine
from ..lookup.staging import Staging
from ..service.families import Family
from ..widgets.keys_footer import KeysFooter
from .compare import STYLE
from .confirm import Confirmation, ConfirmScreen

if TYPE_CHECKING:
    from ..service.compare import Pair
    from ..service.workspace import WorkspaceService


class RowDiffScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="row-diff-back"),
        Binding("k", "next_key", "Key column", id="row-diff-key"),
        Binding("space", "mark", "Mark", id="row-diff-mark"),
        Binding("c", "copy", "Copy to there", id="row-diff-copy"),
    ]

    def __init__(self, here: WorkspaceService, there: WorkspaceService, pair: Pair) -> None:
        super().__init__()
        self.here = here
        self.there = there
        self.pair = pair
        self.columns: list[str] = []
        self.there_columns: list[str] = []
        self.here_rows: list[Row] = []
        self.there_rows: list[Row] = []
        self.key_column = ""
        self.pairs: list[RowPair] = []
        self.marked: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static(f" Lookup rows: {self.pair.where}", classes="screen-title")
        yield Static("Loading both tables…", id="row-diff-summary")
        yield DataTable(id="row-diff", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.reload()

    @work(group="row-diff", exclusive=True, exit_on_error=False)
    async def reload(self) -> None:
        try:
            self.columns, self.here_rows = await _load(self.here, self.pair.here)
            self.there_columns, self.there_rows = await _load(self.there, self.pair.there)
        except WorkatoError as error:
            self._summary(f"Could not load: {error.describe()}")
            return
        if self.key_column not in self.columns:
            self.key_column = self.columns[0] if self.columns else ""
        self._show()

    def _summary(self, text: str) -> None:
        self.query_one("#row-diff-summary", Static).update(f" {text}")

    def _show(self) -> None:
        self.pairs = row_diff(self.here_rows, self.there_rows, self.columns, self.key_column)
        table: DataTable[Any] = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns("", "STATUS", self.key_column, "CHANGED", "HERE", "THERE")
        for index, pair in enumerate(self.pairs):
            mark = "●" if pair.key in self.marked else ""
            table.add_row(
                mark,
                Text(pair.status, style=STYLE[pair.status]),
                pair.key,
                ", ".join(pair.changed),
                _cells(pair.here, self.columns),
                _cells(pair.there, self.columns),
                key=str(index),
            )
        counts = {s: sum(p.status == s for p in self.pairs) for s in (ONLY_HERE, DIFFERS, SAME)}
        told = "  ".join(f"{s}: {n}" for s, n in counts.items())
        self._summary(
            f"keyed by {self.key_column} (k to change)  {told}  "
            f"only there: {sum(p.here is None for p in self.pairs)}  marked: {len(self.marked)}"
        )

    def action_next_key(self) -> None:
        if not self.columns:
            return
        index = (self.columns.index(self.key_column) + 1) % len(self.columns)
        self.key_column = self.columns[index]
        self.marked.clear()
        self._show()

    def action_mark(self) -> None:
        table: DataTable[Any] = self.query_one(DataTable)
        if not self.pairs:
            return
        pair = self.pairs[table.cursor_row]
        self.marked ^= {pair.key}
        row = table.cursor_row
        self._show()
        table.move_cursor(row=min(row + 1, len(self.pairs) - 1))

    def copy_candidates(self) -> list[RowPair]:
        chosen = [p for p in self.pairs if p.key in self.marked] if self.marked else self.pairs
        return [p for p in chosen if p.status in (ONLY_HERE, DIFFERS)]

    def action_copy(self) -> None:
        self.copy_rows()

    @work(group="row-copy", exclusive=True, exit_on_error=False)
    async def copy_rows(self) -> None:
        candidates = self.copy_candidates()
        if not candidates or self.pair.there is None:
            self.notify("Nothing to copy: no marked row is only here or different.")
            return
        staging = Staging(int(self.pair.there.id or 0), list(self.there_columns))
        stage_copy(candidates, staging)
        engine = SaveEngine(
            self.there,
            staging,
            server_keys=[int(r["id"]) for r in self.there_rows],
            store=StagedStore(self.there.staged_dir),
            table_name=self.pair.there.name,
        )
        refusal = engine.refusal()
        if refusal:
            self.notify(f"Copy refused: {refusal}", title="Copy rows", severity="error")
            return
        confirmation = Confirmation(
            action="Copy rows",
            items=(f"{self.pair.where} in {self.there.profile.name}",),
            profile=self.there.profile.label,
            effect=f"{staging.summary()} in the other profile's table, saved row by row.",
            endpoint="lookup_rows.create / lookup_rows.update",
            details=tuple(diff_lines(staging)),
        )
        if not await self.app.push_screen_wait(ConfirmScreen(confirmation)):
            self.notify("Nothing copied.", title="Copy rows")
            return
        results = await engine.run()
        failed = [r for r in results if not r.ok]
        conflicts = len(engine.report.conflicts)
        severity: SeverityLevel = "error" if failed or conflicts else "information"
        self.notify(
            f"Copied {len(results) - len(failed)} row(s) to {self.there.profile.name}"
            + (f"; {len(failed)} failed" if failed else "")
            + (f"; {conflicts} held back as conflicts" if conflicts else ""),
            title="Copy rows",
            severity=severity,
        )
        self.marked.clear()
        self.there.refresh(Family.LOOKUP_ROWS)
        self.reload()


async def _load(service: WorkspaceService, asset: Any) -> tuple[list[str], list[Row]]:
    table = next((t for t in await service.lookup_tables() if t.id == asset.id), None)
    if table is None:
        return [], []
    columns = table_columns(table.model_dump(by_alias=True))
    rows = [
        flatten(r.id, r.data, columns)
        async for page in service.lookup_row_pages(table.id)
        for r in page
    ]
    return columns, rows


def _cells(row: Row | None, columns: list[str]) -> str:
    if row is None:
        return "—"
    return " | ".join(str(row.get(c, "")) for c in columns[1:])
