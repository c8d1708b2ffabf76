"""`WriteAction`: one write the UI offers, declared once, and the register of them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from textual.binding import Binding

from ..api.endpoints import Endpoint, endpoint
from ..service.families import Family, stale_after

if TYPE_CHECKING:
    from textual.dom import DOMNode

# resource views, the folder tree, the recipe screen, the job screen
Where = Literal["views", "tree", "recipe", "job"]
RowRule = Callable[[Any], "str | None"]  # why a row refuses the write, or None
PLACES: dict[Where, str] = {
    "views": "resource views",
    "tree": "folder tree",
    "recipe": "recipe detail",
    "job": "job detail",
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
    also: tuple[Where, ...] = ()  # other places offering it on the one row they show

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
        own = (f"{', '.join(self.views)} view",) if self.views else (PLACES[self.on],)
        return own + tuple(PLACES[place] for place in self.also)

    def binding(self, group: Binding.Group | None = None) -> Binding:
        return Binding(self.key, f"act('{self.id}')", self.label, id=self.id, group=group)


# Every declared write by binding id, in declaration order (the footer's order).
BY_ID: dict[str, WriteAction] = {}


def declare(action: WriteAction) -> WriteAction:
    if BY_ID.get(action.id, action) != action:
        raise ValueError(f"write {action.id!r} is declared twice")
    BY_ID[action.id] = action
    return action


def declared(on: Where) -> list[WriteAction]:
    return [a for a in BY_ID.values() if a.on == on or on in a.also]


def bind_writes(node: DOMNode, on: Where, group: Binding.Group | None = None) -> None:
    """Give a widget or screen the key bindings of the writes declared for it (`group`: the
    footer shows their keys together under one label, `?` names each)."""
    for action in declared(on):
        node._bindings.key_to_bindings.setdefault(action.key, []).append(action.binding(group))


def find_action(view_name: str, key_action_id: str) -> WriteAction | None:
    action = BY_ID.get(key_action_id)
    return (
        action if action is not None and (not action.views or view_name in action.views) else None
    )
