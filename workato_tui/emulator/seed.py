"""The demo workspace, built deterministically from a seed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from . import demo_data as d
from .clock import Clock, iso
from .incidents import plant_incidents
from .jobgen import make_job, seed_jobs
from .records import (
    connection_config,
    new_connection,
    new_deployment,
    new_folder,
    new_lookup_table,
    new_project,
    new_recipe,
    new_row,
    recipe_code,
)
from .seed_envs import seed_environments
from .store import ApiClient, ClientRole, Customer, Record, Store, Workspace
from .tokens import ADMIN_TOKEN, FINANCE_TOKEN, READONLY_TOKEN

DEMO_RESUME_TOKEN = "resume-7Qm2Xc9P-newhire-approval"
NETSUITE_SYNC = "Sync closed-won opportunities to NetSuite"


def build_demo(clock: Clock, seed: int = 7) -> Store:
    store = Store(clock, seed)
    rng = random.Random(seed)
    _workspace_user(store)
    projects, folders = _projects(store, store.main)
    connections = _connections(store, projects, folders)
    _recipes(store, rng, projects, folders, connections)
    _paused_job(store, rng)
    plant_incidents(store, seed)
    _lookup_tables(store, rng, projects)
    _deployments(store, rng, projects)
    _roles(store)
    _api_clients(store, projects)
    _on_prem(store, rng)
    _customers(store, rng)
    _activity(store, rng)
    seed_environments(store)
    return store


def find(records: dict[int, Record], name: str) -> Record:
    return next(r for r in records.values() if r["name"] == name)


def _workspace_user(store: Store) -> None:
    store.root_folder_id = store.new_id()
    store.user = {
        "id": store.new_id(),
        "name": "Alex Fisher",
        "created_at": iso(store.now() - timedelta(days=900)),
        "plan_id": "enterprise",
        "current_billing_period_start": iso(store.now() - timedelta(days=21)),
        "current_billing_period_end": iso(store.now() + timedelta(days=9)),
        "recipes_count": 0,
        "active_recipes_count": 0,
        "company_name": d.COMPANY,
        "location": "Austin, TX",
        "email": "alex.fisher@acme-robotics.example",
        "root_folder_id": store.root_folder_id,
    }


def _projects(store: Store, ws: Workspace) -> tuple[dict[str, Record], dict[str, int]]:
    projects: dict[str, Record] = {}
    folders: dict[str, int] = {}  # "Project/Folder/Sub" -> folder id
    for name, (description, paths) in d.PROJECTS.items():
        project = new_project(store, ws, name, description)
        projects[name] = project
        folders[name] = project["folder_id"]
        for path in paths:
            parent, _, leaf = f"{name}/{path}".rpartition("/")
            folders[f"{name}/{path}"] = new_folder(store, ws, leaf, folders[parent])["id"]
    return projects, folders


def _connections(
    store: Store, projects: dict[str, Record], folders: dict[str, int]
) -> dict[str, Record]:
    made = {}
    for name, provider, project, folder, status in d.CONNECTIONS:
        folder_id = folders[f"{project}/{folder}" if folder else project]
        connection = new_connection(
            store,
            store.main,
            name=name,
            provider=provider,
            folder_id=folder_id,
            authorized=status == "success",
        )
        if status is None:  # a shell connection never authorized
            connection.update(authorization_status=None, authorization_error=None)
        made[name] = connection
    return made


def _recipes(
    store: Store,
    rng: random.Random,
    projects: dict[str, Record],
    folders: dict[str, int],
    connections: dict[str, Record],
) -> None:
    for name, project, folder, trigger, actions, used, running, jobs in d.RECIPES:
        folder_id = folders[f"{project}/{folder}" if folder else project]
        recipe = new_recipe(
            store,
            store.main,
            name=name,
            folder_id=folder_id,
            code=recipe_code(trigger, actions),
            description=f"{name}. Owned by the {project} team.",
            config=connection_config([connections[c] for c in used]),
        )
        recipe["running"] = running
        recipe["_slack_channel"] = _slack_channel([connections[c] for c in used])
        recipe["version_no"] = rng.randint(2, 30)
        recipe["created_at"] = iso(store.now() - timedelta(days=rng.randint(60, 700)))
        if not running:
            recipe["stopped_at"] = iso(store.now() - timedelta(days=rng.randint(1, 40)))
        rate = 0.12 if name == d.RECIPES[0][0] else 0.06
        seed_jobs(store, store.main, recipe, jobs, rng, failure_rate=rate)
        recipe["lifetime_task_count"] = jobs * rng.randint(2, 6)
    store.user["recipes_count"] = len(store.main.recipes)
    store.user["active_recipes_count"] = sum(r["running"] for r in store.main.recipes.values())


def _slack_channel(connections: list[Record]) -> str | None:
    """The channel a recipe posts to, from its Slack connection's name ("Slack: #sales-ops")."""
    names = [c["name"] for c in connections if c["provider"] == "slack"]
    return names[0].partition(": ")[2] or None if names else None


