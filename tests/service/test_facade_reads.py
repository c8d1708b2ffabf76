"""WorkspaceService reads against the emulator: cache and TTL, shared in-flight fetches,
invalidation after writes, page streams and the permission memory for 403s."""

from __future__ import annotations

import asyncio
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from pydantic import SecretStr
from test_facade_world import World, demo_ids, open_world

from workato_tui.api.errors import Forbidden, ServerError
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.records import new_recipe, recipe_code
from workato_tui.emulator.seed import add_api_client
from workato_tui.emulator.store import ClientRole
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import JOBS_PER_PAGE, RECIPES_PER_PAGE, TTL


@pytest.fixture
async def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    built = open_world(tmp_path)
    yield built
    await built.aclose()


def add_recipes(emu: Emulator, count: int) -> None:
    """Bulk recipes in the Finance Ops project, so the recipe list spans several pages."""
    folder_id = demo_ids(emu).finance_folder
    code = recipe_code(("scheduler", "scheduled_event"), ["slack"])
    for n in range(count):
        new_recipe(
            emu.store, emu.store.main, name=f"Bulk recipe {n:03d}", folder_id=folder_id, code=code
        )


# cache and TTL -------------------------------------------------------------------------------


async def test_a_second_read_of_a_recipe_is_served_from_the_cache(world: World) -> None:
    recipe_id = demo_ids(world.emu).recipe
    first = await world.service.recipe(recipe_id)
    world.clock.advance(TTL["recipes"] - 1.0)
    second = await world.service.recipe(recipe_id)
    assert second == first and second.id == recipe_id
    assert len(world.seen("recipes.get")) == 1


async def test_a_recipe_read_after_the_ttl_goes_to_the_api_again(world: World) -> None:
    recipe_id = demo_ids(world.emu).recipe
    await world.service.recipe(recipe_id)
    world.clock.advance(TTL["recipes"] + 0.5)
    await world.service.recipe(recipe_id)
    assert len(world.seen("recipes.get")) == 2


async def test_different_recipes_are_cached_apart(world: World) -> None:
    ids = demo_ids(world.emu)
    a = await world.service.recipe(ids.recipe)
    b = await world.service.recipe(ids.stopped_recipe)
    assert (a.id, b.id) == (ids.recipe, ids.stopped_recipe)
    assert len(world.seen("recipes.get")) == 2


async def test_concurrent_reads_of_one_key_share_one_request(world: World) -> None:
    first, second = await asyncio.gather(world.service.projects(), world.service.projects())
    assert first == second and len(first) == len(world.emu.store.main.projects)
    assert len(world.seen("projects.list")) == 1
    assert [s.path for s in world.sent] == ["/api/projects"]


async def test_a_failed_read_is_not_cached(world: World) -> None:
    world.emu.faults.add("/api/deployments", "error500", times=4)  # every retry of one read
    with pytest.raises(ServerError) as caught:
        await world.service.deployments()
    assert caught.value.status == 500
    deployments = await world.service.deployments()
    assert len(deployments) == len(world.emu.store.main.deployments)
    assert [r.status for r in world.emu.store.requests] == [500, 500, 500, 500, 200]


# invalidation after writes -------------------------------------------------------------------


async def test_creating_a_connection_invalidates_the_cached_list(world: World) -> None:
    ids = demo_ids(world.emu)
    before = await world.service.connections()
    assert await world.service.connections() == before
    assert len(world.seen("connections.list")) == 1
    created = await world.service.writes.create_connection(
        name="Slack: #treasury",
        provider="slack",
        folder_id=ids.finance_folder,
        input={"bot_token": "xoxb-not-a-real-one"},
    )
    after = await world.service.connections()
    assert len(world.seen("connections.list")) == 2
    assert created.id in {c.id for c in after} - {c.id for c in before}
    assert next(c for c in after if c.id == created.id).name == "Slack: #treasury"


async def test_connection_writes_keep_to_one_per_second_on_the_fake_clock(world: World) -> None:
    ids = demo_ids(world.emu)
    for n in range(3):
        await world.service.writes.create_connection(
            name=f"Shell {n}", provider="slack", folder_id=ids.finance_folder, shell_connection=True
        )
    times = [s.at for s in world.sent if s.method == "POST"]
    assert len(times) == 3 and all(b - a >= 1.0 for a, b in pairwise(times))
    assert all(r.status == 200 for r in world.seen("connections.create"))


