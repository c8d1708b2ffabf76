"""The client-side rate limiter, on a fake clock."""

from __future__ import annotations

import asyncio

import pytest

from workato_tui.api import RateLimiter, endpoint
from workato_tui.api.endpoints import Endpoint, Quota
from workato_tui.emulator.clock import FakeClock

RECIPES = endpoint("recipes.list")  # 60 per minute
CREATE_CONNECTION = endpoint("connections.create")  # 1 per second


def small(limit: int, per: float) -> Endpoint:
    return Endpoint("test.small", "GET", "/api/test", "recipes", "Test", "test", Quota(limit, per))


async def test_requests_within_quota_do_not_wait(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep, margin=0.5)
    for _ in range(60):
        assert await limiter.acquire(RECIPES) == 0.0
    assert clock.monotonic() == 0.0


async def test_one_over_quota_waits_for_the_window_plus_margin(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep, margin=0.5)
    for _ in range(60):
        await limiter.acquire(RECIPES)
    waited = await limiter.acquire(RECIPES)
    assert waited == pytest.approx(60.5)
    assert clock.monotonic() == pytest.approx(60.5)


async def test_window_slides_rather_than_resetting(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep, margin=0.0)
    ep = small(2, 10.0)
    await limiter.acquire(ep)  # t=0
    clock.advance(6)
    await limiter.acquire(ep)  # t=6
    await limiter.acquire(ep)  # waits until the t=0 slot leaves: t=10
    assert clock.monotonic() == pytest.approx(10.0)
    await limiter.acquire(ep)  # the t=6 slot leaves at 16
    assert clock.monotonic() == pytest.approx(16.0)


async def test_buckets_are_per_endpoint(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep)
    await limiter.acquire(CREATE_CONNECTION)
    assert await limiter.acquire(RECIPES) == 0.0
    assert await limiter.acquire(CREATE_CONNECTION) > 1.0


async def test_penalize_blocks_until_retry_after(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep, margin=0.0)
    limiter.penalize(RECIPES, 7)
    assert limiter.snapshot()[0].remaining == 0
    waited = await limiter.acquire(RECIPES)
    assert waited == pytest.approx(7.0)


async def test_concurrent_acquires_never_exceed_the_quota(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep, margin=0.0)
    ep = small(3, 1.0)
    admitted: list[float] = []

    async def one() -> None:
        await limiter.acquire(ep)
        admitted.append(clock.monotonic())

    await asyncio.gather(*(one() for _ in range(10)))
    for t in admitted:
        in_window = [u for u in admitted if t - 1.0 < u <= t]
        assert len(in_window) <= 3
    assert max(admitted) >= 3.0


async def test_snapshot_and_busiest(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep, margin=0.0)
    assert limiter.busiest() is None
    for _ in range(45):
        await limiter.acquire(RECIPES)
    await limiter.acquire(endpoint("recipes.get"))
    clock.advance(20)
    state = limiter.busiest()
    assert state is not None
    assert (state.endpoint_id, state.used, state.remaining, state.limit) == (
        "recipes.list",
        45,
        15,
        60,
    )
    assert state.resets_in == pytest.approx(40.0)
    assert [s.endpoint_id for s in limiter.snapshot()] == ["recipes.list", "recipes.get"]


async def test_disabled_limiter_does_not_count(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep)
    limiter.enabled = False
    for _ in range(200):
        await limiter.acquire(RECIPES)
    assert clock.monotonic() == 0.0
    assert limiter.snapshot() == []


def test_negative_margin_is_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(margin=-1)


async def test_a_request_held_back_says_which_quota_and_how_long(clock: FakeClock) -> None:
    gate = asyncio.Event()

    async def held_sleep(seconds: float) -> None:  # the wait runs until the test opens it
        await gate.wait()
        await clock.sleep(seconds)

    limiter = RateLimiter(now=clock.monotonic, sleep=held_sleep, margin=0.0)
    for _ in range(60):
        await limiter.acquire(RECIPES)
    assert limiter.waiting() is None  # nothing held back yet
    clock.advance(22.0)
    held = asyncio.ensure_future(limiter.acquire(RECIPES))
    await asyncio.sleep(0)  # it starts and waits for the window
    wait = limiter.waiting()
    assert wait is not None
    assert (wait.endpoint_id, wait.limit, wait.per_seconds) == ("recipes.list", 60, 60.0)
    assert wait.seconds_left == pytest.approx(38.0)
    assert wait.describe() == "waiting 38 s: recipes.list 60/min"
    clock.advance(10.0)
    assert limiter.waiting().seconds_left == pytest.approx(28.0)  # type: ignore[union-attr]
    gate.set()
    await held
    assert limiter.waiting() is None  # sent: nothing is waited for any more


def test_a_per_second_quota_is_described_per_second() -> None:
    from workato_tui.api.limiter import QuotaWait

    assert QuotaWait("connections.create", 1, 1.0, 0.4).describe() == (
        "waiting 1 s: connections.create 1/s"
    )
