"""What an answered prompt line finishes in the lookup table editor, as a plain function: the
answer comes with the target it was asked about (the cell an edit is for), so an answer can
only ever land where its prompt was opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lookup_edits import Target, commit_edit, edit_next_cell

if TYPE_CHECKING:
    from ..widgets.prompt_bar import Answer
    from .lookup_editor import LookupEditorScreen


def finish_prompt(editor: LookupEditorScreen, answer: Answer) -> None:
    """Enter stages an edit, looks up, exports; tab stages and edits the next cell; escape
    cancels (a filter is cleared). The filter, live while typed, is set to its final text."""
    mode, value = answer.mode, answer.value
    if mode == "filter":
        editor.grid.set_filter("" if answer.cancelled else value)
        editor.update_crumbs()
    elif answer.cancelled:
        return
    elif mode == "edit" and answer.target is not None:
        target: Target = answer.target  # type: ignore[assignment]
        if answer.step:
            edit_next_cell(editor, target, value, answer.step)
        else:
            commit_edit(editor, target, value)
    elif answer.step:
        return  # tab anywhere else only closes the prompt
    elif mode == "find" and editor.find_column:
        editor.find_row(editor.find_column, value)
    elif mode in ("export", "export-raw"):
        editor.export_csv(value, raw=mode == "export-raw")
