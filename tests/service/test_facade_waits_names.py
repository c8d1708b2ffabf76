"""Issue 11 through the facade: what a request waits for (the header's 'waiting 38 s: ...'),
the call log in time order, and names for ids from the cached lists."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from test_facade_world import World, open_world

from workato_tui.api.endpoints import endpoint


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
