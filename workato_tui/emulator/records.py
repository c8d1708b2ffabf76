"""Factories for store records, shared by the seeds and the route handlers."""

from __future__ import annotations

import json
from typing import Any

from .store import Record, Store, Workspace


def new_project(store: Store, ws: Workspace, name: str, description: str | None = None) -> Record:
    """A project and its top-level folder (a top-level folder is a project)."""
    now = store.now_iso()
    folder_id, project_id = store.new_id(), store.new_id()
    ws.folders[folder_id] = {
        "id": folder_id,
        "name": name,
        "parent_id": store.root_folder_id,  # the Home folder, never null (decisions #31)
        "is_project": True,
        "project_id": project_id,
        "created_at": now,
        "updated_at": now,
    }
    ws.projects[project_id] = {
        "id": project_id,
        "folder_id": folder_id,
        "name": name,
        "description": description,
        "_project_id": project_id,  # for scoping
    }
    return ws.projects[project_id]


def new_folder(store: Store, ws: Workspace, name: str, parent_id: int) -> Record:
    now = store.now_iso()
    folder_id = store.new_id()
    ws.folders[folder_id] = {
        "id": folder_id,
        "name": name,
        "parent_id": parent_id,
        "is_project": False,
        "project_id": ws.project_of_folder(parent_id),
        "created_at": now,
        "updated_at": now,
    }
    return ws.folders[folder_id]


def recipe_code(trigger: tuple[str, str], actions: list[str]) -> str:
    """A recipe's `code`: a JSON-encoded string of its lines, as Workato returns it."""
    block = [
        {
            "number": i + 1,
            "provider": app,
            "name": "action",
            "keyword": "action",
            "as": f"step_{i + 1}",
            "input": {},
        }
        for i, app in enumerate(actions)
    ]
    return json.dumps(
        {
            "number": 0,
            "provider": trigger[0],
            "name": trigger[1],
            "keyword": "trigger",
            "as": "trigger",
            "input": {},
            "block": block,
        }
    )


def code_applications(code: str) -> tuple[str | None, list[str]]:
    """Trigger and action apps named in a recipe's code (tolerating code we cannot read)."""
    try:
        parsed = json.loads(code)
    except (TypeError, ValueError):
        return None, []
    if not isinstance(parsed, dict):
        return None, []
    actions = [
        str(line.get("provider"))
        for line in parsed.get("block") or []
        if isinstance(line, dict) and line.get("provider")
    ]
    trigger = parsed.get("provider")
    return (str(trigger) if trigger else None), list(dict.fromkeys(actions))


def new_recipe(
    store: Store,
    ws: Workspace,
    *,
    name: str,
    folder_id: int | None,
    code: str,
    description: str = "",
    config: list[Record] | None = None,
    author: str = "Alex Fisher",
) -> Record:
    now = store.now_iso()
    recipe_id = store.new_id()
    trigger, actions = code_applications(code)
    ws.recipes[recipe_id] = {
        "id": recipe_id,
        "user_id": store.user.get("id", 1),
        "name": name,
        "created_at": now,
        "updated_at": now,
        "copy_count": 0,
        "trigger_application": trigger,
        "action_applications": actions,
        "applications": list(dict.fromkeys(([trigger] if trigger else []) + actions)),
        "description": description,
        "parameters_schema": [],
        "parameters": {},
        "webhook_url": None,
        "folder_id": folder_id,
        "project_id": ws.project_of_folder(folder_id),
        "running": False,
        "job_succeeded_count": 0,
        "job_failed_count": 0,
        "lifetime_task_count": 0,
        "last_run_at": None,
        "stopped_at": None,
        "version_no": 1,
        "stop_cause": None,
        "config": config or [],
        "trigger_closure": None,
        "code": code,
        "author_name": author,
        "version_author_name": author,
        "version_author_email": "alex.fisher@acme-robotics.example",
        "version_comment": None,
        "tags": [],
    }
    return ws.recipes[recipe_id]


