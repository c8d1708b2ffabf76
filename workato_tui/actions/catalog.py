"""Every write the UI offers: its key, the views it applies to and the endpoint it calls."""

from __future__ import annotations

from dataclasses import dataclass

from ..api.endpoints import Endpoint, endpoint


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
    WriteAction(
        "folder-delete", "D", "Delete", "Delete folder", (), "folders.delete", irreversible=True
    ),
)

# The recipe screen's own writes (bound on RecipeScreen).
RECIPE_ACTIONS: tuple[WriteAction, ...] = (
    WriteAction("recipe-connect", "C", "Connection", "Switch connection", (), "recipes.connect"),
)

BY_ID = {a.id: a for a in ACTIONS + TREE_ACTIONS + RECIPE_ACTIONS}


def for_view(view_name: str) -> list[WriteAction]:
    return [a for a in ACTIONS if view_name in a.views]


def find_action(view_name: str, key_action_id: str) -> WriteAction | None:
    action = BY_ID.get(key_action_id)
    return (
        action if action is not None and (not action.views or view_name in action.views) else None
    )