def _paused_job(store: Store, rng: random.Random) -> None:
    recipe = find(store.main.recipes, "Provision new hire accounts from Workday")
    log = store.main.job_log(recipe["id"])
    last = datetime.fromtimestamp(log.jobs[-1]["_t"], tz=UTC)
    started = max(store.now() - timedelta(hours=3), last + timedelta(minutes=1))
    job = make_job(store, recipe, started, "pending", rng)
    job["title"] = "Worker Hana Sato (48213): waiting for IT approval"
    job["_resume_token"] = DEMO_RESUME_TOKEN
    store.main.job_log(recipe["id"]).append(job)
    store.resume_tokens[DEMO_RESUME_TOKEN] = (store.main, recipe["id"], job["id"])


def _lookup_tables(store: Store, rng: random.Random, projects: dict[str, Record]) -> None:
    for name, (project, labels) in d.LOOKUP_TABLES.items():
        table = new_lookup_table(store, store.main, name, projects[project]["id"], labels)
        for values in _lookup_rows(name, rng):
            new_row(store, store.main, table["id"], dict(zip(labels, values, strict=True)))


def _lookup_rows(name: str, rng: random.Random) -> list[tuple[str, ...]]:
    if name == "Cost centers":
        areas = ["Finance", "People", "Sales", "R&D", "Support", "Marketing", "IT", "Legal"]
        regions = ["AMER", "EMEA", "APAC"]
        return [
            (
                f"CC-{1000 + i * 10}",
                f"{areas[i % len(areas)]} {regions[i % 3]} {i // 24 + 1}",
                rng.choice(d.PEOPLE),
            )
            for i in range(64)
        ]
    if name == "NetSuite subsidiaries":
        return [
            ("AMER", "1", "USD"),
            ("EMEA", "4", "EUR"),
            ("UK", "5", "GBP"),
            ("APAC", "7", "SGD"),
            ("JP", "8", "JPY"),
        ]
    if name == "Employee departments":
        return [
            (f"D{100 + i}", dept, f"ORG-{dept.upper()[:4]}", f"#{dept.lower()}-team")
            for i, dept in enumerate(d.DEPARTMENTS)
        ]
    return [tuple(c) for c in d.COUNTRIES]


def _deployments(store: Store, rng: random.Random, projects: dict[str, Record]) -> None:
    history = [
        ("Finance Ops", "test", "success"),
        ("Finance Ops", "prod", "success"),
        ("HR Onboarding", "test", "success"),
        ("HR Onboarding", "prod", "failed"),
        ("Sales Ops", "test", "success"),
        ("Finance Ops", "prod", "success"),
    ]
    for days_ago, (project, env, state) in zip(range(30, 0, -5), history, strict=True):
        deployment = new_deployment(
            store,
            projects[project],
            env,
            f"Release {rng.randint(10, 99)}: fixes and new mappings",
            state,
        )
        when = iso(store.now() - timedelta(days=days_ago))
        deployment.update(created_at=when, updated_at=when)


def _roles(store: Store) -> None:
    roles = [
        ClientRole(store.new_id(), "Administrator", None),
        ClientRole(store.new_id(), "Read only", None, reads_only=True),
        ClientRole(store.new_id(), "Finance automation", None),
    ]
    store.client_roles = {r.id: r for r in roles}
    for name, kind, members in d.PROJECT_ROLES:
        role_id = store.new_id()
        store.project_roles[role_id] = {
            "id": role_id,
            "name": name,
            "members_count": members,
            "type": kind,
            "created_at": store.now_iso(),
            "updated_at": store.now_iso(),
        }
    for name, privileges in d.LEGACY_ROLES:
        role_id = store.new_id()
        store.roles[role_id] = {
            "id": role_id,
            "name": name,
            "inheritable": False,
            "folder_ids": [],
            "created_at": store.now_iso(),
            "updated_at": store.now_iso(),
            "privileges": privileges,
        }


