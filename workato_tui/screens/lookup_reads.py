"""What the lookup editor reads from the service: the table's rows, page by page, and the
API's lookup of one row. Plain functions; one editor method calls each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..api.errors import NotFound, WorkatoError
from ..lookup import flatten
from ..lookup.rows import ID, make_row
from ..service.families import Family
from ..widgets.write_request import ErrorRaised

if TYPE_CHECKING:
    from .lookup_editor import LookupEditorScreen


async def load_pages(editor: LookupEditorScreen, *, refresh: bool = False) -> None:
    """Load the table's rows page by page (the first page shows at once), staged edits on top;
    then the staged rows the server does not have."""
    grid = editor.grid
    if refresh:
        editor.service.refresh(Family.LOOKUP_ROWS)
    editor.loading_rows, grid.loading = True, not grid.total_count
    editor.update_crumbs()
    rows: dict[int, dict[str, Any]] = {}
    try:
        async for page in editor.service.lookup_row_pages(editor.table_id):
            shown = [editor.staging.display(flatten(r.id, r.data, editor.columns)) for r in page]
            first = not rows
            rows.update((row[ID], row) for row in shown)
            editor.rows = rows
            (grid.set_rows if first else grid.append_rows)(shown)
            grid.loading = False
            editor.update_crumbs()
            # one page a frame: keys and painting go first, not 100 pages of work at once
            await grid.wait_for_refresh()
        _show_staged_extras(editor, rows)
    except WorkatoError as error:
        _load_failed(editor, error)
    finally:
        editor.loading_rows = grid.loading = False
        editor.update_crumbs()


def _show_staged_extras(editor: LookupEditorScreen, loaded: dict[int, dict[str, Any]]) -> None:
    """New rows, and staged rows the server no longer has, go at the end."""
    if not loaded:
        editor.rows = {}
        editor.grid.set_rows([])
    extra = [make_row(k, s.values) for k, s in editor.staging.rows.items() if k not in editor.rows]
    gone = sum(row[ID] > 0 for row in extra)
    editor.apply([(row[ID], row) for row in extra], persist=False)
    if gone:
        editor.notify(
            f"{gone} staged row(s) no longer exist on the server; saving will "
            "show them as conflicts.",
            title=editor.table_name,
            severity="warning",
        )


def _load_failed(editor: LookupEditorScreen, error: WorkatoError) -> None:
    if editor.grid.total_count:
        editor.post_message(ErrorRaised(error, "Load all rows"))  # the rows loaded stay
    else:
        editor.grid.show_error(error.describe())


async def look_up(editor: LookupEditorScreen, column: str, value: str) -> None:
    """The API's lookup (`column` = `value`); the cursor goes to the row it finds."""
    try:
        found = await editor.service.lookup(editor.table_id, {column: value})
    except NotFound:
        editor.notify(
            f"No row has {column} = {value!r} (the API's lookup found no match).",
            title="Look up",
            severity="warning",
        )
        return
    except WorkatoError as error:
        editor.post_message(ErrorRaised(error, "Look up"))
        return
    if not editor.move_to_key(found.id):
        editor.notify(
            f"Row {found.id} has {column} = {value!r}, but it has not loaded yet.",
            title="Look up",
            severity="warning",
        )
        return
    editor.notify(f"Found row {found.id}: {found_summary(found.data, column)}", title="Look up")


def found_summary(data: Mapping[str, Any], column: str, limit: int = 4) -> str:
    """`code = 'CC-1004', name = 'Marketing', …`: the looked-up column first, then the rest."""
    names = [column, *(name for name in data if name != column)]
    shown = [f"{name} = {data.get(name)!r}" for name in names[:limit]]
    return ", ".join(shown) + (", …" if len(names) > limit else "")
