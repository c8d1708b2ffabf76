"""What a write is, as the widgets see it: the record each write declares, and the registry.

Each write is declared once, next to its handler in `actions/` (the `@write(...)` decorator in
`actions/registry.py`): its binding id, key, label, verb, the views it applies to, whether it
takes marked rows, its endpoint (which gives the confirm's "Call:" line, the policy check and
the families it makes stale), whether it is irreversible and which rows it refuses. Declaring
registers the record here, in a leaf module, so widgets bind the keys and show a write
disabled without importing the actions that run it (the app imports them, so every write is
declared before the first widget is built).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from textual.binding import Binding

from .api.endpoints import Endpoint, endpoint
from .service.families import Family, stale_after

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from .service.workspace import WorkspaceService

Where = Literal["views", "tree", "recipe"]  # resource views, the folder tree, the recipe screen
RowRule = Callable[[Any], "str | None"]  # why a row refuses the write, or None
PLACES: dict[Where, str] = {
    "views": "resource views",
    "tree": "folder tree",
    "recipe": "recipe detail",
}


@dataclass(frozen=True)
class WriteAction:
    id: str  # binding id, overridable in [keymap]
    key: str
    label: str  # footer label
    verb: str  # confirm title and notification title: "Start recipe"
    endpoint_id: str
    views: tuple[str, ...] = ()  # view names it applies to (on "views")
    on: Where = "views"
    bulk: bool = False  # applies to every marked row
    irreversible: bool = False  # the confirm asks to type the name
    refuses: RowRule | None = None  # said before anything is sent (start a running recipe)
    creates: bool = False  # needs no row (a "new" form)

    @property
    def endpoint(self) -> Endpoint:
        return endpoint(self.endpoint_id)

    @property
    def stale(self) -> tuple[Family, ...]:
        """The cached families this write makes stale (the service forgets them after it)."""
        return stale_after(self.endpoint_id)

    @property
    def places(self) -> tuple[str, ...]:
        """Where its key works, as `workato-tui --keys` says it."""
        return (f"{', '.join(self.views)} view",) if self.views else (PLACES[self.on],)

    def binding(self) -> Binding:
        return Binding(self.key, f"act('{self.id}')", self.label, id=self.id)


# Every declared write by binding id, in declaration order (filled by `actions.registry`).
BY_ID: dict[str, WriteAction] = {}


def declare(action: WriteAction) -> WriteAction:
    if BY_ID.get(action.id, action) != action:
        raise ValueError(f"write {action.id!r} is declared twice")
    BY_ID[action.id] = action
    return action


def declared(on: Where) -> list[WriteAction]:
    return [a for a in BY_ID.values() if a.on == on]


def bind_writes(node: DOMNode, on: Where) -> None:
    """Give a widget or screen the key bindings of the writes declared for it."""
    for action in declared(on):
        node._bindings.key_to_bindings.setdefault(action.key, []).append(action.binding())


def find_action(view_name: str, key_action_id: str) -> WriteAction | None:
    action = BY_ID.get(key_action_id)
    return (
        action if action is not None and (not action.views or view_name in action.views) else None
    )


def label(row: Mapping[str, Any]) -> str:
    """A row as a confirm dialog or a message names it."""
    return str(row.get("name") or row.get("title") or row.get("id"))


def blocked_reason(service: WorkspaceService, action: WriteAction) -> str | None:
    """Why this write is unavailable (policy or a 403 this session), or None."""
    return service.denied(action.endpoint_id)


def state_reason(action: WriteAction | str, rows: Sequence[Mapping[str, Any]]) -> str | None:
    """Why a write does not apply to these rows (every one of them), or None."""
    write = BY_ID.get(action) if isinstance(action, str) else action
    rule = write.refuses if write is not None else None
    reasons = [rule(row) for row in rows] if rule else []
    if not reasons or not all(reasons):
        return None
    if len(rows) == 1:
        return f"{label(rows[0])}: {reasons[0]}"
    return f"none of the {len(rows)} marked rows applies: {reasons[0]}"


def say_why_disabled(
    widget: Any, event: Any, why: Callable[[WriteAction], str | None] | None = None
) -> None:
    """For a key bound to a write that is disabled here: stop it and notify the reason."""
    active = widget.screen.active_bindings.get(event.key)
    if active is None or active.enabled or active.binding.id not in BY_ID:
        return
    action = BY_ID[active.binding.id]
    reason = (why or (lambda a: blocked_reason(widget.service, a)))(action)
    if reason:
        event.stop()
        widget.app.notify(reason, title=f"{action.verb}: unavailable", severity="warning")
