"""The lookup table editor: a windowed grid of a table's rows, edited in place and staged.

Rows load page by page (the first page shows at once). Edits, new rows and deletions are
staged, highlighted, counted in the status line and kept on disk until saved or discarded;
`ctrl+s` shows the diff and saves. CSV export/import and the API's lookup are here too.

One class, composed rather than mixed: the logic lives in `workato_tui.lookup` (staging, save
engine, files); loading and the API's lookup are plain functions in `lookup_reads`, the save,
discard and leave flows in `lookup_saving`, the CSV ones in `lookup_csv`, one method here
calling each, editing in `lookup_edits` and what the grid and status lines show in
`lookup_display`; the prompt line is a `PromptBar` widget whose answers (each with the target
it was asked about) one method here turns into what they finish, before the next key is
routed; the grid is a `LookupGrid`, whose keys act as they are routed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static

from ..lookup import (
    GridChange,
    ImportPlan,
    StagedStore,
    Staging,
    plan_import,
    read_csv_file,
    table_columns,
)
from ..lookup.files import (
    default_file_name,
)
from ..lookup.rows import ID, id_text
from ..widgets.keys_footer import KeysFooter
from ..widgets.prompt_bar import Answer, PromptBar
from ..widgets.table import ResourceTable
from ..widgets.table_model import Column
from ..widgets.typing_focus import takes_typing
from .lookup_csv import BUSY_WHILE_IMPORTING, export_csv, import_csv, still_loading
from .lookup_display import apply_changes, crumbs_text, persist_staging, status_text
from .lookup_edits import (
    Target,
    add_row,
    commit_pending_edit,
    edit_cell,
    toggle_delete,
    undo,
)
from .lookup_grid import LookupGrid
from .lookup_prompt import finish_prompt
from .lookup_reads import load_pages, look_up
from .lookup_saving import confirm_leave, discard_staged, profile_text, save_staged

if TYPE_CHECKING:
    from ..api.models_admin import LookupTable
    from ..service.workspace import WorkspaceService


# Actions of priority keys (e, a, /, E, enter, u, D, ctrl+d) that the open prompt takes as text
# or editing keys (enter answers it), in the order typed: while it has focus they are off here.
TYPED_IN_PROMPT = frozenset(
    {"edit_cell", "add_row", "filter", "export_csv", "undo", "toggle_delete"}
)


class LookupEditorScreen(Screen[None]):
    # Keys that open the prompt are priority bindings: they act before the next key is routed,
    # so what is typed right after them at paste speed lands in the prompt; so do the keys that
    # act on the cursor's row, and the grid's own (LookupGrid), so that a burst acts in the
    # order typed (see TYPED_IN_PROMPT).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back", id="lookup-leave"),
        Binding("e", "edit_cell", "Edit", id="lookup-edit", priority=True),
        Binding("enter", "edit_cell", "Edit", show=False, id="lookup-edit-enter", priority=True),
        Binding("a", "add_row", "Add row", id="lookup-add-row", priority=True),
        Binding("shift+enter", "add_row", "Add row", show=False, id="lookup-add-row-enter"),
        Binding(
            "ctrl+d,D", "toggle_delete", "Delete", show=False, id="lookup-delete-row", priority=True
        ),
        Binding("u", "undo", "Undo", id="lookup-undo", priority=True),
        Binding("ctrl+s", "save", "Save", id="lookup-save"),
        Binding("slash", "filter", "Filter", id="lookup-filter", priority=True),
        Binding("ctrl+f", "find", "Look up", id="lookup-find", priority=True),
        Binding("E", "export_csv", "Export", id="lookup-export", priority=True),
        Binding("ctrl+e", "export_csv_raw", "Export raw", show=False, id="lookup-export-raw"),
        Binding("i", "import_csv", "Import", id="lookup-import"),
        Binding("U", "discard", "Discard all", show=False, id="lookup-discard"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="lookup-reload"),
    ]

    DEFAULT_CSS = """
    LookupEditorScreen #lookup-crumbs { height: 1; padding: 0 1; background: $boost; }
    LookupEditorScreen #lookup-status { height: auto; max-height: 3; padding: 0 1;
                                        background: $panel; }
    LookupEditorScreen #lookup-status.-pending { background: $warning 25%; }
    /* toasts sit above the pending-changes bar (up to 3 lines) and the footer, not over it */
    LookupEditorScreen ToastRack { margin-bottom: 4; }
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
        self.workdir = workdir or Path.home()
        self.store = StagedStore(service.staged_dir)
        self.staging = self._restore()
        self.restored = len(self.staging)
        self.rows: dict[int, dict[str, Any]] = {}  # the grid's rows, in server order
        self.loading_rows = False
        self.importing = False  # an import is being staged: editing keys wait
        self.find_column: str | None = None
        self.persist_warned = False  # the disk refused the staged file once: said

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
        yield LookupGrid(
            self._grid_columns(),
            cursor_mode="cell",
            empty_text="This table has no rows (press a to add one)",
            row_style=self.staging.row_class,
            cell_style=self.staging.cell_class,
            id="lookup-grid",
        )
        yield Static("", id="lookup-status", markup=False)
        yield PromptBar(on_answer=self._prompt_answered, id="lookup-prompt")
        yield KeysFooter()

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
    def prompt_bar(self) -> PromptBar:
        return self.query_one(PromptBar)

    @property
    def prompt(self) -> Input:
        return self.prompt_bar.input

    @property
    def prompt_mode(self) -> str | None:
        """What the open prompt asks for (edit, filter, find, export, export-raw), or None."""
        return self.prompt_bar.mode

    @property
    def edit_target(self) -> Target | None:
        """The cell the open prompt edits (row key, column), or None."""
        target = self.prompt_bar.target
        return target if self.prompt_mode == "edit" else None  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.set_focus(self.grid)
        self.grid.move_cursor(column=1 if self.columns else 0)
        self.update_status()
        if self.store.problem:
            self.notify(self.store.problem, title=self.table_name, severity="warning", timeout=30)
        if self.restored:
            self.notify(
                f"Restored {self.staging.summary().lower()} from the last session: "
                "nothing was sent yet. ctrl+s saves, U discards.",
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
        await load_pages(self, refresh=refresh)

    def action_reload(self) -> None:
        self.load_rows(refresh=True)

    # showing changes ------------------------------------------------------------------------

    def apply(self, changes: list[GridChange], *, persist: bool = True) -> None:
        """Show staged (or saved) changes in the grid; keep the staged file current."""
        apply_changes(self, changes)
        if persist:
            self.persist()
        self.update_status()
        self.update_crumbs()

    def persist(self) -> None:
        persist_staging(self)

    def update_crumbs(self) -> None:
        # one line, always: no layout pass (this runs once per page while rows stream in)
        self.query_one("#lookup-crumbs", Static).update(crumbs_text(self), layout=False)

    def update_status(self) -> None:
        status = self.query_one("#lookup-status", Static)
        text = status_text(self)
        # most cursor moves leave it as it is: then no update, which would lay the whole screen
        # out again and repaint every widget on it for each key
        if not _same_text(text, status.content):
            status.update(text)
        status.set_class(bool(len(self.staging)), "-pending")

    @on(ResourceTable.FilterCounted, "#lookup-grid")
    def _filter_counted(self) -> None:
        self.update_crumbs()

    @on(ResourceTable.CellHighlighted)
    @on(ResourceTable.RowHighlighted)
    def _cursor_moved(self) -> None:
        self.update_status()

    # editing ------------------------------------------------------------------------------

    def action_edit_cell(self) -> None:
        edit_cell(self)

    @on(ResourceTable.RowActivated, "#lookup-grid")
    def _activated(self, event: ResourceTable.RowActivated) -> None:
        event.stop()
        self.action_edit_cell()

    def commit_pending_edit(self) -> None:
        """A cell edit still open (focus moved, or another command came) is staged, not lost."""
        commit_pending_edit(self)

    def action_add_row(self) -> None:
        add_row(self)

    def action_toggle_delete(self) -> None:
        toggle_delete(self)

    def action_undo(self) -> None:
        undo(self)

    # the prompt line ----------------------------------------------------------------------

    def ask(self, mode: str, label: str, value: str = "", *, target: object = None) -> None:
        self.prompt_bar.ask(mode, label, value, target=target)

    def _prompt_answered(self, answer: Answer) -> None:
        """Enter, tab or escape in the prompt, handled in the order typed (the prompt is closed
        and the grid focused already): finish what it was opened for, on its own target."""
        finish_prompt(self, answer)

    @on(PromptBar.Changed)
    def _prompt_changed(self, event: PromptBar.Changed) -> None:
        """The live filter; a keystroke heard after the prompt closed is stale (its answer
        set the filter already)."""
        if event.mode == "filter" and self.prompt_mode == "filter":
            self.grid.set_filter(event.value)
            self.update_crumbs()

    def action_filter(self) -> None:
        self.ask("filter", "Filter (! inverts):", self.grid.filter_text)

    # leaving ------------------------------------------------------------------------------

    def action_leave(self) -> None:
        """Escape: close the prompt, else clear the filter, else leave (asking if staged)."""
        if self.prompt_mode is not None:  # (escape typed in the prompt is the prompt's)
            self.prompt_bar.answer(None)
        elif self.grid.filter_text:
            self.grid.set_filter("")
            self.update_crumbs()
        else:
            self.leave()

    @work(group="lookup-leave", exclusive=True, exit_on_error=False)
    async def leave(self) -> None:
        if len(self.staging) and not await self.confirm_leave():
            return
        self.dismiss()

    # finding ------------------------------------------------------------------------------

    def move_to_key(self, key: int) -> bool:
        """Put the cursor on the row with `key` (clearing the filter if it hides it)."""
        for attempt in range(2):
            for position, row in enumerate(self.grid.visible_rows):
                if row[ID] == key:
                    self.grid.move_cursor(row=position)
                    return True
            if attempt == 0 and self.grid.filter_text and key in self.rows:
                self.grid.set_filter("")
                self.update_crumbs()
            else:
                break
        return False

    def action_find(self) -> None:
        column = self.grid.current_column
        key = column.key if column is not None and column.key != ID else None
        self.find_column = key or (self.columns[0] if self.columns else None)
        if self.find_column is not None:
            self.ask("find", f"Look up {self.find_column} =")

    @work(group="lookup-find", exclusive=True, exit_on_error=False)
    async def find_row(self, column: str, value: str) -> None:
        await look_up(self, column, value)

    # saving, discarding, leaving: one method each, the flow in `lookup_saving` -------------

    def action_save(self) -> None:
        self.commit_pending_edit()
        self.save_changes()

    @work(group="lookup-save", exclusive=True, exit_on_error=False)
    async def save_changes(self) -> None:
        await save_staged(self)

    def action_discard(self) -> None:
        self.discard()

    @work(group="lookup-discard", exclusive=True, exit_on_error=False)
    async def discard(self) -> None:
        await discard_staged(self)

    async def confirm_leave(self) -> bool:
        """Ask before leaving (or quitting) with staged edits."""
        return await confirm_leave(self)

    # CSV files: one method each, the work in `lookup_csv` ---------------------------------

    def action_export_csv(self) -> None:
        self._ask_export_path("export", "Export to CSV file:")

    def action_export_csv_raw(self) -> None:
        self._ask_export_path("export-raw", "Export to CSV file, formulas NOT neutralised:")

    def _ask_export_path(self, mode: str, label: str) -> None:
        if not still_loading(self, "export"):
            self.ask(mode, label, str(self.workdir / default_file_name(self.table_name)))

    @work(group="lookup-file", exclusive=True, exit_on_error=False)
    async def export_csv(self, path_text: str, raw: bool = False) -> None:
        await export_csv(self, path_text, raw=raw)

    def action_import_csv(self) -> None:
        if not still_loading(self, "import"):
            self.import_csv()

    @work(group="lookup-file", exclusive=True, exit_on_error=False)
    async def import_csv(self) -> None:
        await import_csv(self)

    def plan_file(self, path: Path, key_column: str, delete_missing: bool) -> ImportPlan:
        """What importing the file at `path` would stage (run in a thread by ImportScreen)."""
        table = read_csv_file(path, self.columns)
        return plan_import(
            table, list(self.rows.values()), self.columns, key_column, delete_missing
        )

    def _import_progress(self, text: str) -> None:
        self.query_one("#lookup-status", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While an import is staging, keys that change rows or leave are off (shown dimmed).
        While the prompt has focus, the keys it takes (see TYPED_IN_PROMPT) are typed into it."""
        if self.importing and action in BUSY_WHILE_IMPORTING:
            return None
        return not (action in TYPED_IN_PROMPT and takes_typing(self.focused))


def _same_text(text: Text, shown: object) -> bool:
    return isinstance(shown, Text) and (text.plain, text.style, text.spans) == (
        shown.plain,
        shown.style,
        shown.spans,
    )