async def test_stop_and_start_invalidate_the_cached_recipe_and_pages(world: World) -> None:
    recipe_id = demo_ids(world.emu).recipe
    assert (await world.service.recipe(recipe_id)).running is True
    pages = [page async for page in world.service.recipe_pages()]
    assert next(r for r in pages[0] if r.id == recipe_id).running is True

    await world.service.writes.stop_recipe(recipe_id)
    assert (await world.service.recipe(recipe_id)).running is False
    pages = [page async for page in world.service.recipe_pages()]
    assert next(r for r in pages[0] if r.id == recipe_id).running is False

    await world.service.writes.start_recipe(recipe_id)
    assert (await world.service.recipe(recipe_id)).running is True
    assert len(world.seen("recipes.get")) == 3
    assert len(world.seen("recipes.list")) == 2
    pages = [page async for page in world.service.recipe_pages()]
    assert next(r for r in pages[0] if r.id == recipe_id).running is True
    assert len(world.seen("recipes.list")) == 3


# page streams --------------------------------------------------------------------------------


async def test_recipe_pages_yield_each_page_before_asking_for_the_next(tmp_path: Path) -> None:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    add_recipes(emu, 150)
    total = len(emu.store.main.recipes)
    assert RECIPES_PER_PAGE < total < 2 * RECIPES_PER_PAGE
    world = open_world(tmp_path, emu=emu, clock=clock)
    try:
        pages = world.service.recipe_pages()
        first = await pages.__anext__()
        assert len(first) == RECIPES_PER_PAGE
        assert len(world.seen("recipes.list")) == 1  # the first page, and nothing more yet
        second = await pages.__anext__()
        assert len(second) == total - RECIPES_PER_PAGE
        assert len(world.seen("recipes.list")) == 2
        with pytest.raises(StopAsyncIteration):  # a short page ends the stream
            await pages.__anext__()
        assert len(world.seen("recipes.list")) == 2
        ids = [r.id for r in first + second]
        assert sorted(ids) == sorted(emu.store.main.recipes)
        assert ids == sorted(ids, reverse=True)
        queries = [parse_qs(r.query) for r in world.seen("recipes.list")]
        assert [(q["page"], q["per_page"]) for q in queries] == [(["1"], ["100"]), (["2"], ["100"])]
    finally:
        await world.aclose()


async def test_recipe_pages_end_on_an_empty_page_after_an_exact_multiple(tmp_path: Path) -> None:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    add_recipes(emu, 2 * RECIPES_PER_PAGE - len(emu.store.main.recipes))
    world = open_world(tmp_path, emu=emu, clock=clock)
    try:
        sizes = [len(page) async for page in world.service.recipe_pages()]
        assert sizes == [RECIPES_PER_PAGE, RECIPES_PER_PAGE, 0]
        assert len(world.seen("recipes.list")) == 3
    finally:
        await world.aclose()


class IgnoresPage(httpx.AsyncBaseTransport):
    """A server that drops a paging parameter, so every request gets the first page; refuses
    to answer more than `cap` requests, so a pager without a guard fails instead of hanging."""

    def __init__(self, inner: httpx.AsyncBaseTransport, param: str = "page", cap: int = 10) -> None:
        self.inner, self.param, self.cap, self.count = inner, param, cap, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        if self.count > self.cap:
            raise RuntimeError(f"more than {self.cap} requests: the pager is looping")
        params = request.url.params.remove(self.param)
        return await self.inner.handle_async_request(
            httpx.Request(
                request.method, request.url.copy_with(params=params), headers=request.headers
            )
        )


