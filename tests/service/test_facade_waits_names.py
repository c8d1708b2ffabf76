"""Issue 11 through the facade: what a request waits for (the header's 'waiting 38 s: ...'),
the call log in time order, and names for ids from the cached lists."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from test_facade_world import World, demo_ids, open_world

from workato_tui.api.endpoints import endpoint
from workato_tui.emulator.seed import add_api_client
from workato_tui.emulator.store import ClientRole
from workato_tui.service.names import NameKind


@pytest.fixture
async def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    built = open_world(tmp_path)
    yield built
    await built.aclose()


async def test_the_facade_says_which_quota_a_read_waits_for(world: World) -> None:
    gate = asyncio.Event()
    limiter = world.service.client.limiter

    async def held_sleep(seconds: float) -> None:
        await gate.wait()
        await world.clock.sleep(seconds)

    limiter.sleep = held_sleep
    for _ in range(60):  # the minute's budget for recipes.list is spent
        await limiter.acquire(endpoint("recipes.list"))
    assert world.service.quota_wait() is None
    world.clock.advance(22.0)
    reading = asyncio.ensure_future(anext(world.service.recipe_pages()))
    for _ in range(5):
        await asyncio.sleep(0)
    wait = world.service.quota_wait()
    assert wait is not None and wait.endpoint_id == "recipes.list"
    assert wait.describe().endswith("s: recipes.list 60/min")
    assert 37.0 <= wait.seconds_left <= 39.0  # the window plus the limiter's margin
    gate.set()
    assert await reading  # the page came once the window allowed it
    assert world.service.quota_wait() is None


def _requests(world: World, path: str) -> int:
    return sum(1 for r in world.emu.store.requests if r.path == path)


async def test_names_come_from_the_lists_one_request_each_never_per_row(world: World) -> None:
    ids = demo_ids(world.emu)
    names = world.service.names
    assert names.label(NameKind.PROJECT, ids.finance_project) == str(ids.finance_project)
    await world.service.learn_names(NameKind.PROJECT, NameKind.FOLDER, NameKind.CLIENT_ROLE)
    await world.service.learn_names(NameKind.PROJECT, NameKind.CLIENT_ROLE)  # cached: no request
    assert names.label(NameKind.PROJECT, ids.finance_project) == "Finance Ops"
    assert names.label(NameKind.PROJECT, str(ids.finance_project)) == "Finance Ops"  # deployments
    assert names.label(NameKind.FOLDER, ids.finance_folder) == "Finance Ops"  # its project folder
    assert names.label(NameKind.CLIENT_ROLE, ids.role) == "Administrator"
    assert _requests(world, "/api/projects") == 1
    assert _requests(world, "/api/developer_api_client_roles") == 1
    assert names.label(NameKind.FOLDER, None) == ""


async def test_sub_folders_are_named_once_the_tree_reads_them(world: World) -> None:
    ids = demo_ids(world.emu)
    children = await world.service.folders(ids.finance_folder)
    assert children
    for child in children:
        assert world.service.names.label(NameKind.FOLDER, child.id) == child.name


async def test_a_list_the_token_may_not_read_leaves_its_ids_unnamed(
    world: World, tmp_path: Path
) -> None:
    ids = demo_ids(world.emu)
    store = world.emu.store
    role = ClientRole(store.new_id(), "Projects only", frozenset({"projects.list", "users.me"}))
    store.client_roles[role.id] = role
    add_api_client(store, "Narrow", role, "narrow-token")
    narrow = open_world(tmp_path / "narrow", token="narrow-token", emu=world.emu, clock=world.clock)
    try:
        names = await narrow.service.learn_names(NameKind.CLIENT_ROLE, NameKind.PROJECT)
    finally:
        await narrow.aclose()
    assert names.label(NameKind.CLIENT_ROLE, ids.role) == str(ids.role)  # 403: stays an id
    assert names.label(NameKind.PROJECT, ids.finance_project) == "Finance Ops"


async def test_a_repeat_makes_the_recipes_job_counts_fresh(world: World) -> None:
    ids = demo_ids(world.emu)
    before = await world.service.recipe(ids.recipe)
    page = await world.service.job_page(ids.recipe)
    master = next(j.id for j in page.items if not j.is_repeat)
    await world.service.writes.repeat_jobs(ids.recipe, [master])
    world.clock.advance(6.0)  # the repeat has run (the emulator settles it as jobs are read)
    await world.service.job_page(ids.recipe)
    after = await world.service.recipe(ids.recipe)  # within the recipes' TTL, yet read again
    assert after.job_succeeded_count == (before.job_succeeded_count or 0) + 1


async def test_a_recipes_folder_is_named_from_its_projects_sub_folders(world: World) -> None:
    store = world.emu.store.main
    sub = next(f for f in store.folders.values() if f["name"] == "Invoices")  # in Finance Ops
    project = next(p for p in store.projects.values() if p["name"] == "Finance Ops")
    await world.service.learn_folder(sub["id"], project["id"])
    await world.service.learn_folder(sub["id"], project["id"])  # known now: no request
    assert world.service.names.label(NameKind.FOLDER, sub["id"]) == "Invoices"
    assert _requests(world, "/api/folders") == 1
