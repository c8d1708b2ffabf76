"""The emulator's in-memory workspace.

Records are plain dicts shaped as the API returns them. Keys starting with `_` are the
emulator's own bookkeeping (never sent: see `public`). Route handlers own the business rules;
this module owns the data, id allocation and project scoping.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..api.ids import ascii_int
from .clock import Clock, iso

Record = dict[str, Any]


def public(record: Record) -> Record:
    """The record as the API shows it: without the emulator's `_` bookkeeping keys."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


@dataclass
class JobLog:
    """One recipe's jobs, oldest first, with an index by job id."""

    jobs: list[Record] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)

    def append(self, job: Record) -> None:
        self.index[job["id"]] = len(self.jobs)
        self.jobs.append(job)

    def get(self, job_id: str) -> Record | None:
        i = self.index.get(job_id)
        return None if i is None else self.jobs[i]


@dataclass
class Workspace:
    """Assets of one workspace: the main one, or an Embedded customer's."""

    folders: dict[int, Record] = field(default_factory=dict)
    projects: dict[int, Record] = field(default_factory=dict)
    recipes: dict[int, Record] = field(default_factory=dict)
    jobs: dict[int, JobLog] = field(default_factory=dict)  # recipe id -> its jobs
    connections: dict[int, Record] = field(default_factory=dict)
    lookup_tables: dict[int, Record] = field(default_factory=dict)
    lookup_rows: dict[int, dict[int, Record]] = field(default_factory=dict)  # table -> rows
    deployments: dict[int, Record] = field(default_factory=dict)
    builds: dict[int, Record] = field(default_factory=dict)  # project builds

    def job_log(self, recipe_id: int) -> JobLog:
        return self.jobs.setdefault(recipe_id, JobLog())

    def subtree(self, folder_id: int) -> set[int]:
        """The folder and every folder below it."""
        found = {folder_id}
        while True:
            more = {f["id"] for f in self.folders.values() if f["parent_id"] in found} - found
            if not more:
                return found
            found |= more

    def project_of_folder(self, folder_id: int | None) -> int | None:
        folder = self.folders.get(folder_id) if folder_id is not None else None
        return folder["project_id"] if folder else None


@dataclass
class Customer:
    record: Record  # the managed user as the API lists it
    workspace: Workspace


@dataclass
class ApiClient:
    """A Developer API client: its role (the endpoints it may call) and its project scope."""

    record: Record
    role_id: int
    token: str
    environment: str | None = None  # dev/test: bound to that environment's workspace

    @property
    def id(self) -> int:
        return int(self.record["id"])

    @property
    def all_folders(self) -> bool:
        return bool(self.record.get("all_folders"))

    @property
    def project_folder_ids(self) -> set[int]:
        return set(self.record.get("folder_ids") or [])


@dataclass
class ClientRole:
    """A client role (API privilege group): `None` endpoints means every endpoint."""

    id: int
    name: str
    endpoint_ids: frozenset[str] | None
    reads_only: bool = False

    def allows(self, endpoint_id: str, write: bool) -> bool:
        if self.reads_only and write:
            return False
        return self.endpoint_ids is None or endpoint_id in self.endpoint_ids


@dataclass
class SeenRequest:
    """A request as the emulator received it (for tests: what did the client actually send?)."""

    method: str
    path: str
    query: str
    endpoint_id: str | None
    client_id: int | None
    status: int
    body: Any = None


