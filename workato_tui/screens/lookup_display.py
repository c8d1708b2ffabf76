"""What the lookup table editor shows of its staged changes, as plain functions: changes put
into the grid (and the staged file kept current), the crumbs line and the status line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ..lookup import GridChange
from ..lookup.rows import ID, row_name
from ..widgets.crumbs import table_parts

if TYPE_CHECKING:
    from .lookup_editor import LookupEditorScreen


def apply_changes(editor: LookupEditorScreen, changes: list[GridChange]) -> None:
    """Put staged (or saved) changes into the editor's rows and its grid."""
    grid, rebuild, appended = editor.grid, False, []
    rows = editor.rows
    for key, row in changes:
        if row is None:
            rebuild = rows.pop(key, None) is not None or rebuild
        elif key in rows:
            rows[key] = row
            if not rebuild:
                grid.update_row(row)
        else:
            rows[key] = row
            appended.append(row)
    if rebuild:
        grid.set_rows(list(rows.values()))
    elif appended:
        grid.append_rows(appended)
    grid.refresh()


def persist_staging(editor: LookupEditorScreen) -> None:
    """Keep the staged file current; a disk that refuses is said once, edits stay in memory."""
    try:
        editor.store.save(editor.staging, editor.table_name)
    except OSError as error:
        if not editor.persist_warned:
            editor.persist_warned = True
            editor.notify(
                f"Staged edits could not be written to disk ({error}); they are "
                "kept in memory only.",
                title="Staged edits",
                severity="warning",
            )


def crumbs_text(editor: LookupEditorScreen) -> str:
    parts = table_parts(editor.grid, loading=editor.loading_rows)
    return "  ".join([f"{editor.table_name} › Rows", *parts])


def status_text(editor: LookupEditorScreen) -> Text:
    """The pending changes, a refusal to save, and the current row's save error, if any."""
    staging = editor.staging
    pending = len(staging)
    text = Text(staging.summary(), style="bold" if pending else "")
    if pending:
        text.append("  ·  ctrl+s saves, u undoes, U discards")
    refusal = editor.service.denied("lookup_rows.update")
    if refusal:
        text.append(f"  ·  saving is refused: {refusal}", style="italic")
    row = editor.grid.current_row
    staged = staging.get(row[ID]) if row is not None else None
    if staged is not None and staged.error:
        text.append(
            f"\n{row_name(staged.key, staged.values, editor.columns)}: {staged.error}",
            style="bold red",
        )
    return text
