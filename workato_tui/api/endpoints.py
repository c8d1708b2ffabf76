"""The one table of Developer API endpoints: paths, access, privileges and quotas.

Both the client (rate limiter, access policy) and the emulator (routing checks, client roles,
429s) read this table, so a quota or a privilege is written down exactly once.

Sources: seed 000 (endpoints, privileges, warnings), seed 004 (Embedded jobs quotas) and
`reference/decisions.md` (#5: every connection endpoint but list is 1 request per second;
#32: recipe create 1 request/s, job resume 100/min, Embedded quotas shared by the workspace).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Quota:
    """At most `limit` requests in any `per_seconds` window, per endpoint and per token.

    A `shared` quota is one bucket of that name for the whole admin workspace: every endpoint
    carrying it, called with any token, for any customer, counts against it (decisions #32).
    """

    limit: int
    per_seconds: float
    shared: str | None = None

    def describe(self) -> str:
        if self.per_seconds == 1:
            text = f"{self.limit} request{'s' if self.limit != 1 else ''} per second"
        else:
            text = f"{self.limit} requests per minute"
        return text + (" (shared by the whole workspace)" if self.shared else "")

    def bucket(self, endpoint_id: str) -> str:
        """The name of the bucket a call to `endpoint_id` counts against."""
        return f"shared:{self.shared}" if self.shared else endpoint_id


STANDARD = Quota(60, 60.0)
ONE_PER_SECOND = Quota(1, 1.0)
RECIPE_CREATE = Quota(1, 1.0)
JOB_RESUME = Quota(100, 60.0)
EMBEDDED_CUSTOMERS = Quota(60, 60.0, shared="embedded-customers")
EMBEDDED_JOBS = Quota(1000, 60.0, shared="embedded-jobs")
EMBEDDED_RECIPES = Quota(2000, 60.0, shared="embedded-recipes")
EMBEDDED_REPEAT = Quota(1, 1.0, shared="embedded-repeat")

FAMILIES = (
    "recipes",
    "jobs",
    "connections",
    "folders",
    "projects",
    "deployments",
    "lookup_tables",
    "roles",
    "api_clients",
    "on_prem",
    "activity",
    "customers",
    "workspace",
)


@dataclass(frozen=True)
class Endpoint:
    """One method + path of the Developer API."""

    id: str
    method: str
    path: str  # starlette-style template: /api/recipes/{recipe_id}
    family: str
    privilege: str  # the capability a client role grants, e.g. "Recipes: start"
    summary: str
    quota: Quota = STANDARD
    warning: str = ""  # what a write does, in the seed's words, for confirm dialogs

    @property
    def write(self) -> bool:
        return self.method != "GET"

    @property
    def display_path(self) -> str:
        """The path as Workato's docs write it: /api/recipes/:recipe_id."""
        return re.sub(r"\{(\w+)\}", r":\1", self.path)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", self.path) + "$")

    def url(self, **params: object) -> str:
        """Fill the path template: `url(recipe_id=5)` -> /api/recipes/5."""
        return self.path.format(**{k: _quote(v) for k, v in params.items()})


def _quote(value: object) -> str:
    from urllib.parse import quote

    return quote(str(value), safe="")


def _e(
    id: str,
    method: str,
    path: str,
    family: str,
    privilege: str,
    summary: str,
    quota: Quota = STANDARD,
    warning: str = "",
) -> Endpoint:
    return Endpoint(id, method, path, family, privilege, summary, quota, warning)


_MU = "/api/managed_users/{managed_user_id}"

ENDPOINTS: tuple[Endpoint, ...] = (
    # Recipes
    _e(
        "recipes.list",
        "GET",
        "/api/recipes",
        "recipes",
        "Recipes: list",
        "List recipes belonging to a user.",
    ),
    _e(
        "recipes.get",
        "GET",
        "/api/recipes/{recipe_id}",
        "recipes",
        "Recipes: details",
        "Get a single recipe's details.",
    ),
    _e(
        "recipes.create",
        "POST",
        "/api/recipes",
        "recipes",
        "Recipes: create",
        "Create a recipe.",
        RECIPE_CREATE,
        warning="Creates a new recipe in the chosen folder; it starts stopped.",
    ),
    _e(
        "recipes.copy",
        "POST",
        "/api/recipes/{recipe_id}/copy",
        "recipes",
        "Recipes: copy",
        "Copy a recipe.",
        warning="Creates a stopped copy of the recipe in the chosen folder.",
    ),
    _e(
        "recipes.update",
        "PUT",
        "/api/recipes/{recipe_id}",
        "recipes",
        "Recipes: update",
        "Update a recipe.",
        warning="Changes the recipe's definition; it must be stopped.",
    ),
    _e(
        "recipes.start",
        "PUT",
        "/api/recipes/{recipe_id}/start",
        "recipes",
        "Recipes: start",
        "Start a recipe, so it begins running live.",
        warning="Starting a recipe activates live automation that can read and write the "
        "connected apps.",
    ),
    _e(
        "recipes.stop",
        "PUT",
        "/api/recipes/{recipe_id}/stop",
        "recipes",
        "Recipes: stop",
        "Stop a running recipe.",
        warning="Stopping a recipe halts a live automation.",
    ),
    _e(
        "recipes.delete",
        "DELETE",
        "/api/recipes/{recipe_id}",
        "recipes",
        "Recipes: delete",
        "Delete a recipe.",
        warning="Deletion is permanent and removes the automation logic.",
    ),
    _e(
        "recipes.connect",
        "PUT",
        "/api/recipes/{recipe_id}/connect",
        "recipes",
        "Recipes: update",
        "Switch the connection a recipe's step uses.",
        warning="Points the recipe's step at another connection of the same app; the recipe "
        "must be stopped, and it uses that account's data once started.",
    ),
    _e(
        "recipes.versions",
        "GET",
        "/api/recipes/{recipe_id}/versions",
        "recipes",
        "Recipes: versions",
        "List a recipe's versions, newest first.",
    ),
    # Jobs
    _e(
        "jobs.list",
        "GET",
        "/api/recipes/{recipe_id}/jobs",
        "jobs",
        "Jobs: list",
        "List the job runs for a recipe.",
    ),
    _e(
        "jobs.get",
        "GET",
        "/api/recipes/{recipe_id}/jobs/{job_id}",
        "jobs",
        "Jobs: details",
        "Get a single job for a recipe.",
    ),
    _e(
        "jobs.resume",
        "POST",
        "/api/job/resume",
        "jobs",
        "Jobs: resume",
        "Resume a paused job.",
        JOB_RESUME,
        warning="Resuming a job continues a real run that was waiting.",
    ),
    _e(
        "jobs.repeat",
        "POST",
        "/api/recipes/{recipe_id}/repeat_jobs",
        "jobs",
        "Jobs: repeat",
        "Repeat jobs of a recipe.",
        ONE_PER_SECOND,
        warning="Repeating a job runs the recipe's latest version again on the job's trigger "
        "data, writing to the connected apps.",
    ),
    # Connections
    _e(
        "connections.list",
        "GET",
        "/api/connections",
        "connections",
        "Connections: list",
        "List connections in the workspace.",
    ),
    _e(
        "connections.create",
        "POST",
        "/api/connections",
        "connections",
        "Connections: create",
        "Create a connection.",
        ONE_PER_SECOND,
        warning="Creates a connection in the chosen folder; unless it is a shell connection "
        "its credentials are tested.",
    ),
    _e(
        "connections.update",
        "PUT",
        "/api/connections/{connection_id}",
        "connections",
        "Connections: update",
        "Update a connection.",
        ONE_PER_SECOND,
        warning="Changing a connection can alter the credentials live recipes depend on.",
    ),
    _e(
        "connections.disconnect",
        "POST",
        "/api/connections/{connection_id}/disconnect",
        "connections",
        "Connections: disconnect",
        "Disconnect a connection without deleting it.",
        ONE_PER_SECOND,
        warning="Disconnecting stops recipes that rely on the connection from authenticating.",
    ),
    _e(
        "connections.delete",
        "DELETE",
        "/api/connections/{connection_id}",
        "connections",
        "Connections: delete",
        "Delete a connection.",
        ONE_PER_SECOND,
        warning="Deletion is permanent and can break any recipe that used the connection.",
    ),
    # Folders, projects, deployments
    _e("folders.list", "GET", "/api/folders", "folders", "Folders: list", "List folders."),
    _e(
        "folders.create",
        "POST",
        "/api/folders",
        "folders",
        "Folders: create",
        "Create a folder or project.",
        warning="Creating a top-level folder creates a project.",
    ),
    _e(
        "folders.update",
        "PUT",
        "/api/folders/{folder_id}",
        "folders",
        "Folders: update",
        "Rename or move a folder.",
        warning="Renames or moves the folder and what it holds.",
    ),
    _e(
        "folders.delete",
        "DELETE",
        "/api/folders/{folder_id}",
        "folders",
        "Folders: delete",
        "Delete a folder and everything in it.",
        warning="Deletion is permanent: the folder's sub-folders, recipes and connections go "
        "with it.",
    ),
    _e("projects.list", "GET", "/api/projects", "projects", "Projects: list", "List projects."),
    _e(
        "projects.update",
        "PUT",
        "/api/projects/{project_id}",
        "projects",
        "Projects: update",
        "Update a project's name or description.",
        warning="Renames the project for everyone in the workspace.",
    ),
    _e(
        "projects.delete",
        "DELETE",
        "/api/projects/{project_id}",
        "projects",
        "Projects: delete",
        "Delete a project and everything in it.",
        warning="Deletion is permanent: the project's folders, recipes and connections go with it.",
    ),
    _e(
        "projects.deploy",
        "POST",
        "/api/projects/{project_id}/deploy",
        "deployments",
        "Projects: deploy",
        "Build a project and deploy it to a target environment.",
        warning="Deployment moves recipes and assets between environments, such as from "
        "development to production.",
    ),
    _e(
        "projects.build",
        "POST",
        "/api/projects/{project_id}/build",
        "deployments",
        "Projects: build",
        "Build a project into a package that can be deployed.",
        warning="Builds a package of the project's current recipes, connections and tables; "
        "nothing is deployed yet.",
    ),
    _e(
        "project_builds.deploy",
        "POST",
        "/api/project_builds/{build_id}/deploy",
        "deployments",
        "Project builds: deploy",
        "Deploy a project build to a target environment.",
        warning="Deployment moves recipes and assets between environments, such as from "
        "development to production.",
    ),
    _e(
        "deployments.list",
        "GET",
        "/api/deployments",
        "deployments",
        "Deployments: list",
        "List deployments.",
    ),
    _e(
        "deployments.get",
        "GET",
        "/api/deployments/{deployment_id}",
        "deployments",
        "Deployments: details",
        "Get a deployment.",
    ),
    _e(
        "project_builds.get",
        "GET",
        "/api/project_builds/{build_id}",
        "deployments",
        "Project builds: details",
        "Get a project build (the package a deployment moves).",
    ),
    # Lookup tables
    _e(
        "lookup_tables.list",
        "GET",
        "/api/lookup_tables",
        "lookup_tables",
        "Lookup: list",
        "List lookup tables.",
    ),
    _e(
        "lookup_tables.lookup",
        "GET",
        "/api/lookup_tables/{table_id}/lookup",
        "lookup_tables",
        "Lookup: rows read",
        "Look up the first row matching the given columns.",
    ),
    _e(
        "lookup_rows.list",
        "GET",
        "/api/lookup_tables/{table_id}/rows",
        "lookup_tables",
        "Lookup: rows read",
        "List the rows in a lookup table.",
    ),
    _e(
        "lookup_rows.get",
        "GET",
        "/api/lookup_tables/{table_id}/rows/{row_id}",
        "lookup_tables",
        "Lookup: rows read",
        "Get a row of a lookup table.",
    ),
    _e(
        "lookup_rows.create",
        "POST",
        "/api/lookup_tables/{table_id}/rows",
        "lookup_tables",
        "Lookup: rows write",
        "Add a row to a lookup table.",
        warning="Changes the reference data recipes use.",
    ),
    _e(
        "lookup_rows.update",
        "PUT",
        "/api/lookup_tables/{table_id}/rows/{row_id}",
        "lookup_tables",
        "Lookup: rows write",
        "Update a row in a lookup table.",
        warning="Changes the reference data recipes use.",
    ),
    _e(
        "lookup_rows.delete",
        "DELETE",
        "/api/lookup_tables/{table_id}/rows/{row_id}",
        "lookup_tables",
        "Lookup: rows write",
        "Delete a row from a lookup table.",
        warning="Removes reference data a recipe may depend on.",
    ),
    # Roles and API clients
    _e(
        "project_roles.list",
        "GET",
        "/api/project_roles",
        "roles",
        "Roles: list",
        "List project roles.",
    ),
    _e(
        "roles.list",
        "GET",
        "/api/roles",
        "roles",
        "Roles: list",
        "List the workspace's collaborator roles.",
    ),
    _e(
        "api_clients.list",
        "GET",
        "/api/developer_api_clients",
        "api_clients",
        "API clients: list",
        "List developer API clients.",
    ),
    _e(
        "api_clients.roles",
        "GET",
        "/api/developer_api_client_roles",
        "api_clients",
        "API clients: roles",
        "List the client roles an API client can be given.",
    ),
    _e(
        "api_clients.create",
        "POST",
        "/api/developer_api_clients",
        "api_clients",
        "API clients: create",
        "Create a developer API client, which issues a new token.",
        warning="Creating an API client mints a new token with its own client role and project "
        "scopes.",
    ),
    _e(
        "api_clients.regenerate",
        "POST",
        "/api/developer_api_clients/{client_id}/regenerate",
        "api_clients",
        "API clients: rotate",
        "Regenerate an API client's token.",
        warning="Regenerating invalidates the old token, so any integration using it must be "
        "updated.",
    ),
    _e(
        "api_clients.delete",
        "DELETE",
        "/api/developer_api_clients/{client_id}",
        "api_clients",
        "API clients: delete",
        "Delete a developer API client.",
        warning="Deleting a client revokes its token immediately.",
    ),
    # On-prem and activity
    _e(
        "on_prem.list",
        "GET",
        "/api/on_prem_groups",
        "on_prem",
        "On-prem: list",
        "List the on-prem agent groups in the workspace.",
    ),
    _e(
        "on_prem.status",
        "GET",
        "/api/on_prem_groups/{group_id}/status",
        "on_prem",
        "On-prem: status",
        "Get the status of an on-prem group.",
    ),
    _e(
        "activity.list",
        "GET",
        "/api/activity_logs",
        "activity",
        "Activity: read",
        "Read the workspace activity audit log.",
    ),
    # Workspace
    _e(
        "users.me",
        "GET",
        "/api/users/me",
        "workspace",
        "Workspace: details",
        "Get the workspace the token belongs to.",
    ),
    # Embedded customers (managed users)
    _e(
        "customers.list",
        "GET",
        "/api/managed_users",
        "customers",
        "Customers: list",
        "List Embedded customer workspaces.",
        EMBEDDED_CUSTOMERS,
    ),
    _e(
        "customers.recipes",
        "GET",
        _MU + "/recipes",
        "customers",
        "Customers: recipes list",
        "List recipes in a customer workspace.",
        EMBEDDED_RECIPES,
    ),
    _e(
        "customers.recipe",
        "GET",
        _MU + "/recipes/{recipe_id}",
        "customers",
        "Customers: recipe details",
        "Get a recipe in a customer workspace.",
        EMBEDDED_RECIPES,
    ),
    _e(
        "customers.jobs.list",
        "GET",
        _MU + "/recipes/{recipe_id}/jobs",
        "customers",
        "Customers: jobs list",
        "List jobs for a recipe in a customer workspace.",
        EMBEDDED_JOBS,
    ),
    _e(
        "customers.jobs.get",
        "GET",
        _MU + "/recipes/{recipe_id}/jobs/{job_id}",
        "customers",
        "Customers: job details",
        "Get a job in a customer workspace.",
        EMBEDDED_JOBS,
    ),
    _e(
        "customers.jobs.repeat",
        "POST",
        _MU + "/recipes/{recipe_id}/repeat_jobs",
        "customers",
        "Customers: jobs repeat",
        "Repeat jobs in a customer workspace.",
        EMBEDDED_REPEAT,
        warning="Repeating a job runs the customer's recipe again on the job's trigger data.",
    ),
)

BY_ID: dict[str, Endpoint] = {e.id: e for e in ENDPOINTS}

# Paths shared by several methods are matched longest-first so /recipes/{id}/jobs never
# matches /recipes/{id}.
_BY_SPECIFICITY = sorted(ENDPOINTS, key=lambda e: (-e.path.count("/"), e.path.count("{")))


def endpoint(endpoint_id: str) -> Endpoint:
    return BY_ID[endpoint_id]


def match(method: str, path: str) -> tuple[Endpoint, dict[str, str]] | None:
    """The endpoint a request addresses, and its path parameters."""
    method = method.upper()
    for e in _BY_SPECIFICITY:
        if e.method != method:
            continue
        m = e.pattern.match(path)
        if m:
            return e, m.groupdict()
    return None


WRITE_ENDPOINTS: tuple[Endpoint, ...] = tuple(e for e in ENDPOINTS if e.write)