class Store:
    """Everything the emulator knows, with deterministic ids and random choices."""

    def __init__(self, clock: Clock, seed: int = 7) -> None:
        self.clock = clock
        self.rng = random.Random(seed)
        self._next_id = 100_000
        self.main = Workspace()
        self.environments: dict[str, Workspace] = {}  # dev/test/prod when seeded (prod = main)
        self.pending_moves: list[tuple[Workspace, int]] = []  # deployments to settle
        self.customers: dict[int, Customer] = {}
        self.user: Record = {}
        self.root_folder_id = 0
        self.client_roles: dict[int, ClientRole] = {}
        self.api_clients: dict[int, ApiClient] = {}
        self.tokens: dict[str, int] = {}  # token -> api client id
        self.project_roles: dict[int, Record] = {}
        self.roles: dict[int, Record] = {}
        self.on_prem_groups: dict[int, Record] = {}
        self.on_prem_agents: dict[int, list[Record]] = {}  # group id -> agents
        self.activity: list[Record] = []  # oldest first
        self.resume_tokens: dict[str, tuple[Workspace, int, str]] = {}  # token -> job address
        self.requests: list[SeenRequest] = []
        self.environments_provisioned = True
        self.job_retention_days = 30
        self.max_repeats_per_job = 100

    # ids, names and times
    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def now(self) -> datetime:
        return self.clock.now()

    def now_iso(self) -> str:
        return iso(self.clock.now())

    def secret(self) -> str:
        return "wrkaus-" + "".join(self.rng.choice(string.hexdigits.lower()) for _ in range(48))

    # tokens and clients
    def client_for_token(self, token: str) -> ApiClient | None:
        client_id = self.tokens.get(token)
        return self.api_clients.get(client_id) if client_id is not None else None

    def issue_token(self, client: ApiClient, token: str | None = None) -> str:
        self.tokens.pop(client.token, None)
        client.token = token or self.secret()
        self.tokens[client.token] = client.id
        client.record["token"] = {"updated_at": self.now_iso()}
        client.record["updated_at"] = self.now_iso()
        return client.token

    def revoke(self, client: ApiClient) -> None:
        self.tokens.pop(client.token, None)
        self.api_clients.pop(client.id, None)

    def workspace_of(self, client: ApiClient) -> Workspace:
        """The workspace a client's token reaches: its environment's, or the main one."""
        if client.environment is None:
            return self.main
        return self.environments.get(client.environment, self.main)

    # customers
    def customer(self, managed_user_id: str) -> Customer | None:
        """A customer by numeric id, or by `E` + external id (already URL-decoded)."""
        numeric = ascii_int(managed_user_id)
        if numeric is not None:
            return self.customers.get(numeric)
        if managed_user_id.startswith("E"):
            external = managed_user_id[1:]
            for customer in self.customers.values():
                if customer.record.get("external_id") == external:
                    return customer
        return None

    # activity
    def log_activity(self, client: ApiClient | None, event_type: str, resource: Record) -> None:
        entry = {
            "id": self.new_id(),
            "event_type": event_type,
            "timestamp": self.now_iso(),
            "workspace": {
                "id": self.user.get("id"),
                "name": self.user.get("company_name"),
                "email": self.user.get("email"),
                "environment": "dev",
            },
            "user": {
                "id": client.id if client else None,
                "name": client.record["name"] if client else "System",
                "email": None,
            },
            "details": {
                "request": {"ip_address": "203.0.113.10", "user_agent": "workato-api-client"},
                "activity": event_type.replace("_", " "),
            },
            "resource": resource,
        }
        self.activity.append(entry)


class Scope:
    """What one API client can see: every project, or only the listed project folders."""

    def __init__(self, store: Store, client: ApiClient) -> None:
        self.store = store
        self.client = client

    @property
    def unrestricted(self) -> bool:
        return self.client.all_folders

    def allows_project(self, project_id: int | str | None) -> bool:
        """Project ids here are the project's id; a client is scoped by project folder ids."""
        if self.unrestricted:
            return True
        if project_id in (None, ""):
            return False
        workspace = self.store.workspace_of(self.client)
        project = workspace.projects.get(int(project_id))
        return project is not None and project["folder_id"] in self.client.project_folder_ids

    def allows(self, record: Record | None) -> bool:
        if record is None:
            return False
        return self.allows_project(record.get("_project_id", record.get("project_id")))
