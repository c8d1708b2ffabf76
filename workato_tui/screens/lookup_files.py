"""CSV export and import for `LookupEditorScreen` (mixed in).

Export writes the rows as the grid shows them (the filtered rows when a filter is on, staged
edits included, rows staged for deletion left out), cells a spreadsheet would run as formulas
prefixed with `'` (`X` exports them raw). Import plans the file against the grid's rows in a
thread, previews it, and stages the result as one undo step, a chunk at a time so the screen keeps
answering keys; editing keys wait until it is done. Saving is the usual ctrl+s.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from textual import work
from textual.widgets import Static

from ..lookup import (
    GridChange,
    ImportPlan,
    StagedStore,
    Staging,
    plan_import,
    read_csv_file,
    write_csv,
)
from ..lookup.gcpause import collector_paused
from ..lookup.rows import ID
from .confirm import Confirmation, ConfirmScreen
from .lookup_import import ImportScreen

if TYPE_CHECKING:
    from textual.app import App
    from textual.css.query import QueryType
    from textual.widget import Widget

    from ..service.workspace import WorkspaceService
    from ..widgets.table import ResourceTable


IMPORT_SLICE_SECONDS = 0.03  # staging work between two looks at the event loop
YIELD_SECONDS = 0.002


def _time_slices(chunks: Iterator[list[GridChange]], seconds: float) -> Iterator[list[GridChange]]:
    """The chunks joined into slices of about `seconds` of work each."""
    joined: list[GridChange] = []
    started = time.perf_counter()
    for chunk in chunks:
        joined += chunk
        if time.perf_counter() - started >= seconds:
            yield joined
            joined, started = [], time.perf_counter()
    if joined:
        yield joined


BUSY_WHILE_IMPORTING = frozenset(
    {
        "edit_cell",
        "add_row",
        "toggle_delete",
        "undo",
        "save",
        "discard",
        "reload",
        "leave",
        "export_csv",
        "export_csv_raw",
        "import_csv",
    }
)


def default_file_name(table_name: str) -> str:
    """`Cost centers.csv`: the table's name, minus characters that are awkward in paths."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", table_name).strip(" .") or "lookup-table"
    return f"{safe}.csv"


