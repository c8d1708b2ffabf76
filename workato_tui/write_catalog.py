"""Every write the UI offers, each declared once as a `WriteAction` record.

A record holds its binding id, key, label, verb, the views it applies to, whether it takes
marked rows, its endpoint (which gives the confirm's "Call:" line, the policy check and the
families it makes stale, `service.families`), whether it is irreversible and which rows it
refuses. Its handler in `actions/` names it: `@handles(RECIPE_STOP)`. This module is a leaf, so
widgets bind the keys and show a write disabled without importing the actions that run it
(the app imports those with the first write, which keeps them off the start-up path).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from textual.binding import Binding

from .api.endpoints import Endpoint, endpoint
from .service.families import Family, stale_after

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from .service.workspace import WorkspaceService

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


# Rows a write refuses, said before anything is sent.


def _already_running(row: Any) -> str | None:
    return "it is already running" if row.running else None


def _already_stopped(row: Any) -> str | None:
    return None if row.running else "it is already stopped"


def _running(row: Any) -> str | None:
    if row.running:
        return "it is running: stop it first (Workato refuses to update a running recipe)"
    return None


def _no_build(row: Any) -> str | None:
    return None if row.project_build_id else "Workato recorded no build for it"


def _not_paused(row: Any) -> str | None:
    if row.status == "pending":
        return None
    return f"it is {row.status or 'not waiting'}: only a paused (pending) job resumes"


# Every write the UI offers, in the order their keys appear in the footer. Each one's handler
# is in actions/ (`@handles(RECIPE_STOP)`), imported with the first write.

RECIPES = ("recipes",)
JOBS = ("jobs",)
CONNECTIONS = ("connections",)
API_CLIENTS = ("api-clients",)

RECIPE_NEW = declare(
    WriteAction(
        id="recipe-new",
        key="n",
        label="New",
        verb="Create recipe",
        endpoint_id="recipes.create",
        views=RECIPES,
        creates=True,
    )
)

RECIPE_COPY = declare(
    WriteAction(
        id="recipe-copy",
        key="c",
        label="Copy",
        verb="Copy recipe",
        endpoint_id="recipes.copy",
        views=RECIPES,
        also=("recipe",),
    )
)

RECIPE_EDIT = declare(
    WriteAction(
        id="recipe-edit",
        key="e",
        label="Edit",
        verb="Update recipe",
        endpoint_id="recipes.update",
        views=RECIPES,
        also=("recipe",),
        refuses=_running,
    )
)

RECIPE_START = declare(
    WriteAction(
        id="recipe-start",
        key="t",
        label="Start",
        verb="Start recipe",
        endpoint_id="recipes.start",
        views=RECIPES,
        also=("recipe",),
        bulk=True,
        refuses=_already_running,
    )
)

RECIPE_STOP = declare(
    WriteAction(
        id="recipe-stop",
        key="x",
        label="Stop",
        verb="Stop recipe",
        endpoint_id="recipes.stop",
        views=RECIPES,
        also=("recipe",),
        bulk=True,
        refuses=_already_stopped,
    )
)

RECIPE_DELETE = declare(
    WriteAction(
        id="recipe-delete",
        key="D",
        label="Delete",
        verb="Delete recipe",
        endpoint_id="recipes.delete",
        views=RECIPES,
        also=("recipe",),
        bulk=True,
        irreversible=True,
    )
)

JOB_REPEAT = declare(
    WriteAction(
        id="job-repeat",
        key="r",
        label="Repeat",
        verb="Repeat job",
        endpoint_id="jobs.repeat",
        views=JOBS,
        also=("job",),
        bulk=True,
    )
)

JOB_RESUME = declare(
    WriteAction(
        id="job-resume",
        key="p",
        label="Resume",
        verb="Resume job",
        endpoint_id="jobs.resume",
        views=JOBS,
        also=("job",),
        refuses=_not_paused,
    )
)

CONNECTION_NEW = declare(
    WriteAction(
        id="connection-new",
        key="n",
        label="New",
        verb="Create connection",
        endpoint_id="connections.create",
        views=CONNECTIONS,
        creates=True,
    )
)

CONNECTION_EDIT = declare(
    WriteAction(
        id="connection-edit",
        key="e",
        label="Edit",
        verb="Update connection",
        endpoint_id="connections.update",
        views=CONNECTIONS,
    )
)

CONNECTION_DISCONNECT = declare(
    WriteAction(
        id="connection-disconnect",
        key="x",
        label="Disconnect",
        verb="Disconnect connection",
        endpoint_id="connections.disconnect",
        views=CONNECTIONS,
    )
)

CONNECTION_DELETE = declare(
    WriteAction(
        id="connection-delete",
        key="D",
        label="Delete",
        verb="Delete connection",
        endpoint_id="connections.delete",
        views=CONNECTIONS,
        irreversible=True,
    )
)

API_CLIENT_NEW = declare(
    WriteAction(
        id="api-client-new",
        key="n",
        label="New",
        verb="Create API client",
        endpoint_id="api_clients.create",
        views=API_CLIENTS,
        creates=True,
    )
)

API_CLIENT_REGENERATE = declare(
    WriteAction(
        id="api-client-regenerate",
        key="R",
        label="Regenerate",
        verb="Regenerate token",
        endpoint_id="api_clients.regenerate",
        views=API_CLIENTS,
        irreversible=True,
    )
)

API_CLIENT_DELETE = declare(
    WriteAction(
        id="api-client-delete",
        key="D",
        label="Delete",
        verb="Delete API client",
        endpoint_id="api_clients.delete",
        views=API_CLIENTS,
        irreversible=True,
    )
)

FOLDER_NEW = declare(
    WriteAction(
        id="folder-new",
        key="n",
        label="New folder",
        verb="Create folder",
        endpoint_id="folders.create",
        on="tree",
        creates=True,
    )
)

PROJECT_NEW = declare(
    WriteAction(
        id="project-new",
        key="N",
        label="New project",
        verb="Create project",
        endpoint_id="folders.create",
        on="tree",
        creates=True,
    )
)

FOLDER_RENAME = declare(
    WriteAction(
        id="folder-rename",
        key="e",
        label="Rename",
        verb="Rename",
        endpoint_id="folders.update",
        on="tree",
    )
)

PROJECT_DEPLOY = declare(
    WriteAction(
        id="project-deploy",
        key="d",
        label="Deploy",
        verb="Deploy project",
        endpoint_id="projects.deploy",
        on="tree",
    )
)

PROJECT_BUILD = declare(
    WriteAction(
        id="project-build",
        key="b",
        label="Build",
        verb="Build project",
        endpoint_id="projects.build",
        on="tree",
    )
)

FOLDER_DELETE = declare(
    WriteAction(
        id="folder-delete",
        key="D",
        label="Delete",
        verb="Delete folder",
        endpoint_id="folders.delete",
        on="tree",
        irreversible=True,
    )
)

DEPLOYMENT_REDEPLOY = declare(
    WriteAction(
        id="deployment-redeploy",
        key="d",
        label="Deploy again",
        verb="Deploy again",
        endpoint_id="project_builds.deploy",
        views=("deployments",),
        refuses=_no_build,
    )
)

RECIPE_CONNECT = declare(
    WriteAction(
        id="recipe-connect",
        key="C",
        label="Connection",
        verb="Switch connection",
        endpoint_id="recipes.connect",
        on="recipe",
    )
)


def find_action(view_name: str, key_action_id: str) -> WriteAction | None:
    action = BY_ID.get(key_action_id)
    return (
        action if action is not None and (not action.views or view_name in action.views) else None
    )


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