def connection_config(connections: list[Record]) -> list[Record]:
    return [
        {
            "keyword": "application",
            "name": c["application"],
            "provider": c["application"],
            "skip_validation": False,
            "account_id": c["id"],
        }
        for c in connections
    ]


def new_connection(
    store: Store,
    ws: Workspace,
    *,
    name: str,
    provider: str,
    folder_id: int | None,
    authorized: bool = True,
    external_id: str | None = None,
    parent_id: int | None = None,
    description: str | None = None,
) -> Record:
    now = store.now_iso()
    connection_id = store.new_id()
    ws.connections[connection_id] = {
        "id": connection_id,
        "application": provider,
        "provider": provider,
        "name": name,
        "description": description,
        "authorized_at": now if authorized else None,
        "authorization_status": "success" if authorized else "failed",
        "authorization_error": None if authorized else "Invalid credentials: the token has expired",
        "created_at": now,
        "updated_at": now,
        "external_id": external_id,
        "folder_id": folder_id,
        "parent_id": parent_id,
        "connection_lost_at": None,
        "connection_lost_reason": None,
        "project_id": ws.project_of_folder(folder_id),
        "tags": [],
    }
    return ws.connections[connection_id]


def lookup_schema(labels: list[str]) -> str:
    return json.dumps(
        [
            {
                "control_type": "text",
                "label": label,
                "name": f"col{i + 1}",
                "type": "string",
                "sticky": i == 0,
            }
            for i, label in enumerate(labels)
        ]
    )


def schema_labels(table: Record) -> list[str]:
    return [c["label"] for c in json.loads(table["schema"])]


def new_lookup_table(
    store: Store, ws: Workspace, name: str, project_id: int | None, labels: list[str]
) -> Record:
    now = store.now_iso()
    table_id = store.new_id()
    ws.lookup_tables[table_id] = {
        "id": table_id,
        "name": name,
        "schema": lookup_schema(labels),
        "created_at": now,
        "updated_at": now,
        "project_id": str(project_id) if project_id else None,
    }
    ws.lookup_rows[table_id] = {}
    return ws.lookup_tables[table_id]


def new_row(store: Store, ws: Workspace, table_id: int, data: dict[str, Any]) -> Record:
    row_id = store.new_id()
    row = {"id": row_id, "data": data}
    ws.lookup_rows[table_id][row_id] = row
    return row


def new_build(
    store: Store,
    project: Record,
    description: str,
    state: str = "pending",
    performed_by: str = "Alex Fisher",
    ws: Workspace | None = None,
) -> Record:
    """A project build: the package of the project that a deployment moves."""
    now = store.now_iso()
    build_id = store.new_id()
    build = {
        "id": build_id,
        "created_at": now,
        "updated_at": now,
        "description": description,
        "project_id": str(project["id"]),
        "state": state,
        "performed_by_name": performed_by,
        "download_url": None,
        "_t": store.now().timestamp(),
    }
    (ws or store.main).builds[build_id] = build
    return build


def new_deployment(
    store: Store,
    project: Record,
    environment_type: str,
    description: str,
    state: str = "pending",
    performed_by: str = "Alex Fisher",
    ws: Workspace | None = None,
    build: Record | None = None,
) -> Record:
    """A deployment of `build` (a new build of the project when none is given)."""
    deployment_id = store.new_id()  # before the build's id, as the seeds' ids always were
    if build is None:
        build_state = "pending" if state == "pending" else "success"
        build = new_build(store, project, description, build_state, performed_by, ws)
    now = store.now_iso()
    deployment = {
        "id": deployment_id,
        "created_at": now,
        "updated_at": now,
        "title": f"{project['name']} to {environment_type}",
        "description": description,
        "project_build_id": build["id"],
        "environment_type": environment_type,
        "project_id": str(project["id"]),
        "state": state,
        "performed_by_name": performed_by,
        "_t": store.now().timestamp(),
    }
    (ws or store.main).deployments[deployment_id] = deployment
    return deployment
