"""One family vocabulary (policy, TTL, invalidation) and the gateway every call goes through:
a write makes its families stale once, a lookup save's fresh reads remember a 403 like any
other read, and the service has no mixin stubs left to fill in."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from test_facade_world import demo_ids, open_world

from workato_tui.api.endpoints import ENDPOINTS, FAMILIES
from workato_tui.api.errors import Forbidden
from workato_tui.emulator import Emulator, FakeClock
from workato_tui.emulator.seed import add_api_client
from workato_tui.emulator.store import ClientRole
from workato_tui.service import settle, writes
from workato_tui.service.cache import Cache
from workato_tui.service.families import STALE_AFTER, TTL, Family
from workato_tui.service.policy import POLICY_FAMILIES
from workato_tui.service.workspace import WorkspaceService

WRITES = {e.id for e in ENDPOINTS if e.write}


def test_the_policy_families_are_the_endpoint_tables_families() -> None:
    assert set(FAMILIES) == POLICY_FAMILIES
    assert {Family(e.family) for e in ENDPOINTS} <= set(Family)


def test_every_family_has_a_ttl_and_every_stale_family_is_cached() -> None:
    assert set(TTL) == set(Family)
    assert set(STALE_AFTER) <= WRITES, set(STALE_AFTER) - WRITES
    assert all(families for families in STALE_AFTER.values())


class CountingCache(Cache):
    def __init__(self) -> None:
        super().__init__()
        self.invalidated: list[tuple[object, ...]] = []

    def invalidate(self, prefix: tuple[object, ...] = ()) -> int:
        self.invalidated.append(prefix)
        return super().invalidate(prefix)


async def test_a_write_makes_each_of_its_families_stale_once(tmp_path: Path) -> None:
    world = open_world(tmp_path)
    try:
        counting = CountingCache()
        world.service.gateway.cache = counting
        recipe = demo_ids(world.emu).recipe
        await world.service.writes.stop_recipe(recipe)
        assert counting.invalidated == [(Family.RECIPES,), (Family.ACTIVITY,)]
    finally:
        await world.aclose()


async def test_a_refresh_forgets_only_the_family_asked_for(tmp_path: Path) -> None:
    world = open_world(tmp_path)
    try:
        await world.service.projects()
        await world.service.recipe(demo_ids(world.emu).recipe)
        before = len(world.sent)
        world.service.refresh(Family.RECIPES)
        await world.service.projects()
        assert len(world.sent) == before  # still cached
        await world.service.recipe(demo_ids(world.emu).recipe)
        assert len(world.sent) == before + 1
    finally:
        await world.aclose()


def _token_without(emu: Emulator, endpoint_id: str) -> str:
    store = emu.store
    allowed = frozenset(e.id for e in ENDPOINTS if e.id != endpoint_id)
    role = ClientRole(store.new_id(), "No row reads", allowed)
    store.client_roles[role.id] = role
    add_api_client(store, "No row reads", role, "no-row-reads-token")
    return "no-row-reads-token"


async def test_a_lookup_saves_fresh_read_remembers_a_403(tmp_path: Path) -> None:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    world = open_world(tmp_path, emu=emu, clock=clock, token=_token_without(emu, "lookup_rows.get"))
    try:
        ids = demo_ids(emu)
        with pytest.raises(Forbidden):
            await world.service.fresh_lookup_rows.get_lookup_row(ids.table, ids.row)
        assert world.service.denied("lookup_rows.get")  # the save plans without single gets
    finally:
        await world.aclose()


def test_the_service_is_composed_without_stubs() -> None:
    assert not hasattr(WorkspaceService, "_guard") and not hasattr(WorkspaceService, "_write")
    for module in (writes, settle):
        assert "NotImplementedError" not in inspect.getsource(module)