async def test_recipe_pages_stop_after_two_requests_when_the_server_ignores_page(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    add_recipes(emu, 2 * RECIPES_PER_PAGE)  # full pages, so only the guard can end the stream
    transport = IgnoresPage(emu.transport())
    service = open_workspace(
        demo_profile(),
        SecretStr(ADMIN_TOKEN),
        Paths.under(tmp_path),
        transport=transport,
        clock=clock,
    )
    try:
        pages = [page async for page in service.recipe_pages()]
    finally:
        await service.aclose()
    assert [len(page) for page in pages] == [RECIPES_PER_PAGE]  # the repeat is not yielded
    assert transport.count == 2
    assert [parse_qs(r.query).get("page") for r in emu.store.requests] == [None, None]


async def test_job_pages_stop_after_two_requests_when_the_server_ignores_the_offset(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    recipe_id = demo_ids(emu).recipe  # more than one full page of jobs
    transport = IgnoresPage(emu.transport(), param="offset_job_id")
    service = open_workspace(
        demo_profile(),
        SecretStr(ADMIN_TOKEN),
        Paths.under(tmp_path),
        transport=transport,
        clock=clock,
    )
    try:
        pages = [page async for page in service.job_pages(recipe_id)]
    finally:
        await service.aclose()
    ids = [job.id for page in pages for job in page]
    assert len(pages) == 1 and len(ids) == len(set(ids)) == JOBS_PER_PAGE  # no repeated jobs
    assert transport.count == 2


async def test_recipe_pages_of_a_folder_send_the_folder_filter(world: World) -> None:
    folder_id = demo_ids(world.emu).finance_folder
    recipes = [r async for page in world.service.recipe_pages(folder_id) for r in page]
    expected = {
        r["id"] for r in world.emu.store.main.recipes.values() if r["folder_id"] == folder_id
    }
    assert {r.id for r in recipes} == expected and expected
    assert parse_qs(world.seen("recipes.list")[0].query)["folder_id"] == [str(folder_id)]


async def test_job_pages_walk_every_job_of_the_netsuite_recipe_once(world: World) -> None:
    recipe_id = demo_ids(world.emu).recipe
    stored = world.emu.store.main.job_log(recipe_id).jobs
    assert len(stored) >= 300
    pages = [page async for page in world.service.job_pages(recipe_id)]
    ids = [job.id for page in pages for job in page]
    assert len(ids) == len(set(ids)) == len(stored)
    assert ids == [job["id"] for job in reversed(stored)]  # newest first, no gaps
    full, last = pages[:-1], pages[-1]
    assert all(len(page) == JOBS_PER_PAGE for page in full) and len(last) < JOBS_PER_PAGE
    requests = world.seen("jobs.list")
    assert len(requests) == len(pages)
    offsets = [parse_qs(r.query).get("offset_job_id") for r in requests]
    assert offsets == [None] + [[page[-1].id] for page in pages[:-1]]


async def test_a_job_page_is_cached_per_offset(world: World) -> None:
    recipe_id = demo_ids(world.emu).recipe
    first = await world.service.job_page(recipe_id)
    again = await world.service.job_page(recipe_id)
    older = await world.service.job_page(recipe_id, offset_job_id=first.items[-1].id)
    assert again == first and older.items[0].id != first.items[0].id
    assert len(world.seen("jobs.list")) == 2


async def test_activity_pages_follow_the_after_cursor_without_repeats(world: World) -> None:
    entries = [e async for page in world.service.activity_pages() for e in page]
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids)) == len(world.emu.store.activity)
    assert len(world.seen("activity.list")) == len(ids) // 100 + 1


# permission memory ---------------------------------------------------------------------------


def limited_token(emu: Emulator) -> str:
    """A client whose role may read recipes and the workspace, but not connections."""
    store = emu.store
    role = ClientRole(
        store.new_id(), "Recipe viewer", frozenset({"users.me", "recipes.list", "recipes.get"})
    )
    store.client_roles[role.id] = role
    add_api_client(store, "Recipe viewer", role, "recipe-viewer-token")
    return "recipe-viewer-token"


async def test_a_403_is_remembered_and_names_the_missing_privilege(tmp_path: Path) -> None:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    world = open_world(tmp_path, emu=emu, clock=clock, token=limited_token(emu))
    try:
        assert world.service.denied("connections.list") is None
        with pytest.raises(Forbidden) as caught:
            await world.service.connections()
        assert caught.value.privilege == "Connections: list"
        reason = world.service.denied("connections.list")
        assert reason is not None and "Connections: list" in reason
        assert "GET /api/connections" in reason
        assert world.service.permissions.denied_ids == {"connections.list"}
        assert world.service.denied("recipes.list") is None
        await world.service.me()  # an allowed call still works and forgets nothing
        assert world.service.denied("connections.list") == reason
        assert [r.status for r in world.emu.store.requests] == [403, 200]
    finally:
        await world.aclose()


async def test_a_403_on_a_write_is_remembered_too(tmp_path: Path) -> None:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    world = open_world(tmp_path, emu=emu, clock=clock, token=limited_token(emu))
    try:
        with pytest.raises(Forbidden):
            await world.service.writes.stop_recipe(demo_ids(emu).recipe)
        reason = world.service.denied("recipes.stop")
        assert reason is not None and "Recipes: stop" in reason
        assert emu.store.main.recipes[demo_ids(emu).recipe]["running"] is True
    finally:
        await world.aclose()
