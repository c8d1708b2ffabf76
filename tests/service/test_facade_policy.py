"""The access policy at the facade: every write endpoint, reached through its WorkspaceService
method, is refused under read_only before anything is sent, and logged as "blocked"."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from test_facade_world import DemoIds, World, demo_ids, open_world, read_only_profile

from workato_tui.api.endpoints import WRITE_ENDPOINTS, Endpoint
from workato_tui.api.errors import PolicyRefused, WorkatoError
from workato_tui.emulator import ADMIN_TOKEN, DEMO_RESUME_TOKEN
from workato_tui.emulator.records import recipe_code
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.workspace import WorkspaceService

WriteCall = Callable[[WorkspaceService, DemoIds], Awaitable[Any]]
CODE = recipe_code(("scheduler", "scheduled_event"), ["slack"])

# Each write endpoint, and the facade call that sends it (with plausible demo arguments).
WRITES: dict[str, WriteCall] = {
    "recipes.create": lambda s, i: s.writes.create_recipe(
        name="Nightly AR export", folder_id=i.finance_folder, code=CODE
    ),
    "recipes.copy": lambda s, i: s.writes.copy_recipe(i.recipe, i.finance_folder),
    "recipes.update": lambda s, i: s.writes.update_recipe(
        i.stopped_recipe, name="Post payment alerts"
    ),
    "recipes.start": lambda s, i: s.writes.start_recipe(i.stopped_recipe),
    "recipes.stop": lambda s, i: s.writes.stop_recipe(i.recipe),
    "recipes.delete": lambda s, i: s.writes.delete_recipe(i.stopped_recipe),
    "recipes.connect": lambda s, i: s.writes.connect_recipe(
        i.stopped_recipe, "slack", i.connection
    ),
    "jobs.resume": lambda s, i: s.writes.resume_job(DEMO_RESUME_TOKEN, {"approved": True}),
    "jobs.repeat": lambda s, i: s.writes.repeat_jobs(i.recipe, ["j-not-a-real-job"]),
    "connections.create": lambda s, i: s.writes.create_connection(
        name="Slack: #treasury",
        provider="slack",
        folder_id=i.finance_folder,
        input={"password": "hunter2-secret"},
    ),
    "connections.update": lambda s, i: s.writes.update_connection(
        i.connection, name="Slack: #finance-ops"
    ),
    "connections.disconnect": lambda s, i: s.writes.disconnect_connection(i.connection, force=True),
    "connections.delete": lambda s, i: s.writes.delete_connection(i.connection),
    "folders.create": lambda s, i: s.writes.create_folder("Q4 close", parent_id=i.finance_folder),
    "folders.update": lambda s, i: s.writes.rename_folder(i.finance_folder, "Finance Operations"),
    "folders.delete": lambda s, i: s.writes.delete_folder(i.finance_folder),
    "projects.delete": lambda s, i: s.writes.delete_project(i.finance_project),
    "projects.update": lambda s, i: s.writes.update_project(i.finance_project, description="O2C"),
    "projects.deploy": lambda s, i: s.writes.deploy_project(i.finance_project, "test"),
    "projects.build": lambda s, i: s.builds.build_project(i.finance_project),
    "project_builds.deploy": lambda s, i: s.builds.deploy_build(
        1, "test"
    ),  # 404 when sent: fine here
    "lookup_rows.create": lambda s, i: s.writes.add_lookup_row(
        i.table, {"code": "CC-9990", "name": "Treasury AMER 9", "owner": "Alex Fisher"}
    ),
    "lookup_rows.update": lambda s, i: s.writes.update_lookup_row(
        i.table, i.row, {"owner": "Sam Lee"}
    ),
    "lookup_rows.delete": lambda s, i: s.writes.delete_lookup_row(i.table, i.row),
    "api_clients.create": lambda s, i: s.writes.create_api_client(
        name="Reporting", role_id=i.role, all_folders=True
    ),
    "api_clients.regenerate": lambda s, i: s.writes.regenerate_api_client(i.api_client),
    "api_clients.delete": lambda s, i: s.writes.delete_api_client(i.api_client),
    "customers.jobs.repeat": lambda s, i: s.writes.repeat_jobs(
        i.customer_recipe, [i.customer_job], customer=str(i.customer)
    ),
}


def _ids(endpoints: tuple[Endpoint, ...]) -> list[str]:
    return [e.id for e in endpoints]


def _raising(endpoint: Endpoint) -> Any:
    return pytest.param(endpoint, id=endpoint.id)


@pytest.fixture
async def read_only(tmp_path: Path):  # type: ignore[no-untyped-def]
    built = open_world(tmp_path, profile=read_only_profile())
    yield built
    await built.aclose()


@pytest.fixture
async def writable(tmp_path: Path):  # type: ignore[no-untyped-def]
    built = open_world(tmp_path)
    yield built
    await built.aclose()


def test_the_mapping_covers_exactly_the_write_endpoints() -> None:
    assert set(WRITES) == {e.id for e in WRITE_ENDPOINTS}
    assert len(WRITES) == len(WRITE_ENDPOINTS)


@pytest.mark.parametrize("endpoint", WRITE_ENDPOINTS, ids=_ids(WRITE_ENDPOINTS))
async def test_each_mapped_call_sends_its_endpoint_when_allowed(
    writable: World, endpoint: Endpoint
) -> None:
    """The mapping is honest: with writes allowed, the call reaches that very endpoint."""
    # A business-rule refusal is fine here: the request was still sent.
    with contextlib.suppress(WorkatoError):
        await WRITES[endpoint.id](writable.service, demo_ids(writable.emu))
    assert [r.endpoint_id for r in writable.emu.store.requests] == [endpoint.id]
    assert [(s.method, s.path) for s in writable.sent] == [
        (endpoint.method, writable.emu.store.requests[0].path)
    ]


@pytest.mark.parametrize("endpoint", WRITE_ENDPOINTS, ids=_ids(WRITE_ENDPOINTS))
async def test_read_only_sends_no_write_and_logs_it_blocked(
    read_only: World, endpoint: Endpoint
) -> None:
    try:
        await WRITES[endpoint.id](read_only.service, demo_ids(read_only.emu))
    except PolicyRefused as error:
        assert error.rule == "read_only = true" and error.endpoint == endpoint.id
    assert read_only.emu.store.requests == [] and read_only.sent == []
    entries = read_only.service.calls.recent()
    assert [(e["endpoint"], e["outcome"], e["status"]) for e in entries] == [
        (endpoint.id, "blocked", None)
    ]
    assert entries[0]["method"] == endpoint.method
    on_disk = read_only.paths.call_log_file("demo").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["outcome"] for line in on_disk] == ["blocked"]
    reason = read_only.service.denied(endpoint.id)
    assert reason is not None and "read-only" in reason


@pytest.mark.parametrize("endpoint", [_raising(e) for e in WRITE_ENDPOINTS])
async def test_read_only_raises_policy_refused_for_every_write(
    read_only: World, endpoint: Endpoint
) -> None:
    with pytest.raises(PolicyRefused) as caught:
        await WRITES[endpoint.id](read_only.service, demo_ids(read_only.emu))
    assert caught.value.endpoint == endpoint.id
    assert "was not sent" in caught.value.describe()


async def test_read_only_still_reads(read_only: World) -> None:
    recipes = [r async for page in read_only.service.recipe_pages() for r in page]
    assert len(recipes) == len(read_only.emu.store.main.recipes)
    assert [r.endpoint_id for r in read_only.emu.store.requests] == ["recipes.list"]


async def test_open_workspace_read_only_flag_overrides_a_writable_profile(writable: World) -> None:
    service = open_workspace(
        writable.profile,
        SecretStr(ADMIN_TOKEN),
        writable.paths,
        transport=writable.transport,
        read_only=True,
    )
    writable.extra.append(service)
    assert service.profile.read_only is True and writable.profile.read_only is False
    with pytest.raises(PolicyRefused):
        await service.writes.stop_recipe(demo_ids(writable.emu).recipe)
    assert writable.emu.store.requests == []


# per-family access ---------------------------------------------------------------------------


@pytest.fixture
async def recipes_read(tmp_path: Path):  # type: ignore[no-untyped-def]
    profile = dataclasses.replace(demo_profile(), access={"recipes": "read"})
    built = open_world(tmp_path, profile=profile)
    yield built
    await built.aclose()


RECIPE_WRITES = [e for e in WRITE_ENDPOINTS if e.family == "recipes"]


@pytest.mark.parametrize("endpoint", RECIPE_WRITES, ids=_ids(tuple(RECIPE_WRITES)))
async def test_recipes_read_blocks_every_recipe_write(
    recipes_read: World, endpoint: Endpoint
) -> None:
    with pytest.raises(PolicyRefused) as caught:
        await WRITES[endpoint.id](recipes_read.service, demo_ids(recipes_read.emu))
    assert caught.value.rule == "access.recipes = read"
    assert recipes_read.emu.store.requests == []
    assert [e["outcome"] for e in recipes_read.service.calls.recent()] == ["blocked"]


async def test_recipes_read_still_allows_reading_recipes_and_writing_connections(
    recipes_read: World,
) -> None:
    ids = demo_ids(recipes_read.emu)
    assert (await recipes_read.service.recipe(ids.recipe)).id == ids.recipe
    created = await recipes_read.service.writes.create_connection(
        name="Slack: #treasury",
        provider="slack",
        folder_id=ids.finance_folder,
        shell_connection=True,
    )
    await recipes_read.service.writes.update_connection(created.id, name="Slack: #treasury-ops")
    assert recipes_read.emu.store.main.connections[created.id]["name"] == "Slack: #treasury-ops"
    assert [(r.endpoint_id, r.status) for r in recipes_read.emu.store.requests] == [
        ("recipes.get", 200),
        ("connections.create", 200),
        ("connections.update", 200),
    ]
    assert recipes_read.service.denied("connections.create") is None
    reason = recipes_read.service.denied("recipes.start")
    assert reason is not None and "may only read recipes" in reason
