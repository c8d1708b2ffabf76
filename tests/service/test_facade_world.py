"""Shared set-up for the facade tests: a `WorkspaceService` over the in-process emulator.

`open_world(tmp_path)` wires `open_workspace` exactly as the app does (policy as before_send,
CallLog as on_call, snapshot under Paths) on one FakeClock shared by the emulator, the client's
rate limiter and the cache. `world.sent` lists every HTTP request with its virtual send time.
The other test_facade_* modules import from here; the tests below check the wiring itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock, SeenRequest
from workato_tui.emulator.seed import NETSUITE_SYNC, find
from workato_tui.service.config import ResolvedProfile
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import WorkspaceService


@dataclass(frozen=True)
class Sent:
    method: str
    path: str
    at: float  # virtual seconds on the shared FakeClock


class TimedTransport(httpx.AsyncBaseTransport):
    """The emulator's transport, noting when (on the FakeClock) each request went out."""

    def __init__(self, inner: httpx.AsyncBaseTransport, clock: FakeClock) -> None:
        self.inner = inner
        self.clock = clock
        self.sent: list[Sent] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(Sent(request.method, request.url.path, self.clock.monotonic()))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass
class World:
    clock: FakeClock
    emu: Emulator
    paths: Paths
    profile: ResolvedProfile
    transport: TimedTransport
    service: WorkspaceService
    extra: list[WorkspaceService] = field(default_factory=list)

    @property
    def sent(self) -> list[Sent]:
        return self.transport.sent

    def seen(self, endpoint_id: str) -> list[SeenRequest]:
        """What the emulator received for one endpoint (any status)."""
        return [r for r in self.emu.store.requests if r.endpoint_id == endpoint_id]

    def reopen(self, **options: Any) -> WorkspaceService:
        """A second service over the same emulator, clock and Paths (closed on teardown)."""
        service = _open(self.emu, self.clock, self.paths, self.profile, self.transport, **options)
        self.extra.append(service)
        return service

    async def aclose(self) -> None:
        for service in (self.service, *self.extra):
            if not service.client.closed:
                await service.aclose()


def _open(
    emu: Emulator,
    clock: FakeClock,
    paths: Paths,
    profile: ResolvedProfile,
    transport: httpx.AsyncBaseTransport,
    token: str = ADMIN_TOKEN,
    timeout: float = 40.0,
) -> WorkspaceService:
    return open_workspace(
        profile,
        SecretStr(token),
        paths,
        transport=transport,
        clock=clock,
        timeout=timeout,
    )


def open_world(
    tmp_path: Path,
    *,
    profile: ResolvedProfile | None = None,
    token: str = ADMIN_TOKEN,
    timeout: float = 40.0,
    emu: Emulator | None = None,
    clock: FakeClock | None = None,
) -> World:
    clock = clock or FakeClock()
    emu = emu or Emulator.demo(clock=clock)
    paths = Paths.under(tmp_path / "home")
    profile = profile or demo_profile()
    transport = TimedTransport(emu.transport(), clock)
    service = _open(emu, clock, paths, profile, transport, token=token, timeout=timeout)
    return World(clock, emu, paths, profile, transport, service)


def read_only_profile() -> ResolvedProfile:
    return dataclasses.replace(demo_profile(), read_only=True)


@dataclass(frozen=True)
class DemoIds:
    """Ids from the seeded demo store, looked up without sending any request."""

    recipe: int  # "Sync closed-won opportunities to NetSuite" (running, >= 300 jobs)
    stopped_recipe: int  # "Post failed payment alerts to #finance-alerts"
    finance_project: int
    finance_folder: int  # the Finance Ops project folder
    connection: int  # "Slack: #finance-alerts"
    table: int  # "Cost centers"
    row: int
    role: int  # the Administrator client role
    api_client: int  # "Data pipeline (CI)" (has no token anyone in the tests uses)
    customer: int
    customer_recipe: int
    customer_job: str


def demo_ids(emu: Emulator) -> DemoIds:
    store = emu.store
    main = store.main
    project = find(main.projects, "Finance Ops")
    table = find(main.lookup_tables, "Cost centers")
    customer = next(iter(store.customers.values()))
    customer_recipe = next(iter(customer.workspace.recipes.values()))
    customer_job = customer.workspace.job_log(customer_recipe["id"]).jobs[0]["id"]
    api_client = next(
        c for c in store.api_clients.values() if c.record["name"] == "Data pipeline (CI)"
    )
    admin_role = next(r for r in store.client_roles.values() if r.name == "Administrator")
    return DemoIds(
        recipe=find(main.recipes, NETSUITE_SYNC)["id"],
        stopped_recipe=find(main.recipes, "Post failed payment alerts to #finance-alerts")["id"],
        finance_project=project["id"],
        finance_folder=project["folder_id"],
        connection=find(main.connections, "Slack: #finance-alerts")["id"],
        table=table["id"],
        row=next(iter(main.lookup_rows[table["id"]])),
        role=admin_role.id,
        api_client=api_client.id,
        customer=customer.record["id"],
        customer_recipe=customer_recipe["id"],
        customer_job=customer_job,
    )


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    built = open_world(tmp_path)
    yield built
    await built.aclose()


# The wiring itself -------------------------------------------------------------------------


async def test_world_service_talks_to_the_emulator_as_the_admin_client(world: World) -> None:
    me = await world.service.me()
    assert me.company_name == "Acme Robotics"
    [request] = world.emu.store.requests
    assert (request.endpoint_id, request.status) == ("users.me", 200)
    admin = world.emu.store.client_for_token(ADMIN_TOKEN)
    assert admin is not None and request.client_id == admin.id
    assert [(s.method, s.path) for s in world.sent] == [("GET", "/api/users/me")]


async def test_world_limiter_runs_on_the_shared_fake_clock(world: World) -> None:
    assert world.service.client.limiter.now() == world.clock.monotonic() == 0.0
    world.clock.advance(12.5)
    assert world.service.client.limiter.now() == 12.5


async def test_world_cache_ages_entries_on_the_shared_fake_clock(world: World) -> None:
    projects = await world.service.projects()
    world.clock.advance(5.0)
    assert world.service.cache.peek(("projects",)) == (projects, 5.0)


def test_demo_ids_name_the_records_the_tests_rely_on(tmp_path: Path) -> None:
    emu = Emulator.demo(clock=FakeClock())
    ids = demo_ids(emu)
    main = emu.store.main
    assert main.recipes[ids.recipe]["running"] is True
    assert len(main.job_log(ids.recipe).jobs) >= 300
    assert main.recipes[ids.stopped_recipe]["running"] is False
    assert main.folders[ids.finance_folder]["is_project"] is True
    assert emu.store.requests == []
