"""A lookup table pair's rows compared by a key column; copy rows to the other side.

`k` picks the key column, space marks rows, `c` copies the marked rows (or every row that is
only here or differs) to the other profile's table: they are staged there, the staged diff is
confirmed, and the lookup editor's save path (`SaveEngine`: quota-paced, conflict-checked,
crash-safe) sends them. The list shows one typed `RowPair` a row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Static

from ..api.errors import WorkatoError
from ..columns import Column
from ..lookup.diff import diff_lines
from ..lookup.persist import StagedStore
from ..lookup.rowdiff import DIFFERS, ONLY_HERE, SAME, RowPair, row_diff, stage_copy
from ..lookup.rows import Row, flatten, table_columns
from ..lookup.save import SaveEngine
from ..lookup.staging import Staging
from ..service.families import Family
from ..widgets.keys_footer import KeysFooter
from ..widgets.table import ResourceTable
from .compare import STYLE
from .confirm import Confirmation, ConfirmScreen

if TYPE_CHECKING:
    from ..service.compare import Pair
    from ..service.workspace import WorkspaceService


@dataclass(frozen=True, slots=True)
class TableSide:
    """One side's lookup table as read: its columns, its rows as the grid holds them, and
    the rows' ids on the server."""

    columns: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)


class RowDiffScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="row-diff-back"),
        # priority: the list's own `k` moves the cursor up
        Binding("k", "next_key", "Key column", id="row-diff-key", priority=True),
        Binding("c", "copy", "Copy to there", id="row-diff-copy"),
    ]

    def __init__(self, here: WorkspaceService, there: WorkspaceService, pair: Pair) -> None:
        super().__init__()
        self.here = here
        self.there = there
        self.pair = pair
        self.mine = TableSide()
        self.theirs = TableSide()
        self.key_column = ""
        self.pairs: list[RowPair] = []

    def compose(self) -> ComposeResult:
        yield Static(f" Lookup rows: {self.pair.where}", classes="screen-title", markup=False)
        yield Static("Loading both tables…", id="row-diff-summary", markup=False)
        yield ResourceTable(
            row_key=_pair_key,
            cell_style=_status_style,
            empty_text="Loading both tables…",
            id="row-diff",
        )
        yield KeysFooter()

    @property
    def columns(self) -> list[str]:
        return self.mine.columns

    @property
    def table(self) -> ResourceTable:
        return self.query_one("#row-diff", ResourceTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()

    @work(group="row-diff", exclusive=True, exit_on_error=False)
    async def reload(self) -> None:
        try:
            self.mine = await _load(self.here, self.pair.here)
            self.theirs = await _load(self.there, self.pair.there)
        except WorkatoError as error:
            self._summary(f"Could not load: {error.describe()}")
            return
        if self.key_column not in self.columns:
            self.key_column = self.columns[0] if self.columns else ""
        self._show()

    def _summary(self, text: str) -> None:
        self.query_one("#row-diff-summary", Static).update(f" {text}")

    def _show(self) -> None:
        self.pairs = row_diff(self.mine.rows, self.theirs.rows, self.columns, self.key_column)
        table = self.table
        table.set_columns(pair_columns(self.key_column, self.columns))
        table.set_rows(self.pairs, keep_cursor=True)
        table.empty_text = "Both tables are empty"
        self._show_summary()

    @on(ResourceTable.MarksChanged, "#row-diff")
    def _show_summary(self) -> None:
        counts = {s: sum(p.status == s for p in self.pairs) for s in (ONLY_HERE, DIFFERS, SAME)}
        told = "  ".join(f"{s}: {n}" for s, n in counts.items())
        self._summary(
            f"keyed by {self.key_column} (k to change)  {told}  "
            f"only there: {sum(p.here is None for p in self.pairs)}  "
            f"marked: {len(self.table.marked_keys)}"
        )

    def action_next_key(self) -> None:
        if not self.columns:
            return
        index = (self.columns.index(self.key_column) + 1) % len(self.columns)
        self.key_column = self.columns[index]
        self.table.clear_marks()  # marks are by key value, which the new key changes
        self._show()

    def copy_candidates(self) -> list[RowPair]:
        chosen: list[RowPair] = self.table.marked_rows or self.pairs
        return [p for p in chosen if p.status in (ONLY_HERE, DIFFERS)]

    def action_copy(self) -> None:
        self.copy_rows()

    @work(group="row-copy", exclusive=True, exit_on_error=False)
    async def copy_rows(self) -> None:
        candidates = self.copy_candidates()
        if not candidates or self.pair.there is None:
            self.notify("Nothing to copy: no marked row is only here or different.")
            return
        staging = Staging(int(self.pair.there.id or 0), list(self.theirs.columns))
        stage_copy(candidates, staging)
        engine = SaveEngine(
            self.there,
            staging,
            server_keys=list(self.theirs.ids),
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
        self.table.clear_marks()
        self.there.refresh(Family.LOOKUP_ROWS)
        self.reload()


def pair_columns(key_column: str, columns: list[str]) -> list[Column]:
    """STATUS, the key column's value, what changed, and both sides' other cells."""
    return [
        Column("status", "STATUS", width=10),
        Column("key", key_column or "KEY"),
        Column("changed", "CHANGED", get=_changed),
        Column("here", "HERE", get=lambda pair: _cells(pair.here, columns)),
        Column("there", "THERE", get=lambda pair: _cells(pair.there, columns)),
    ]


def _pair_key(pair: RowPair) -> str:
    return pair.key


def _changed(pair: RowPair) -> str:
    return ", ".join(pair.changed)


def _status_style(pair: RowPair, column: str) -> str | None:
    return STYLE[pair.status] if column == "status" else None


async def _load(service: WorkspaceService, asset: Any) -> TableSide:
    table = next((t for t in await service.lookup_tables() if t.id == asset.id), None)
    if table is None:
        return TableSide()
    columns = table_columns(table.model_dump(by_alias=True))
    side = TableSide(columns)
    async for page in service.lookup_row_pages(table.id):
        for r in page:
            side.rows.append(flatten(r.id, r.data, columns))
            side.ids.append(r.id)
    return side


def _cells(row: Row | None, columns: list[str]) -> str:
    if row is None:
        return "—"
    return " | ".join(str(row.get(c, "")) for c in columns[1:])