class LookupFiles:
    app: App[Any]
    service: WorkspaceService
    staging: Staging
    table_name: str
    columns: list[str]
    rows: dict[int, dict[str, Any]]
    workdir: Path
    loading_rows: bool
    store: StagedStore
    importing: bool = False  # an import is being staged: editing keys wait

    if TYPE_CHECKING:

        @property
        def grid(self) -> ResourceTable: ...
        def apply(self, changes: list[GridChange], *, persist: bool = True) -> None: ...
        def notify(self, message: str, **kw: Any) -> None: ...
        def open_prompt(self, mode: str, label: str, value: str = "") -> None: ...
        def update_status(self) -> None: ...
        @overload
        def query_one(self, selector: str) -> Widget: ...
        @overload
        def query_one(self, selector: type[QueryType]) -> QueryType: ...
        @overload
        def query_one(self, selector: str, expect_type: type[QueryType]) -> QueryType: ...
        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...

    def _resolve_path(self, text: str) -> Path:
        path = Path(text.strip()).expanduser()
        return path if path.is_absolute() else self.workdir / path

    def _still_loading(self, what: str) -> bool:
        if self.loading_rows:
            self.notify(
                f"Rows are still loading ({len(self.rows)} so far): {what} when they are all in.",
                title=what.capitalize(),
                severity="warning",
            )
        return self.loading_rows

    # export -------------------------------------------------------------------------------

    def action_export_csv(self) -> None:
        self._export_prompt("export", "Export to CSV file:")

    def action_export_csv_raw(self) -> None:
        self._export_prompt("export-raw", "Export to CSV file, formulas NOT neutralised:")

    def _export_prompt(self, mode: str, label: str) -> None:
        if self._still_loading("export"):
            return
        default = self.workdir / default_file_name(self.table_name)
        self.open_prompt(mode, label, str(default))

    @work(group="lookup-file", exclusive=True, exit_on_error=False)
    async def export_csv(self, path_text: str, raw: bool = False) -> None:
        path = self._resolve_path(path_text)
        if path.exists() and not await self.app.push_screen_wait(
            ConfirmScreen(
                Confirmation(
                    action="Replace file",
                    items=(str(path),),
                    profile="this computer",
                    effect="The file exists; exporting overwrites it.",
                    irreversible=False,
                )
            )
        ):
            return
        rows = [
            row
            for row in self.grid.visible_rows
            if not ((staged := self.staging.get(row[ID])) and staged.deleted)
        ]
        try:
            count = write_csv(path, rows, self.columns, raw=raw)
        except OSError as error:
            self.notify(
                f"Could not write {path}: {error.strerror or error}",
                title="Export failed",
                severity="error",
            )
            return
        notes = [
            " (the filtered rows)" if self.grid.filter_text else "",
            ", staged edits as shown" if len(self.staging) else "",
            ", formulas raw" if raw else "",
        ]
        self.notify(f"Exported {count} rows{''.join(notes)} to {path}", title="Export")

    # import -------------------------------------------------------------------------------

    def action_import_csv(self) -> None:
        if self._still_loading("import"):
            return
        self.import_csv()

    @work(group="lookup-file", exclusive=True, exit_on_error=False)
    async def import_csv(self) -> None:
        default = self.workdir / default_file_name(self.table_name)
        plan = await self.app.push_screen_wait(
            ImportScreen(self.table_name, self.columns, default, self.plan_file, self.workdir)
        )
        if plan is None:
            return
        if not plan.total:
            self.notify("The file matches the table: nothing to stage.", title="Import")
            return
        if self.grid.filter_text:
            self.grid.set_filter("")
        await self.stage_import(plan)
        self.notify(
            f"Staged from the file: {plan.summary()}. Nothing is sent until ctrl+s; "
            "u undoes the whole import.",
            title="Import",
            timeout=10,
        )

    async def stage_import(self, plan: ImportPlan) -> None:
        """Stage the plan a chunk at a time, yielding to the event loop between chunks; then
        write the staged file in a thread. Editing keys are off meanwhile (`check_action`)."""
        self.importing = True
        chunks = self.staging.import_chunks(plan.changes, plan.adds, plan.deletes)
        with collector_paused():
            await self._stage_chunks(plan, chunks)

    async def _stage_chunks(self, plan: ImportPlan, chunks: Generator[list[GridChange]]) -> None:
        done = 0
        try:
            for changes in _time_slices(chunks, IMPORT_SLICE_SECONDS):
                self.apply(changes, persist=False)
                done += len(changes)
                self._import_progress(f"Staging the import: {done:,} of {plan.total:,} rows…")
                await asyncio.sleep(YIELD_SECONDS)  # time for a key's trip through the queues
            self._import_progress(f"Writing {done:,} staged rows to disk…")
            await asyncio.to_thread(self._persist_quietly)
        finally:
            chunks.close()  # if cancelled: what was staged so far is still one undo step
            self.importing = False
            self.update_status()

    def _import_progress(self, text: str) -> None:
        self.query_one("#lookup-status", Static).update(text)

    def _persist_quietly(self) -> None:
        try:
            self.store.save(self.staging, self.table_name)
        except OSError as error:
            self.app.call_from_thread(
                self.notify,
                f"Staged edits could not be written to disk ({error}); they are kept in "
                "memory only.",
                title="Staged edits",
                severity="warning",
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While an import is staging, keys that change rows or leave are off (shown dimmed)."""
        if self.importing and action in BUSY_WHILE_IMPORTING:
            return None
        return True

    def plan_file(self, path: Path, key_column: str, delete_missing: bool) -> ImportPlan:
        table = read_csv_file(path, self.columns)
        return plan_import(
            table, list(self.rows.values()), self.columns, key_column, delete_missing
        )
