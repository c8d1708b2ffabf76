"""Did a write whose answer was lost land? One check per write, from what the API can read.

A check returns what the write would have answered when it finds the change on the server,
or None when the change is not there (sending it again is then safe). Creates and repeats
only count records made since shortly before the request (`SKEW` allows for the two clocks
differing); a create is found by its name and folder, an API client by its name, a repeat by
its master job.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..api.errors import NotFound
from ..api.models import (
    Connection,
    DeveloperApiClient,
    Disconnected,
    Folder,
    Job,
    RecipeCopy,
    RecipeCreated,
    Success,
)

if TYPE_CHECKING:
    from ..api import WorkatoClient

SKEW = timedelta(minutes=2)
JOBS_TO_SCAN = 100  # the newest jobs of a recipe: a repeat made since the request is among them


@dataclass(frozen=True)
class Check:
    """How to find out whether one write landed."""

    run: Callable[[], Awaitable[Any | None]]  # the write's result when it landed, else None
    absent: str  # what "not found" looked like, for the message


def _recent(created: datetime | None, since: datetime) -> bool:
    return created is None or created >= since - SKEW


async def _all(pages: Any) -> list[Any]:
    return [item async for item in pages]


def recipe_created(client: WorkatoClient, name: str, folder_id: int, since: datetime) -> Check:
    async def run() -> RecipeCreated | None:
        found = [
            r
            for r in await _all(client.iter_recipes(folder_id=folder_id))
            if r.name == name and r.folder_id == folder_id and _recent(r.created_at, since)
        ]
        return RecipeCreated(id=max(r.id for r in found)) if found else None

    return Check(run, f"no recipe named {name!r} was made in folder {folder_id}")


def connection_created(client: WorkatoClient, name: str, folder_id: int, since: datetime) -> Check:
    async def run() -> Connection | None:
        found = [
            c
            for c in await client.list_connections(folder_id=folder_id)
            if c.name == name and c.folder_id == folder_id and _recent(c.created_at, since)
        ]
        return max(found, key=lambda c: c.id) if found else None

    return Check(run, f"no connection named {name!r} was made in folder {folder_id}")


def folder_created(
    client: WorkatoClient, name: str, parent_id: int | None, since: datetime
) -> Check:
    async def run() -> Folder | None:
        found = [
            f
            for f in await _all(client.iter_folders(parent_id=parent_id))
            if f.name == name and _recent(f.created_at, since)
        ]
        return max(found, key=lambda f: f.id) if found else None

    where = f"in folder {parent_id}" if parent_id is not None else "as a project"
    return Check(run, f"no folder named {name!r} was made {where}")


def api_client_created(client: WorkatoClient, name: str, since: datetime) -> Check:
    async def run() -> DeveloperApiClient | None:
        found = [
            c
            for c in await _all(client.iter_api_clients())
            if c.name == name and _recent(c.created_at, since)
        ]
        return max(found, key=lambda c: c.id) if found else None

    return Check(run, f"no API client named {name!r} was made")


def recipe_running(client: WorkatoClient, recipe_id: int, running: bool) -> Check:
    async def run() -> Success | None:
        recipe = await client.get_recipe(recipe_id)
        return Success() if recipe.running == running else None

    state = "running" if running else "stopped"
    return Check(run, f"recipe {recipe_id} is not {state}")


def gone(fetch: Callable[[], Awaitable[Any]], what: str) -> Check:
    """A delete landed when reading the record answers 404."""

    async def run() -> Success | None:
        try:
            await fetch()
        except NotFound:
            return Success()
        return None

    return Check(run, f"{what} still exists")


def connection_gone(client: WorkatoClient, connection_id: int) -> Check:
    async def run() -> Success | None:
        listed = await client.list_connections()
        return None if any(c.id == connection_id for c in listed) else Success()

    return Check(run, f"connection {connection_id} still exists")


def api_client_gone(client: WorkatoClient, client_id: int) -> Check:
    async def run() -> Success | None:
        listed = await _all(client.iter_api_clients())
        return None if any(c.id == client_id for c in listed) else Success()

    return Check(run, f"API client {client_id} still exists")


def connection_disconnected(client: WorkatoClient, connection_id: int) -> Check:
    async def run() -> Disconnected | None:
        for c in await client.list_connections():
            if c.id == connection_id:
                return None if c.authorization_status == "success" else Disconnected()
        return None

    return Check(run, f"connection {connection_id} is still connected")


def recipe_updated(client: WorkatoClient, recipe_id: int, wanted: dict[str, Any]) -> Check:
    async def run() -> Success | None:
        recipe = await client.get_recipe(recipe_id)
        same = all(getattr(recipe, k, None) == v for k, v in wanted.items() if v is not None)
        return Success() if same else None

    return Check(run, f"recipe {recipe_id} does not have the new values")


async def repeats_since(
    client: WorkatoClient,
    recipe_id: int,
    job_ids: Sequence[str],
    since: datetime,
    customer: str | None = None,
) -> dict[str, str]:
    """Requested job id -> the repeat made since `since`, among the recipe's newest jobs."""
    if customer is None:
        page = await client.list_jobs(recipe_id, per_page=JOBS_TO_SCAN)
    else:
        page = await client.list_customer_jobs(customer, recipe_id, per_page=JOBS_TO_SCAN)
    return _repeats_of(page.items, set(job_ids), since)