def add_api_client(
    store: Store,
    name: str,
    role: ClientRole,
    token: str | None,
    folder_ids: list[int] | None = None,
    environment: str = "Development",
) -> ApiClient:
    now = store.now_iso()
    client_id = store.new_id()
    record = {
        "id": client_id,
        "name": name,
        "api_privilege_group_id": role.id,
        "created_at": now,
        "updated_at": now,
        "all_folders": folder_ids is None,
        "folder_ids": folder_ids or [],
        "environment_name": environment,
        "environment_id": 3218,
        "token": {"updated_at": now},
    }
    client = ApiClient(record, role.id, "")
    store.api_clients[client_id] = client
    store.issue_token(client, token)
    return client


def _api_clients(store: Store, projects: dict[str, Record]) -> None:
    admin, readonly, finance = store.client_roles.values()
    add_api_client(store, "Admin console", admin, ADMIN_TOKEN)
    add_api_client(store, "Read-only auditor", readonly, READONLY_TOKEN)
    add_api_client(
        store,
        "Finance automation",
        finance,
        FINANCE_TOKEN,
        folder_ids=[projects["Finance Ops"]["folder_id"]],
    )
    add_api_client(
        store,
        "Data pipeline (CI)",
        admin,
        None,
        folder_ids=[projects["Data Platform"]["folder_id"]],
    )


def _on_prem(store: Store, rng: random.Random) -> None:
    for name, agents in d.ON_PREM_GROUPS:
        group_id = store.new_id()
        store.on_prem_groups[group_id] = {
            "id": group_id,
            "name": name,
            "created_at": iso(store.now() - timedelta(days=400)),
            "in_use": True,
            "use_managed_connection": False,
            "config_version": rng.randint(2, 12),
            "logs_enabled": False,
            "whitelisted_ips": ["198.51.100.10", "192.0.2.0/24"],
        }
        store.on_prem_agents[group_id] = [
            {
                "id": store.new_id(),
                "name": agent,
                "status": "active" if active else "inactive",
                "os": os_name,
                "version": "2.13.1" if active else "2.9.4",
                "last_seen_at": iso(store.now() - timedelta(minutes=1 if active else 60 * 24 * 6)),
            }
            for agent, active, os_name in agents
        ]


def _customers(store: Store, rng: random.Random) -> None:
    for name, external_id, email in d.CUSTOMERS:
        customer_id = store.new_id()
        ws = Workspace()
        record = {
            "id": customer_id,
            "external_id": external_id,
            "name": name,
            "notification_email": email,
            "plan_id": "embedded",
            "created_at": iso(store.now() - timedelta(days=rng.randint(100, 500))),
            "updated_at": store.now_iso(),
            "trial": False,
            "in_trial": False,
        }
        store.customers[customer_id] = Customer(record, ws)
        project = new_project(store, ws, f"{name} integrations")
        for recipe_name, trigger, actions, running in d.CUSTOMER_RECIPES:
            recipe = new_recipe(
                store,
                ws,
                name=recipe_name.replace("Globex", name.split()[0]),
                folder_id=project["folder_id"],
                code=recipe_code(trigger, actions),
            )
            recipe["running"] = running
            seed_jobs(store, ws, recipe, rng.randint(30, 80), rng, failure_rate=0.15)


def _activity(store: Store, rng: random.Random) -> None:
    clients = list(store.api_clients.values())
    start = store.now() - timedelta(days=30)
    for i in range(120):
        event, kind = rng.choice(d.ACTIVITY_EVENTS)
        target_id, name = _activity_target(store, kind, rng)
        store.log_activity(
            rng.choice(clients), event, {"id": target_id, "name": name, "type": kind}
        )
        store.activity[-1]["timestamp"] = iso(start + timedelta(hours=6 * i + rng.random()))


def _activity_target(store: Store, kind: str, rng: random.Random) -> tuple[int, str]:
    """An asset of the event's own kind: a login names a person, a deploy a project."""
    if kind == "User":
        return rng.randint(4000, 4999), rng.choice(d.PEOPLE)
    records = {
        "Account": store.main.connections,
        "ApiClient": {c.id: c.record for c in store.api_clients.values()},
        "LookupTable": store.main.lookup_tables,
        "Project": store.main.projects,
    }.get(kind, store.main.recipes)
    target = rng.choice(list(records.values()))
    return target["id"], target["name"]
