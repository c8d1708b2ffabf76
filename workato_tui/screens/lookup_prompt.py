"""The editor's prompt line (cell edit, filter, look up, export path) and leaving, mixed into
`LookupEditorScreen`. One Input under the grid serves every prompt; escape closes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, overload

from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input, Label

from ..api.errors import NotFound, WorkatoError
from ..lookup.rows import ID
from ..widgets.write_request import ErrorRaised

if TYPE_CHECKING:
    from textual.css.query import QueryType
    from textual.widget import Widget

    from ..lookup import Staging
    from ..service.workspace import WorkspaceService
    from ..widgets.table import ResourceTable


class CellInput(Input):
    """The prompt line's input. Editing a cell, tab / shift+tab commit and edit the next cell."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "advance(1)", "Next cell", show=False, id="lookup-edit-next-cell"),
        Binding(
            "shift+tab", "advance(-1)", "Previous cell", show=False, id="lookup-edit-previous-cell"
        ),
    ]

    @dataclass
    class Advanced(Message):
        step: int

    def action_advance(self, step: int) -> None:
        self.post_message(self.Advanced(step))


class LookupPrompt:
    """Prompts, filter, look up and leaving, for `LookupEditorScreen`."""

    service: WorkspaceService
    staging: Staging
    table_id: int
    columns: list[str]
    rows: dict[int, dict[str, Any]]
    prompt_mode: str | None
    edit_target: tuple[int, str] | None
    find_column: str | None

    if TYPE_CHECKING:

        @property
        def grid(self) -> ResourceTable: ...
        @property
        def prompt(self) -> Input: ...
        @overload
        def query_one(self, selector: str) -> Widget: ...
        @overload
        def query_one(self, selector: type[QueryType]) -> QueryType: ...
        @overload
        def query_one(self, selector: str, expect_type: type[QueryType]) -> QueryType: ...
        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...
        def notify(self, message: str, **kw: Any) -> None: ...
        def post_message(self, message: Message) -> bool: ...
        def dismiss(self, result: Any = None) -> Any: ...
        def update_crumbs(self) -> None: ...
        def action_edit_cell(self) -> None: ...
        def _commit_edit(self, target: tuple[int, str], value: str) -> None: ...
        def export_csv(self, path_text: str, raw: bool = False) -> Any: ...
        async def confirm_leave(self) -> bool: ...

    # the prompt line (edit, filter, look up, export) ----------------------------------------
    # (plain classes do not collect @on handlers: the screen routes the messages here)

    def open_prompt(self, mode: str, label: str, value: str = "") -> None:
        self.prompt_mode = mode
        self.query_one("#lookup-prompt").add_class("-active")
        self.query_one("#lookup-prompt-label", Label).update(label)
        box = self.prompt
        box.value = value
        box.cursor_position = len(value)
        box.focus()

    def close_prompt(self) -> None:
        self.prompt_mode = None
        self.query_one("#lookup-prompt").remove_class("-active")
        self.grid.focus()

    def prompt_changed(self, event: Input.Changed) -> None:
        if self.prompt_mode == "filter":
            self.grid.set_filter(event.value)
            self.update_crumbs()

    def prompt_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        mode, target = self.prompt_mode, self.edit_target
        self.close_prompt()
        self.edit_target = None
        if mode == "edit" and target is not None:
            self._commit_edit(target, event.value)
        elif mode == "find" and self.find_column:
            self.find_row(self.find_column, event.value)
        elif mode in ("export", "export-raw"):
            self.export_csv(event.value, raw=mode == "export-raw")

    def advance(self, event: CellInput.Advanced) -> None:
        """Tab in the prompt: commit the cell and edit the next one (else just leave it)."""
        mode, target, value = self.prompt_mode, self.edit_target, self.prompt.value
        self.edit_target = None
        self.close_prompt()
        if mode != "edit" or target is None:
            return
        self._commit_edit(target, value)
        grid = self.grid
        move = grid.action_next_cell if event.step > 0 else grid.action_previous_cell
        move()
        if grid.cursor_column == 0 and event.step < 0:
            move()  # the id column is not editable: on to the previous row's last cell
        self.action_edit_cell()

    def action_leave(self) -> None:
        if self.prompt_mode is not None:
            if self.prompt_mode == "filter":
                self.grid.set_filter("")
            self.edit_target = None
            self.close_prompt()
            self.update_crumbs()
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

    def action_filter(self) -> None:
        self.open_prompt("filter", "Filter (! inverts):", self.grid.filter_text)

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
        if self.find_column is None:
            return
        self.open_prompt("find", f"Look up {self.find_column} =")

    @work(group="lookup-find", exclusive=True, exit_on_error=False)
    async def find_row(self, column: str, value: str) -> None:
        try:
            found = await self.service.lookup(self.table_id, {column: value})
        except NotFound:
            self.notify(
                f"No row has {column} = {value!r} (the API's lookup found no match).",
                title="Look up",
                severity="warning",
            )
            return
        except WorkatoError as error:
            self.post_message(ErrorRaised(error, "Look up"))
            return
        if not self.move_to_key(found.id):
            self.notify(
                f"Row {found.id} has {column} = {value!r}, but it has not loaded yet.",
                title="Look up",
                severity="warning",
            )