def _repeats_of(jobs: Iterable[Job], wanted: set[str], since: datetime) -> dict[str, str]:
    found: dict[str, str] = {}
    for job in jobs:
        master = job.master_job_id
        if master in wanted and job.id != master and _recent(job.started_at, since):
            found.setdefault(master, job.id)
    return found


def row_has(client: WorkatoClient, table_id: int, row_id: int, data: dict[str, Any]) -> Check:
    """A row update landed when the row holds the new values."""

    async def run() -> Any | None:
        row = await client.get_lookup_row(table_id, row_id)
        same = all(str(row.data.get(k, "") or "") == str(v or "") for k, v in data.items())
        return row if same else None

    return Check(run, f"row {row_id} does not hold the new values")


def connection_updated(
    client: WorkatoClient, connection_id: int, name: str | None, folder_id: int | None
) -> Check:
    async def run() -> Connection | None:
        for c in await client.list_connections():
            if c.id == connection_id:
                same = (name is None or c.name == name) and (
                    folder_id is None or c.folder_id == folder_id
                )
                return c if same else None
        return None

    return Check(run, f"connection {connection_id} does not have the new values")


def deployed(
    client: WorkatoClient, project_id: int, environment_type: str, since: datetime
) -> Check:
    async def run() -> Any | None:
        found = [
            d
            for d in await client.list_deployments(
                project_id=project_id, environment_type=environment_type
            )
            if d.created_at is not None and d.created_at >= since - SKEW
        ]
        return max(found, key=lambda d: d.id) if found else None

    return Check(run, f"no deployment of project {project_id} to {environment_type} was started")


def project_updated(client: WorkatoClient, project_id: int, wanted: dict[str, Any]) -> Check:
    async def run() -> Any | None:
        async for project in client.iter_projects():
            if project.id == project_id:
                same = all(getattr(project, k) == v for k, v in wanted.items() if v is not None)
                return project if same else None
        return None

    return Check(run, f"project {project_id} does not have the new values")


def recipe_copied(client: WorkatoClient, recipe_id: int, folder_id: int, since: datetime) -> Check:
    """A copy is a new recipe in the folder, made since the request, named after the original."""

    async def run() -> RecipeCopy | None:
        original = await client.get_recipe(recipe_id)
        found = [
            r
            for r in await _all(client.iter_recipes(folder_id=folder_id))
            if r.id != recipe_id
            and original.name in r.name
            and r.created_at is not None
            and r.created_at >= since - SKEW
        ]
        return RecipeCopy(new_flow_id=max(r.id for r in found)) if found else None

    return Check(run, f"no copy of recipe {recipe_id} was made in folder {folder_id}")


def folder_renamed(client: WorkatoClient, folder_id: int, name: str) -> Check:
    """Walk the projects and their folders (only after a lost answer) to read the name."""

    async def run() -> Folder | None:
        pending = []
        for project in await _all(client.iter_projects()):
            if project.folder_id == folder_id:
                return Folder(id=folder_id, name=name) if project.name == name else None
            if project.folder_id is not None:
                pending.append(project.folder_id)
        while pending:
            for folder in await _all(client.iter_folders(parent_id=pending.pop())):
                if folder.id == folder_id:
                    return folder if folder.name == name else None
                pending.append(folder.id)
        return None

    return Check(run, f"folder {folder_id} is not named {name!r}")


def recipe_connected(
    client: WorkatoClient, recipe_id: int, adapter_name: str, connection_id: int
) -> Check:
    """A connect landed when the recipe's step for the app uses the new connection."""

    async def run() -> Success | None:
        recipe = await client.get_recipe(recipe_id)
        steps = [c for c in recipe.config if adapter_name in (c.keyword, c.provider)]
        return Success() if any(c.account_id == connection_id for c in steps) else None

    return Check(run, f"recipe {recipe_id} does not use connection {connection_id} yet")


def project_gone(client: WorkatoClient, project_id: int) -> Check:
    async def run() -> Success | None:
        listed = await _all(client.iter_projects())
        return None if any(p.id == project_id for p in listed) else Success()

    return Check(run, f"project {project_id} still exists")


def folder_gone(client: WorkatoClient, folder_id: int) -> Check:
    """A folder delete landed when no project's folder tree holds the folder any more."""

    async def run() -> Success | None:
        pending = [p.folder_id for p in await _all(client.iter_projects()) if p.folder_id]
        while pending:
            parent = pending.pop()
            if parent == folder_id:
                return None
            pending.extend(f.id for f in await _all(client.iter_folders(parent_id=parent)))
        return Success()

    return Check(run, f"folder {folder_id} still exists")
