"""Why a write is unavailable here, and the one way a disabled write says so."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .record import BY_ID, WriteAction

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


def label(row: Any) -> str:
    """A row (a typed row: see views.rows) as a confirm dialog or a message names it."""
    return str(getattr(row, "name", None) or getattr(row, "title", None) or row.id)


def blocked_reason(service: WorkspaceService, action: WriteAction) -> str | None:
    """Why this write is unavailable (policy or a 403 this session), or None."""
    return service.denied(action.endpoint_id)


def state_reason(action: WriteAction | str, rows: Sequence[Any]) -> str | None:
    """Why a write does not apply to these rows (every one of them), or None."""
    write = BY_ID.get(action) if isinstance(action, str) else action
    rule = write.refuses if write is not None else None
    reasons = [rule(row) for row in rows] if rule else []
    if not reasons or not all(reasons):
        return None
    if len(rows) == 1:
        return f"{label(rows[0])}: {reasons[0]}"
    return f"none of the {len(rows)} marked rows applies: {reasons[0]}"


def notify_unavailable(node: Any, write: WriteAction, reason: str) -> None:
    """The one way a disabled write says why: a warning titled "<verb>: unavailable"."""
    node.app.notify(reason, title=f"{write.verb}: unavailable", severity="warning")


def say_why_disabled(
    widget: Any, event: Any, why: Callable[[WriteAction], str | None] | None = None
) -> None:
    """For a key bound to a write that is disabled here: stop it and notify the reason."""
    active = widget.screen.active_bindings.get(event.key)
    if active is None or active.enabled or active.binding.id not in BY_ID:
        return
    if active.node is not widget:  # bound by a screen around it (recipe detail's x): it says
        return
    action = BY_ID[active.binding.id]
    reason = (why or (lambda a: blocked_reason(widget.service, a)))(action)
    if reason:
        event.stop()
        notify_unavailable(widget, action, reason)
