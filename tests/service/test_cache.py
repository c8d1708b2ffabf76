from __future__ import annotations

import asyncio
from collections.abc import Awaitable

import pytest

from workato_tui.service.cache import Cache


class FakeTime:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


class CountingFetch:
    """A fetch that counts its calls and, if gated, waits until released."""

    def __init__(self, result: object = "value", gated: bool = False) -> None:
        self.calls = 0
        self.result = result
        self.gate = asyncio.Event()
        if not gated:
            self.gate.set()

    async def __call__(self) -> object:
        self.calls += 1
        await self.gate.wait()
        if isinstance(self.result, Exception):
            raise self.result
        return f"{self.result}-{self.calls}"


@pytest.fixture
def now() -> FakeTime:
    return FakeTime()


@pytest.fixture
def cache(now: FakeTime) -> Cache:
    return Cache(now=now)


async def _started(coro: Awaitable[object]) -> asyncio.Task[object]:
    task = asyncio.ensure_future(coro)
    await asyncio.sleep(0)  # let it reach the fetch
    return task


async def test_hit_within_ttl(cache: Cache, now: FakeTime) -> None:
    fetch = CountingFetch()
    assert await cache.get(("me",), fetch, ttl=30) == "value-1"
    now.value += 29.9
    assert await cache.get(("me",), fetch, ttl=30) == "value-1"
    assert fetch.calls == 1


async def test_expired_after_ttl(cache: Cache, now: FakeTime) -> None:
    fetch = CountingFetch()
    await cache.get(("me",), fetch, ttl=30)
    now.value += 30
    assert await cache.get(("me",), fetch, ttl=30) == "value-2"
    assert fetch.calls == 2


async def test_ttl_is_per_call(cache: Cache, now: FakeTime) -> None:
    fetch = CountingFetch()
    await cache.get(("me",), fetch, ttl=60)
    now.value += 10
    assert await cache.get(("me",), fetch, ttl=60) == "value-1"
    assert await cache.get(("me",), fetch, ttl=5) == "value-2"
    assert await cache.get(("me",), fetch, ttl=0) == "value-3"


async def test_concurrent_callers_share_one_fetch(cache: Cache) -> None:
    fetch = CountingFetch(gated=True)
    first = await _started(cache.get(("recipes",), fetch, ttl=30))
    second = await _started(cache.get(("recipes",), fetch, ttl=30))
    fetch.gate.set()
    assert await asyncio.gather(first, second) == ["value-1", "value-1"]
    assert fetch.calls == 1
    assert await cache.get(("recipes",), fetch, ttl=30) == "value-1"


async def test_shared_failure_reaches_both_and_is_not_cached(cache: Cache) -> None:
    fetch = CountingFetch(result=RuntimeError("boom"), gated=True)
    first = await _started(cache.get(("recipes",), fetch, ttl=30))
    second = await _started(cache.get(("recipes",), fetch, ttl=30))
    fetch.gate.set()
    results = await asyncio.gather(first, second, return_exceptions=True)
    assert [str(r) for r in results] == ["boom", "boom"]
    assert fetch.calls == 1
    assert cache.peek(("recipes",)) is None
    fetch.result = "ok"
    assert await cache.get(("recipes",), fetch, ttl=30) == "ok-2"


async def test_one_cancelled_caller_does_not_cancel_the_other(cache: Cache) -> None:
    fetch = CountingFetch(gated=True)
    first = await _started(cache.get(("k",), fetch, ttl=30))
    second = await _started(cache.get(("k",), fetch, ttl=30))
    first.cancel()
    await asyncio.sleep(0)
    fetch.gate.set()
    assert await second == "value-1"
    assert first.cancelled()


async def test_invalidate_by_prefix(cache: Cache) -> None:
    for key in [("recipes", 1), ("recipes", 2), ("jobs", 1), ("recipe",)]:
        await cache.get(key, CountingFetch(), ttl=30)
    assert cache.invalidate(("recipes",)) == 2
    assert cache.peek(("recipes", 1)) is None and cache.peek(("recipes", 2)) is None
    assert cache.peek(("jobs", 1)) is not None and cache.peek(("recipe",)) is not None
    assert cache.invalidate() == 2
    assert len(cache) == 0


async def test_invalidated_fetch_answers_but_is_not_cached(cache: Cache) -> None:
    old = CountingFetch(result="old", gated=True)
    waiting = await _started(cache.get(("recipes", 1), old, ttl=30))
    cache.invalidate(("recipes",))  # a write happened while the read was in flight
    fresh = CountingFetch(result="new")
    assert await cache.get(("recipes", 1), fresh, ttl=30) == "new-1"
    old.gate.set()
    assert await waiting == "old-1"
    assert cache.peek(("recipes", 1)) == ("new-1", 0.0)


async def test_peek_gives_value_and_age_even_when_stale(cache: Cache, now: FakeTime) -> None:
    assert cache.peek(("me",)) is None
    await cache.get(("me",), CountingFetch(), ttl=1)
    now.value += 120
    assert cache.peek(("me",)) == ("value-1", 120.0)


async def test_put_and_size_cap(now: FakeTime) -> None:
    cache = Cache(now=now, max_entries=2)
    cache.put(("a",), 1)
    cache.put(("b",), 2)
    cache.put(("a",), 3)  # refreshing moves it to the young end
    cache.put(("c",), 4)
    assert cache.peek(("b",)) is None
    assert cache.peek(("a",)) == (3, 0.0) and cache.peek(("c",)) == (4, 0.0)
