"""The lookup table editor: a windowed grid of a table's rows, edited in place and staged.

Rows load page by page (the first page shows at once). Edits, new rows and deletions are
staged, highlighted, counted in the status line and kept on disk until saved or discarded;
`ctrl+s` shows the diff and saves (see `lookup_saving`). CSV export/import and the API's
lookup are here too. The logic lives in `workato_tui.lookup`; this module only shows it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from ..api.errors import WorkatoError
from ..api.models_admin import LookupTable
from ..lookup import GridChange, StagedStore, Staging, flatten, table_columns
from ..lookup.rows import ID, id_text, make_row, row_name, values_of
from ..service.families import Family
from ..widgets.table import ResourceTable
from ..widgets.table_model import Column
from ..widgets.write_request import ErrorRaised
from .lookup_files import LookupFiles
from .lookup_prompt import CellInput, LookupPrompt
from .lookup_saving import LookupSaving, profile_text

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


class LookupEditorScreen(LookupPrompt, LookupSaving, LookupFiles, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back", id="lookup-leave"),
        Binding("e", "edit_cell", "Edit", id="lookup-edit"),
        Binding("a", "add_row", "Add row", id="lookup-add-row"),
        Binding("shift+enter", "add_row", "Add row", show=False, id="lookup-add-row-enter"),
        Binding("ctrl+d", "toggle_delete", "Delete", id="lookup-delete-row"),
        Binding("u", "undo", "Undo", id="lookup-undo"),
        Binding("ctrl+s", "save", "Save", id="lookup-save"),
        Binding("slash", "filter", "Filter", id="lookup-filter"),
        Binding("ctrl+f", "find", "Look up", id="lookup-find"),
        Binding("x", "export_csv", "Export", id="lookup-export"),
        Binding("X", "export_csv_raw", "Export raw", show=False, id="lookup-export-raw"),
        Binding("i", "import_csv", "Import", id="lookup-import"),
        Binding("D", "discard", "Discard all", show=False, id="lookup-discard"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="lookup-reload"),
    ]

    DEFAULT_CSS = """
    LookupEditorScreen #lookup-crumbs { height: 1; padding: 0 1; background: $boost; }
    LookupEditorScreen #lookup-status { height: auto; max-height: 3; padding: 0 1;
                                        background: $panel; }
    LookupEditorScreen #lookup-status.-pending { background: $warning 25%; }
    LookupEditorScreen #lookup-prompt { display: none; height: 3; }
    LookupEditorScreen #lookup-prompt.-active { display: block; }
    LookupEditorScreen #lookup-prompt-label { width: auto; max-width: 50%; padding: 1 1 0 1; }
    LookupEditorScreen #lookup-input { width: 1fr; }
    """

    def __init__(
        self, service: WorkspaceService, table: LookupTable, *, workdir: Path | None = None
    ) -> None:
        super().__init__()
        self.service = service
        self.table = table
        self.table_id = table.id
        self.table_name = table.name or f"table {self.table_id}"
        self.columns = table_columns(table)
        self.workdir = workdir or Path.cwd()
        self.store = StagedStore(service.staged_dir)
        self.staging = self._restore()
        self.restored = len(self.staging)
        self.rows: dict[int, dict[str, Any]] = {}  # the grid's rows, in server order
        self.loading_rows = False
        self.prompt_mode: str | None = None
        self.edit_target: tuple[int, str] | None = None
        self.find_column: str | None = None
        self._persist_warned = False

    def _restore(self) -> Staging:
        try:
            staging = self.store.load(self.table_id, self.columns)
        except OSError:
            staging = None
        return staging or Staging(self.table_id, list(self.columns))

    # layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="lookup-title", classes="screen-title", markup=False)
        yield Static("", id="lookup-crumbs", markup=False)
        yield ResourceTable(
            self._grid_columns(),
            cursor_mode="cell",
            empty_text="This table has no rows (press a to add one)",
            row_style=self.staging.row_class,
            cell_style=self.staging.cell_class,
            id="lookup-grid",
        )
        yield Static("", id="lookup-status")
        with Horizontal(id="lookup-prompt"):
            yield Label("", id="lookup-prompt-label", markup=False)
            yield CellInput(id="lookup-input", select_on_focus=False)
        yield Footer(compact=True)

    def _title(self) -> str:
        return f"Lookup table: {self.table_name}  ·  {profile_text(self.service)}"

    def _grid_columns(self) -> list[Column]:
        return [
            Column(ID, "ROW ID", align="right", format=id_text),
            *(Column(label, label.upper()) for label in self.columns),
        ]

    @property
    def grid(self) -> ResourceTable:
        return self.query_one("#lookup-grid", ResourceTable)

    @property
    def prompt(self) -> Input:
        return self.query_one("#lookup-input", Input)

    def on_mount(self) -> None:
        self.grid.focus()
        self.grid.move_cursor(column=1 if self.columns else 0)
        self.update_status()
        if self.store.problem:
            self.notify(self.store.problem, title=self.table_name, severity="warning", timeout=30)
        if self.restored:
            self.notify(
                f"Restored {self.staging.summary().lower()} from the last session: "
                "nothing was sent yet. ctrl+s saves, D discards.",
                title=f"{self.table_name}: staged edits restored",
                timeout=10,
            )
        self.load_rows()

    def on_unmount(self) -> None:
        """The screen is closed: its rows go now, not whenever the screen object does."""
        self.rows = {}

    # loading ------------------------------------------------------------------------------

    @work(exclusive=True, group="lookup-load", exit_on_error=False)
    async def load_rows(self, refresh: bool = False) -> None:
        grid = self.grid
        if refresh:
            self.service.refresh(Family.LOOKUP_ROWS)
        self.loading_rows, grid.loading = True, not grid.total_count
        self.update_crumbs()
        rows: dict[int, dict[str, Any]] = {}
        try:
            async for page in self.service.lookup_row_pages(self.table_id):
                shown = [self.staging.display(flatten(r.id, r.data, self.columns)) for r in page]
                first = not rows
                rows.update((row[ID], row) for row in shown)
                self.rows = rows
                (grid.set_rows if first else grid.append_rows)(shown)
                grid.loading = False
                self.update_crumbs()
            self._show_staged_extras(rows)
        except WorkatoError as error:
            self._load_failed(error)
        finally:
            self.loading_rows = grid.loading = False
            self.update_crumbs()

    def _show_staged_extras(self, loaded: dict[int, dict[str, Any]]) -> None:
        """New rows, and staged rows the server no longer has, go at the end."""
        if not loaded:
            self.rows = {}
            self.grid.set_rows([])
        extra = [make_row(k, s.values) for k, s in self.staging.rows.items() if k not in self.rows]
        gone = sum(row[ID] > 0 for row in extra)
        self.apply([(row[ID], row) for row in extra], persist=False)
        if gone:
            self.notify(
                f"{gone} staged row(s) no longer exist on the server; saving will "
                "show them as conflicts.",
                title=self.table_name,
                severity="warning",
            )

    def _load_failed(self, error: WorkatoError) -> None:
        if self.grid.total_count:
            self.post_message(ErrorRaised(error, "Load all rows"))  # the rows loaded stay
        else:
            self.grid.show_error(error.describe())

    def action_reload(self) -> None:
        self.load_rows(refresh=True)

    # showing changes ------------------------------------------------------------------------

    def apply(self, changes: list[GridChange], *, persist: bool = True) -> None:
        """Show staged (or saved) changes in the grid; keep the staged file current."""
        grid, rebuild, appended = self.grid, False, []
        for key, row in changes:
            if row is None:
                rebuild = self.rows.pop(key, None) is not None or rebuild
            elif key in self.rows:
                self.rows[key] = row
                if not rebuild:
                    grid.update_row(row)
            else:
                self.rows[key] = row
                appended.append(row)
        if rebuild:
            grid.set_rows(list(self.rows.values()))
        elif appended:
            grid.append_rows(appended)
        grid.refresh()
        if persist:
            self.persist()
        self.update_status()
        self.update_crumbs()

    def persist(self) -> None:
        try:
            self.store.save(self.staging, self.table_name)
        except OSError as error:
            if not self._persist_warned:
                self._persist_warned = True
                self.notify(
                    f"Staged edits could not be written to disk ({error}); they are "
                    "kept in memory only.",
                    title="Staged edits",
                    severity="warning",
                )

    def update_crumbs(self) -> None:
        grid = self.grid
        count = (
            f"{grid.shown_count}/{grid.total_count}" if grid.filter_text else f"{grid.total_count}"
        )
        parts = [f"{self.table_name} › Rows", f"[{count}]"]
        if self.loading_rows:
            parts.append("loading…")
        if grid.filtering:
            parts.append("counting…")
        if grid.filter_text:
            parts.append(f"filter: {grid.filter_text}")
        # one line, always: no layout pass (this runs once per page while rows stream in)
        self.query_one("#lookup-crumbs", Static).update("  ".join(parts), layout=False)

    def update_status(self) -> None:
        pending = len(self.staging)
        text = Text(self.staging.summary(), style="bold" if pending else "")
        if pending:
            text.append("  ·  ctrl+s saves, u undoes, D discards")
        refusal = self.service.denied("lookup_rows.update")
        if refusal:
            text.append(f"  ·  saving is refused: {refusal}", style="italic")
        row = self.grid.current_row
        staged = self.staging.get(row[ID]) if row is not None else None
        if staged is not None and staged.error:
            text.append(
                f"\n{row_name(staged.key, staged.values, self.columns)}: {staged.error}",
                style="bold red",
            )
        status = self.query_one("#lookup-status", Static)
        status.update(text)
        status.set_class(bool(pending), "-pending")

    @on(Input.Changed, "#lookup-input")
    def _prompt_changed(self, event: Input.Changed) -> None:
        self.prompt_changed(event)

    @on(Input.Submitted, "#lookup-input")
    def _prompt_submitted(self, event: Input.Submitted) -> None:
        self.prompt_submitted(event)

    @on(CellInput.Advanced)
    def _advance(self, event: CellInput.Advanced) -> None:
        self.advance(event)

    @on(ResourceTable.FilterCounted, "#lookup-grid")
    def _filter_counted(self) -> None:
        self.update_crumbs()

    @on(ResourceTable.CellHighlighted)
    @on(ResourceTable.RowHighlighted)
    def _cursor_moved(self) -> None:
        self.update_status()

    # editing ------------------------------------------------------------------------------

    def _target_cell(self) -> tuple[dict[str, Any], str] | None:
        row, column = self.grid.current_row, self.grid.current_column
        if row is None or not self.columns:
            return None
        if column is None or column.key == ID:
            self.grid.move_cursor(column=1)
            return dict(row), self.columns[0]
        return dict(row), column.key

    def action_edit_cell(self) -> None:
        self.commit_pending_edit()
        target = self._target_cell()
        if target is None:
            self.notify("No row here: press a to add one.", title="Edit", severity="warning")
            return
        row, column = target
        staged = self.staging.get(row[ID])
        if staged is not None and staged.deleted:
            self.notify(
                "This row is staged for deletion: ctrl+d keeps it.",
                title="Edit",
                severity="warning",
            )
            return
        self.edit_target = (row[ID], column)
        name = row_name(row[ID], values_of(row, self.columns), self.columns)
        self.open_prompt("edit", f"{column} of {name}:", str(row.get(column) or ""))

    @on(ResourceTable.RowActivated, "#lookup-grid")
    def _activated(self, event: ResourceTable.RowActivated) -> None:
        event.stop()
        self.action_edit_cell()

    def _commit_edit(self, target: tuple[int, str], value: str) -> None:
        key, column = target
        row = self.rows.get(key)
        if row is None:
            self.notify(
                "That row is no longer in the table; the edit was not staged.",
                title="Edit",
                severity="warning",
            )
            return
        self.apply(self.staging.set_cell(row, column, value))

    def commit_pending_edit(self) -> None:
        """A cell edit still open (focus moved, or another command came) is staged, not lost."""
        if self.prompt_mode == "edit" and self.edit_target is not None:
            target, self.edit_target = self.edit_target, None
            self.close_prompt()
            self._commit_edit(target, self.prompt.value)

    def action_add_row(self) -> None:
        self.commit_pending_edit()
        if self.grid.filter_text:
            self.grid.set_filter("")
        changes = self.staging.add_row()
        self.apply(changes)
        self.move_to_key(changes[0][0])
        self.grid.move_cursor(column=1)
        self.action_edit_cell()

    def action_toggle_delete(self) -> None:
        grid = self.grid
        rows = [dict(r) for r in grid.marked_rows] or (
            [dict(grid.current_row)] if grid.current_row is not None else []
        )
        if not rows:
            return
        self.apply(self.staging.toggle_delete(rows))
        if grid.marked_keys:
            grid.clear_marks()

    def action_undo(self) -> None:
        changes = self.staging.undo()
        if changes is None:
            self.notify("Nothing to undo.", title="Undo")
            return
        self.apply(changes)
