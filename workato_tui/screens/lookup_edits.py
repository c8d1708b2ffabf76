"""Editing in the lookup table editor, as plain functions the screen's keys call: a cell (the
prompt opens on it, enter or tab stages it), a new row, deletions and undo. What is staged
lives in `workato_tui.lookup.staging`; the screen shows it (`editor.apply`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..lookup.rows import ID, row_name, values_of

if TYPE_CHECKING:
    from .lookup_editor import LookupEditorScreen

Target = tuple[int, str]  # the row key and the column a cell edit stages into


def target_cell(editor: LookupEditorScreen) -> tuple[dict[str, Any], str] | None:
    """The row and column under the cursor (the id column is not editable: the first one)."""
    grid = editor.grid
    row, column = grid.current_row, grid.current_column
    if row is None or not editor.columns:
        return None
    if column is None or column.key == ID:
        grid.move_cursor(column=1)
        return dict(row), editor.columns[0]
    return dict(row), column.key


def edit_cell(editor: LookupEditorScreen) -> None:
    """Open the prompt on the cell under the cursor (staging any edit still open first)."""
    commit_pending_edit(editor)
    target = target_cell(editor)
    if target is None:
        editor.notify("No row here: press a to add one.", title="Edit", severity="warning")
        return
    row, column = target
    staged = editor.staging.get(row[ID])
    if staged is not None and staged.deleted:
        editor.notify(
            "This row is staged for deletion: ctrl+d keeps it.", title="Edit", severity="warning"
        )
        return
    name = row_name(row[ID], values_of(row, editor.columns), editor.columns)
    label, value = f"{column} of {name}:", str(row.get(column) or "")
    editor.ask("edit", label, value, target=(row[ID], column))


def commit_edit(editor: LookupEditorScreen, target: Target, value: str) -> None:
    key, column = target
    row = editor.rows.get(key)
    if row is None:
        editor.notify(
            "That row is no longer in the table; the edit was not staged.",
            title="Edit",
            severity="warning",
        )
        return
    editor.apply(editor.staging.set_cell(row, column, value))


def commit_pending_edit(editor: LookupEditorScreen) -> None:
    """A cell edit still open (focus moved, or another command came) is staged, not lost."""
    target = editor.edit_target
    answer = editor.prompt_bar.take() if target is not None else None
    if target is not None and answer is not None:
        editor.set_focus(editor.grid)
        commit_edit(editor, target, answer.value)


def edit_next_cell(editor: LookupEditorScreen, target: Target, value: str, step: int) -> None:
    """Tab (+1) or shift+tab (-1) in a cell edit: stage it and edit the next cell."""
    commit_edit(editor, target, value)
    grid = editor.grid
    move = grid.action_next_cell if step > 0 else grid.action_previous_cell
    move()
    if grid.cursor_column == 0 and step < 0:
        move()  # the id column is not editable: on to the previous row's last cell
    edit_cell(editor)


def add_row(editor: LookupEditorScreen) -> None:
    """Stage a new row at the end (clearing a filter that would hide it) and edit its first
    cell."""
    commit_pending_edit(editor)
    if editor.grid.filter_text:
        editor.grid.set_filter("")
    changes = editor.staging.add_row()
    editor.apply(changes)
    editor.move_to_key(changes[0][0])
    editor.grid.move_cursor(column=1)
    edit_cell(editor)


def toggle_delete(editor: LookupEditorScreen) -> None:
    """Stage the marked rows (or the current one) for deletion, or keep them again."""
    grid = editor.grid
    rows = [dict(r) for r in grid.marked_rows] or (
        [dict(grid.current_row)] if grid.current_row is not None else []
    )
    if not rows:
        return
    editor.apply(editor.staging.toggle_delete(rows))
    if grid.marked_keys:
        grid.clear_marks()


def undo(editor: LookupEditorScreen) -> None:
    changes = editor.staging.undo()
    if changes is None:
        editor.notify("Nothing to undo.", title="Undo")
        return
    editor.apply(changes)
