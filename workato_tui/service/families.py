"""One vocabulary for "family": the groups of resources the access policy, the cache and the
invalidation after a write all speak of.

A policy family is an endpoint's `family` in `api/endpoints.py` (`access.recipes = "read"`).
A cache key starts with a family, which gives its TTL, and a write makes families stale (the
cache drops every key starting with them). `Family` is a `StrEnum`, so a member is the very
string the endpoint table and the config file use.
"""

from __future__ import annotations

from enum import StrEnum


class Family(StrEnum):
    WORKSPACE = "workspace"  # users.me; always readable
    PROJECTS = "projects"
    FOLDERS = "folders"
    RECIPES = "recipes"
    JOBS = "jobs"
    CONNECTIONS = "connections"
    LOOKUP_TABLES = "lookup_tables"
    LOOKUP_ROWS = "lookup_rows"  # cached apart from the tables; the policy's lookup_tables
    DEPLOYMENTS = "deployments"
    ROLES = "roles"
    API_CLIENTS = "api_clients"
    ON_PREM = "on_prem"
    ACTIVITY = "activity"
    CUSTOMERS = "customers"

    @property
    def policy_family(self) -> Family:
        """The family the access policy names for this one (rows belong to their tables)."""
        return Family.LOOKUP_TABLES if self is Family.LOOKUP_ROWS else self


# Seconds a read stays fresh, per family.
TTL: dict[Family, float] = {
    Family.WORKSPACE: 300.0,
    Family.PROJECTS: 60.0,
    Family.FOLDERS: 60.0,
    Family.RECIPES: 30.0,
    Family.JOBS: 10.0,
    Family.CONNECTIONS: 30.0,
    Family.LOOKUP_TABLES: 60.0,
    Family.LOOKUP_ROWS: 30.0,
    Family.DEPLOYMENTS: 15.0,
    Family.ROLES: 300.0,
    Family.API_CLIENTS: 60.0,
    Family.ON_PREM: 30.0,
    Family.ACTIVITY: 30.0,
    Family.CUSTOMERS: 120.0,
}

# The families a successful or failed write makes stale, by the endpoint it calls: a write
# that lost its answer may still have happened, so they go either way. The audit log
# (activity) lists recipe and API client changes.
_RECIPE_WRITE = (Family.RECIPES, Family.ACTIVITY)
_FOLDER_WRITE = (Family.FOLDERS, Family.PROJECTS)
_FOLDER_CONTENT = (
    Family.FOLDERS,
    Family.PROJECTS,
    Family.RECIPES,
    Family.CONNECTIONS,
    Family.ACTIVITY,
)
STALE_AFTER: dict[str, tuple[Family, ...]] = {
    "recipes.create": _RECIPE_WRITE,
    "recipes.copy": _RECIPE_WRITE,
    "recipes.update": _RECIPE_WRITE,
    "recipes.start": _RECIPE_WRITE,
    "recipes.stop": _RECIPE_WRITE,
    "recipes.delete": _RECIPE_WRITE,
    "recipes.connect": _RECIPE_WRITE,
    # a job run changes its recipe's job counts and last run (the recipe screen's "Jobs")
    "jobs.repeat": (Family.JOBS, Family.RECIPES),
    "jobs.resume": (Family.JOBS, Family.RECIPES),
    "customers.jobs.repeat": (Family.JOBS, Family.CUSTOMERS),
    "connections.create": (Family.CONNECTIONS,),
    "connections.update": (Family.CONNECTIONS,),
    "connections.disconnect": (Family.CONNECTIONS,),
    "connections.delete": (Family.CONNECTIONS,),
    "folders.create": _FOLDER_WRITE,
    "folders.update": _FOLDER_WRITE,
    "folders.delete": _FOLDER_CONTENT,
    "projects.delete": _FOLDER_CONTENT,
    "projects.update": (Family.PROJECTS, Family.FOLDERS),
    "projects.deploy": (Family.DEPLOYMENTS,),
    "projects.build": (Family.DEPLOYMENTS,),
    "project_builds.deploy": (Family.DEPLOYMENTS,),
    "lookup_rows.create": (Family.LOOKUP_ROWS,),
    "lookup_rows.update": (Family.LOOKUP_ROWS,),
    "lookup_rows.delete": (Family.LOOKUP_ROWS,),
    "api_clients.create": (Family.API_CLIENTS, Family.ACTIVITY),
    "api_clients.regenerate": (Family.API_CLIENTS, Family.ACTIVITY),
    "api_clients.delete": (Family.API_CLIENTS, Family.ACTIVITY),
}


def stale_after(endpoint_id: str) -> tuple[Family, ...]:
    """The families a write to `endpoint_id` makes stale (none for an unknown id)."""
    return STALE_AFTER.get(endpoint_id, ())
