"""The demo's dev and test environments: copies of prod (the main workspace), dev with drift.

Planted drift in dev (what compare and the deploy preview must find, and nothing else):
- Sales Ops: "Route inbound leads by territory" has newer code and a higher version;
- Sales Ops: "Score inbound leads with Clearbit" exists only in dev (stopped);
- Sales Ops: "Notify account owners 90 days before renewal" was removed in dev;
- Sales Ops: the connection "Clearbit (enrichment)" exists only in dev;
- Finance Ops: the lookup table "NetSuite subsidiaries" has a changed row (EMEA's currency)
  and an added row (BR).
Ids come from their own ranges so prod's ids, and everything the admin token sees, are the
same as without environments.
"""

from __future__ import annotations

import copy
import json

from .environments import ENVIRONMENT_NAMES
from .records import new_connection, new_recipe, new_row, recipe_code
from .store import ClientRole, Record, Store, Workspace
from .tokens import ENVIRONMENT_TOKENS

ID_BASES = {"dev": 600_000, "test": 700_000}

CHANGED_RECIPE = "Route inbound leads by territory"
DEV_ONLY_RECIPE = "Score inbound leads with Clearbit"
REMOVED_RECIPE = "Notify account owners 90 days before renewal"
DEV_ONLY_CONNECTION = "Clearbit (enrichment)"
CHANGED_TABLE = "NetSuite subsidiaries"
DRIFT_PROJECT = "Sales Ops"


def seed_environments(store: Store) -> None:
    """Give the store dev and test workspaces (prod is the main one) and their API clients."""
    from .seed import add_api_client  # the seed imports this module

    saved = store._next_id
    store.environments["prod"] = store.main
    admin_role = _admin_role(store)
    for name, base in ID_BASES.items():
        store._next_id = base
        ws = copy_workspace(store, store.main)
        store.environments[name] = ws
        if name == "dev":
            plant_drift(store, ws)
        client = add_api_client(
            store,
            f"{ENVIRONMENT_NAMES[name]} admin",
            admin_role,
            ENVIRONMENT_TOKENS[name],
            environment=ENVIRONMENT_NAMES[name],
        )
        client.environment = name
    store._next_id = saved


def _admin_role(store: Store) -> ClientRole:
    return next(
        r for r in store.client_roles.values() if r.endpoint_ids is None and not r.reads_only
    )


def copy_workspace(store: Store, source: Workspace) -> Workspace:
    """Folders, projects, connections, recipes (no jobs) and lookup tables with rows, new ids."""
    ws = Workspace()
    ids: dict[int, int] = {store.root_folder_id: store.root_folder_id}
    for old in list(source.folders) + list(source.projects):
        ids[old] = store.new_id()
    for folder in source.folders.values():
        ws.folders[ids[folder["id"]]] = {
            **folder,
            "id": ids[folder["id"]],
            "parent_id": ids.get(folder["parent_id"], folder["parent_id"]),
            "project_id": ids[folder["project_id"]],
        }
    for project in source.projects.values():
        new_id = ids[project["id"]]
        ws.projects[new_id] = {
            **project,
            "id": new_id,
            "folder_id": ids[project["folder_id"]],
            "_project_id": new_id,
        }
    for connection in source.connections.values():
        ids[connection["id"]] = cid = store.new_id()
        ws.connections[cid] = {**_moved(connection, ids), "id": cid}
    for recipe in source.recipes.values():
        rid = store.new_id()
        ws.recipes[rid] = {
            **_moved(copy.deepcopy(recipe), ids),
            "id": rid,
            "config": [
                {**c, "account_id": ids.get(c.get("account_id"), c.get("account_id"))}
                for c in recipe.get("config") or []
            ],
            "job_succeeded_count": 0,
            "job_failed_count": 0,
            "last_run_at": None,
        }
    for table in source.lookup_tables.values():
        tid = store.new_id()
        project_id = table.get("project_id")
        ws.lookup_tables[tid] = {
            **table,
            "id": tid,
            "project_id": str(ids[int(project_id)]) if project_id else None,
        }
        ws.lookup_rows[tid] = {}
        for row in source.lookup_rows.get(table["id"], {}).values():
            new_row(store, ws, tid, dict(row["data"]))
    return ws


def _moved(record: Record, ids: dict[int, int]) -> Record:
    """A record with its folder and project ids translated into the copy's ids."""
    moved = {k: v for k, v in record.items() if not k.startswith("_")}
    if record.get("folder_id") is not None:
        moved["folder_id"] = ids[record["folder_id"]]
    if record.get("project_id") is not None:
        moved["project_id"] = ids[int(record["project_id"])]
    return moved


def _named(records: dict[int, Record], name: str) -> Record:
    return next(r for r in records.values() if r["name"] == name)


def plant_drift(store: Store, ws: Workspace) -> None:
    changed = _named(ws.recipes, CHANGED_RECIPE)
    code = json.loads(changed["code"])
    code["block"].append(
        {
            "number": len(code["block"]) + 1,
            "provider": "salesforce",
            "name": "update_record",
            "keyword": "action",
            "as": "assign_owner",
            "input": {"OwnerId": "#{territory_owner}"},
        }
    )
    changed.update(code=json.dumps(code), version_no=changed["version_no"] + 1)
    removed = _named(ws.recipes, REMOVED_RECIPE)
    del ws.recipes[removed["id"]]
    folder_id = changed["folder_id"]
    project_folder = ws.projects[changed["project_id"]]["folder_id"]
    clearbit = new_connection(
        store, ws, name=DEV_ONLY_CONNECTION, provider="clearbit", folder_id=project_folder
    )
    sales = next(c for c in changed["config"] if c["provider"] == "salesforce")
    fresh = new_recipe(
        store,
        ws,
        name=DEV_ONLY_RECIPE,
        folder_id=folder_id,
        code=recipe_code(("salesforce", "new_custom_object"), ["clearbit", "salesforce"]),
        description=f"{DEV_ONLY_RECIPE}. Owned by the {DRIFT_PROJECT} team.",
        config=[
            dict(sales),
            {
                "keyword": "application",
                "name": "clearbit",
                "provider": "clearbit",
                "skip_validation": False,
                "account_id": clearbit["id"],
            },
        ],
    )
    fresh["version_no"] = 3
    table = _named(ws.lookup_tables, CHANGED_TABLE)
    rows = ws.lookup_rows[table["id"]]
    emea = next(r for r in rows.values() if r["data"]["sf_region"] == "EMEA")
    emea["data"] = {**emea["data"], "currency": "CHF"}
    new_row(store, ws, table["id"], {"sf_region": "BR", "subsidiary_id": "9", "currency": "BRL"})
