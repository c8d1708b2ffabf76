"""Every write the UI offers, each declared once as a `WriteAction` record.

A record holds its binding id, key, label, verb, the views it applies to, whether it takes
marked rows, its endpoint (which gives the confirm's "Call:" line, the policy check and the
families it makes stale, `service.families`), whether it is irreversible and which rows it
refuses. Its handler in `actions/` names it: `@handles(RECIPE_STOP)`. This package is a leaf,
so widgets bind the keys and show a write disabled without importing the actions that run it
(the app imports those with the first write, which keeps them off the start-up path).

    record.py       WriteAction, the register (BY_ID) and the key bindings it gives
    rules.py        the rows a write refuses
    recipes.py      recipes and jobs
    connections.py  connections and API clients
    folders.py      folders, projects, deployments
    reasons.py      why a write is unavailable, and how it says so

Declared in the order their keys appear in the footer (recipes, connections, folders).
"""

from __future__ import annotations

# In this order: each module declares its writes, and BY_ID keeps the footer's order.
# isort: off
from .recipes import (
    JOB_REPEAT,
    JOB_RESUME,
    RECIPE_CONNECT,
    RECIPE_COPY,
    RECIPE_DELETE,
    RECIPE_EDIT,
    RECIPE_NEW,
    RECIPE_START,
    RECIPE_STOP,
)
from .connections import (
    API_CLIENT_DELETE,
    API_CLIENT_NEW,
    API_CLIENT_REGENERATE,
    CONNECTION_DELETE,
    CONNECTION_DISCONNECT,
    CONNECTION_EDIT,
    CONNECTION_NEW,
)
from .folders import (
    DEPLOYMENT_REDEPLOY,
    FOLDER_DELETE,
    FOLDER_NEW,
    FOLDER_RENAME,
    PROJECT_BUILD,
    PROJECT_DEPLOY,
    PROJECT_NEW,
)

# isort: on
from .reasons import blocked_reason, label, notify_unavailable, say_why_disabled, state_reason
from .record import (
    BY_ID,
    PLACES,
    RowRule,
    Where,
    WriteAction,
    bind_writes,
    declare,
    declared,
    find_action,
)

__all__ = [
    "API_CLIENT_DELETE",
    "API_CLIENT_NEW",
    "API_CLIENT_REGENERATE",
    "BY_ID",
    "CONNECTION_DELETE",
    "CONNECTION_DISCONNECT",
    "CONNECTION_EDIT",
    "CONNECTION_NEW",
    "DEPLOYMENT_REDEPLOY",
    "FOLDER_DELETE",
    "FOLDER_NEW",
    "FOLDER_RENAME",
    "JOB_REPEAT",
    "JOB_RESUME",
    "PLACES",
    "PROJECT_BUILD",
    "PROJECT_DEPLOY",
    "PROJECT_NEW",
    "RECIPE_CONNECT",
    "RECIPE_COPY",
    "RECIPE_DELETE",
    "RECIPE_EDIT",
    "RECIPE_NEW",
    "RECIPE_START",
    "RECIPE_STOP",
    "RowRule",
    "Where",
    "WriteAction",
    "bind_writes",
    "blocked_reason",
    "declare",
    "declared",
    "find_action",
    "label",
    "notify_unavailable",
    "say_why_disabled",
    "state_reason",
]
