"""What a list view says in words: the parts of its crumbs line, and why its rows could not
be loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..api.errors import Forbidden, Unauthorized, WorkatoError
from .crumbs import table_parts

if TYPE_CHECKING:
    from ..views.spec import ViewSpec
    from .table import ResourceTable

NOT_LOADED = "Not loaded: the reason is above (ctrl+r tries again)."


def crumbs_parts(
    table: ResourceTable, *, loading: bool, refreshed: int, stale: bool, failed: bool
) -> tuple[list[str], tuple[str, ...]]:
    """What the crumbs say after the path: `[3/12]  loading…  filter: sales  2 marked  sort:
    NAME ▲`, and the parts a narrow line keeps (the count and the marks, see `Crumbs`)."""
    parts = table_parts(table, loading=loading)
    if failed and not table.total_count:
        parts[0] = "not loaded"
    shown = parts[0]
    marked = f"{len(table.marked_keys)} marked" if table.marked_keys else ""
    if marked:
        parts.append(marked)
    if table.sort_key:
        header = next((c.label for c in table.columns if c.key == table.sort_key), None)
        label = header or table.sort_key
        parts.append(f"sort: {label}{' ▼' if table.sort_reverse else ' ▲'}")
    if loading and refreshed:
        parts.append(f"{refreshed} of {table.total_count} rows refreshed")
    elif stale:
        parts.append("(stale: last-known data, refreshing)")
    return parts, (shown, marked)


def failure_text(spec: ViewSpec, error: WorkatoError) -> str:
    """What a failed load says: what failed, why, what to do, and the correlation id."""
    if isinstance(error, Forbidden):
        privilege = error.privilege or spec.list_endpoint
        text = (
            f"This token's client role does not allow {spec.title.lower()}: it lacks "
            f"'{privilege}'. {error.hint}"
        )
    elif isinstance(error, Unauthorized):
        text = f"The token was rejected (401). {error.hint}"
    else:
        return error.describe()
    if error.correlation_id:
        text += f" Correlation id: {error.correlation_id}."
    return text
