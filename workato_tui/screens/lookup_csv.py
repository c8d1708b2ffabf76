"""CSV export and import for the lookup editor: plain functions its methods call.

Export writes the rows as the grid shows them (see `lookup.files`), asking before it replaces a
file. Import plans the file against the grid's rows in a thread (`ImportScreen` previews it),
then stages the result as one undo step, a slice at a time so the screen keeps answering keys;
editing keys wait until it is done (`LookupEditorScreen.check_action`). Saving is the usual ctrl+s.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from ..lookup import GridChange, ImportPlan, write_csv
from ..lookup.files import (
    default_file_name,
    export_message,
    resolve_path,
    rows_to_export,
    stage_in_slices,
)
from ..lookup.gcpause import collector_paused
from .confirm import ConfirmScreen
from .lookup_import import ImportScreen
from .lookup_saving import replace_file_confirmation

if TYPE_CHECKING:
    from .lookup_editor import LookupEditorScreen


# editor actions that wait while an import is staging (`LookupEditorScreen.check_action`)
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


def still_loading(editor: LookupEditorScreen, what: str) -> bool:
    """Rows still loading: say `what` waits for them."""
    if editor.loading_rows:
        editor.notify(
            f"Rows are still loading ({len(editor.rows)} so far): {what} when they are all in.",
            title=what.capitalize(),
            severity="warning",
        )
    return editor.loading_rows


async def export_csv(editor: LookupEditorScreen, path_text: str, *, raw: bool) -> None:
    path = resolve_path(path_text, editor.workdir)
    if path.exists() and not await editor.app.push_screen_wait(
        ConfirmScreen(replace_file_confirmation(path))
    ):
        return
    grid, staging = editor.grid, editor.staging
    try:
        count = write_csv(path, rows_to_export(grid.visible_rows, staging), editor.columns, raw=raw)
    except OSError as error:
        editor.notify(
            f"Could not write {path}: {error.strerror or error}",
            title="Export failed",
            severity="error",
        )
        return
    filtered, staged = bool(grid.filter_text), bool(len(staging))
    editor.notify(
        export_message(count, path, filtered=filtered, staged=staged, raw=raw), title="Export"
    )


async def import_csv(editor: LookupEditorScreen) -> None:
    default = editor.workdir / default_file_name(editor.table_name)
    plan = await editor.app.push_screen_wait(
        ImportScreen(editor.table_name, editor.columns, default, editor.plan_file, editor.workdir)
    )
    if plan is None:
        return
    if not plan.total:
        editor.notify("The file matches the table: nothing to stage.", title="Import")
        return
    if editor.grid.filter_text:
        editor.grid.set_filter("")
    await stage_import(editor, plan)
    editor.notify(
        f"Staged from the file: {plan.summary()}. Nothing is sent until ctrl+s; "
        "u undoes the whole import.",
        title="Import",
        timeout=10,
    )


async def stage_import(editor: LookupEditorScreen, plan: ImportPlan) -> None:
    """Stage the plan a slice at a time, then write the staged file in a thread."""

    def show(changes: list[GridChange]) -> None:
        editor.apply(changes, persist=False)

    def progress(text: str) -> None:
        editor._import_progress(text)  # looked up each time (a test watches it)

    editor.importing = True
    try:
        with collector_paused():
            done = await stage_in_slices(editor.staging, plan, show, progress)
            progress(f"Writing {done:,} staged rows to disk…")
            await asyncio.to_thread(_persist_in_thread, editor)
    finally:
        editor.importing = False
        editor.update_status()


def _persist_in_thread(editor: LookupEditorScreen) -> None:
    """`persist` from a thread: a warning, if any, goes through the event loop."""
    try:
        editor.store.save(editor.staging, editor.table_name)
    except OSError as error:
        editor.app.call_from_thread(
            editor.notify,
            f"Staged edits could not be written to disk ({error}); they are kept in memory only.",
            title="Staged edits",
            severity="warning",
        )
