"""Every write the UI offers: its key, the views it applies to and the endpoint it calls.

A leaf module (it imports only the endpoint table), so widgets can bind the keys and show a
write disabled without importing the actions that run it (see `widgets.write_request`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .api.endpoints import Endpoint, endpoint

if TYPE_CHECKING:
    from .service.workspace import WorkspaceService


@dataclass(frozen=True)
class WriteAction:
    id: str  # binding id, overridable in [keymap]
    key: str
    label: str  # footer label
    verb: str  # confirm title: "Start recipe"
    views: tuple[str, ...]  # view names it applies to
    endpoint_id: str
    bulk: bool = False  # applies to every marked row
    irreversible: bool = False

    @property
    def endpoint(self) -> Endpoint:
        return endpoint(self.endpoint_id)


RECIPES = ("recipes",)
JOBS = ("jobs",)

ACTIONS: tuple[WriteAction, ...] = (
    WriteAction("recipe-new", "n", "New", "Create recipe", RECIPES, "recipes.create"),
    WriteAction("recipe-copy", "c", "Copy", "Copy recipe", RECIPES, "recipes.copy"),
    WriteAction("recipe-edit", "e", "Edit", "Update recipe", RECIPES, "recipes.update"),
    WriteAction("recipe-start", "t", "Start", "Start recipe", RECIPES, "recipes.start", bulk=True),
    WriteAction("recipe-stop", "x", "Stop", "Stop recipe", RECIPES, "recipes.stop", bulk=True),
    WriteAction(
        "recipe-delete",
        "D",
        "Delete",
        "Delete recipe",
        RECIPES,
        "recipes.delete",
        bulk=True,
        irreversible=True,
    ),
    WriteAction("job-repeat", "r", "Repeat", "Repeat job", JOBS, "jobs.repeat", bulk=True),
    WriteAction("job-resume", "p", "Resume", "Resume job", JOBS, "jobs.resume"),
    WriteAction(
        "connection-new", "n", "New", "Create connection", ("connections",), "connections.create"
    ),
    WriteAction(
        "connection-edit", "e", "Edit", "Update connection", ("connections",), "connections.update"
    ),
    WriteAction(
        "connection-disconnect",
        "x",
        "Disconnect",
        "Disconnect connection",
        ("connections",),
        "connections.disconnect",
    ),
    WriteAction(
        "connection-delete",
        "D",
        "Delete",
        "Delete connection",
        ("connections",),
        "connections.delete",
        irreversible=True,
    ),
    WriteAction(
        "api-client-new", "n", "New", "Create API client", ("api-clients",), "api_clients.create"
    ),
    WriteAction(
        "api-client-regenerate",
        "R",
        "Regenerate",
        "Regenerate token",
        ("api-clients",),
        "api_clients.regenerate",
        irreversible=True,
    ),
    WriteAction(
        "api-client-delete",
        "D",
        "Delete",
        "Delete API client",
        ("api-clients",),
        "api_clients.delete",
        irreversible=True,
    ),
)

# The folder tree's own writes (bound on the tree).
TREE_ACTIONS: tuple[WriteAction, ...] = (
    WriteAction("folder-new", "n", "New folder", "Create folder", (), "folders.create"),
    WriteAction("project-new", "N", "New project", "Create project", (), "folders.create"),
    WriteAction("folder-rename", "e", "Rename", "Rename", (), "folders.update"),
    WriteAction("project-deploy", "d", "Deploy", "Deploy project", (), "projects.deploy"),
    WriteAction("project-build", "b", "Build", "Build project", (), "projects.build"),
    WriteAction(
        "folder-delete", "D", "Delete", "Delete folder", (), "folders.delete", irreversible=True
    ),
)

# The recipe screen's own writes (bound on RecipeScreen).
RECIPE_ACTIONS: tuple[WriteAction, ...] = (
    WriteAction("recipe-connect", "C", "Connection", "Switch connection", (), "recipes.connect"),
)

BY_ID = {a.id: a for a in ACTIONS + TREE_ACTIONS + RECIPE_ACTIONS}


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


# Writes that make no sense in a row's state: said before anything is sent.
STATE_RULES: dict[str, Callable[[Mapping[str, Any]], str | None]] = {
    "recipe-start": lambda r: "it is already running" if r.get("running") else None,
    "recipe-stop": lambda r: None if r.get("running") else "it is already stopped",
    "recipe-edit": lambda r: (
        "it is running: stop it first (Workato refuses to update a running recipe)"
        if r.get("running")
        else None
    ),
    "job-resume": lambda r: (
        None
        if r.get("status") == "pending"
        else f"it is {r.get('status') or 'not waiting'}: only a paused (pending) job resumes"
    ),
}


def state_reason(action_id: str, rows: Sequence[Mapping[str, Any]]) -> str | None:
    """Why a write does not apply to these rows (every one of them), or None."""
    rule = STATE_RULES.get(action_id)
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
