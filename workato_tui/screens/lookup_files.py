"""CSV export and import for `LookupEditorScreen` (mixed in).

Export writes the rows as the grid shows them (the filtered rows when a filter is on, staged
edits included, rows staged for deletion left out). Import plans the file against the grid's
rows, previews it, and stages the result as one undo step; saving is the usual ctrl+s.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

from ..lookup import ImportPlan, Staging, plan_import, read_csv_file, write_csv
from ..lookup.rows import ID
from .confirm import Confirmation, ConfirmScreen
from .lookup_import import ImportScreen

if TYPE_CHECKING:
    from textual.app import App

    from ..lookup import GridChange
    from ..service.workspace import WorkspaceService
    from ..widgets.table import ResourceTable


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

    if TYPE_CHECKING:

        @property
        def grid(self) -> ResourceTable: ...
        def apply(self, changes: list[GridChange], *, persist: bool = True) -> None: ...
        def notify(self, message: str, **kw: Any) -> None: ...
        def open_prompt(self, mode: str, label: str, value: str = "") -> None: ...

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
        if self._still_loading("export"):
            return
        default = self.workdir / default_file_name(self.table_name)
        self.open_prompt("export", "Export to CSV file:", str(default))

    @work(group="lookup-file", exclusive=True, exit_on_error=False)
    async def export_csv(self, path_text: str) -> None:
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
            count = write_csv(path, rows, self.columns)
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
        self.apply(self.staging.apply_import(plan.changes, plan.adds, plan.deletes))
        self.notify(
            f"Staged from the file: {plan.summary()}. Nothing is sent until ctrl+s; "
            "u undoes the whole import.",
            title="Import",
            timeout=10,
        )

    def plan_file(self, path: Path, key_column: str, delete_missing: bool) -> ImportPlan:
        table = read_csv_file(path, self.columns)
        return plan_import(
            table, list(self.rows.values()), self.columns, key_column, delete_missing
        )
