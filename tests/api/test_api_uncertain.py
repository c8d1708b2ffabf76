"""A write whose answer is lost after sending is `Uncertain`, never resent; 429s are retried
within a time budget, with the waits reported to whoever watches (bulk progress)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from workato_tui.api import CallRecord, RateLimited, Timeout, TransportError, WorkatoClient
from workato_tui.api.errors import Uncertain, WriteDropped, WriteTimeout
from workato_tui.api.retry import WriteRetry, watch_waits
from workato_tui.emulator.clock import FakeClock
from workato_tui.emulator.faults import parse_spec

EmuClient = Callable[..., WorkatoClient]


def stopped_recipe(emu: Any) -> dict[str, Any]:
    return next(r for r in emu.store.main.recipes.values() if not r["running"])


def handled(emu: Any, path: str) -> list[int]:
    """Statuses the emulator's handler answered for `path` (0: never answered)."""
    return [r.status for r in emu.store.requests if r.path == path]


async def test_drop_after_applies_the_write_and_keeps_the_correlation_id(
    emu: Any, emu_client: EmuClient, records: list[CallRecord]
) -> None:
    recipe = stopped_recipe(emu)
    path = f"/api/recipes/{recipe['id']}/start"
    emu.faults.add(path, "drop-after", method="PUT")
    async with emu_client() as client:
        with pytest.raises(WriteDropped) as caught:
            await client.start_recipe(recipe["id"])
    error = caught.value
    assert isinstance(error, Uncertain) and isinstance(error, TransportError)
    assert recipe["running"] is True  # applied, though the answer was lost
    assert handled(emu, path) == [200]  # sent once
    assert error.correlation_id and len(error.correlation_id) == 32
    assert f"Correlation id: {error.correlation_id}." in error.describe()
    assert "may have been applied" in error.describe() and "then retry" not in error.describe()
    assert [(r.outcome, r.correlation_id) for r in records] == [("uncertain", error.correlation_id)]


async def test_a_drop_before_the_handler_is_uncertain_too_and_applies_nothing(
    emu: Any, emu_client: EmuClient
) -> None:
    recipe = stopped_recipe(emu)
    emu.faults.add(f"/api/recipes/{recipe['id']}/start", "drop", method="PUT")
    async with emu_client() as client:
        with pytest.raises(WriteDropped) as caught:
            await client.start_recipe(recipe["id"])
    assert caught.value.correlation_id  # the headers arrived before the break
    assert recipe["running"] is False


async def test_hang_after_applies_then_answers_past_the_timeout_on_the_fake_clock(
    emu: Any, emu_client: EmuClient, clock: FakeClock
) -> None:
    recipe = stopped_recipe(emu)
    path = f"/api/recipes/{recipe['id']}/start"
    emu.faults.add(path, "hang-after", 50, method="PUT")
    async with emu_client(timeout=40.0) as client:
        with pytest.raises(WriteTimeout) as caught:
            await client.start_recipe(recipe["id"])
    assert isinstance(caught.value, Timeout) and caught.value.write is True
    assert recipe["running"] is True and handled(emu, path) == [200]
    assert clock.monotonic() >= 50  # virtual time only


async def test_a_read_answered_late_on_the_fake_clock_is_a_plain_timeout(
    emu: Any, emu_client: EmuClient
) -> None:
    emu.faults.add("/api/users/me", "hang-after", 50, times=1)
    async with emu_client(timeout=40.0) as client:
        me = await client.get_me()  # retried: reads are safe to repeat
    assert me.name
    assert handled(emu, "/api/users/me") == [200, 200]


async def test_a_connection_never_made_is_a_plain_transport_error(
    make_client: Callable[..., WorkatoClient],
) -> None:
    from api_test_helpers import Script

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    async with make_client(Script(refused)) as client:
        with pytest.raises(TransportError) as caught:
            await client.start_recipe(5)
    assert not isinstance(caught.value, Uncertain)


def test_the_after_kinds_parse_from_the_command_line() -> None:
    rule = parse_spec("POST /api/recipes=drop-after")
    assert (rule.method, rule.pattern, rule.kind, rule.times) == (
        "POST",
        "/api/recipes",
        "drop-after",
        None,
    )
    rule = parse_spec("/api/recipes/*/stop=hang-after:45x2")
    assert (rule.kind, rule.value, rule.times) == ("hang-after", 45.0, 2)


# 429 on a write: always retried, within a budget ---------------------------------------------


async def test_a_15_second_storm_on_a_write_is_waited_out_and_shown(
    emu: Any, emu_client: EmuClient, clock: FakeClock
) -> None:
    recipe = stopped_recipe(emu)
    path = f"/api/recipes/{recipe['id']}/start"
    emu.faults.add(path, "storm429", 3, times=5)  # 5 x Retry-After 3 s = 15 s
    waits: list[str] = []
    async with emu_client() as client:
        with watch_waits(waits.append):
            await client.start_recipe(recipe["id"])
    assert recipe["running"] is True
    assert handled(emu, path) == [429] * 5 + [200]
    assert waits == ["waiting 3 s: start 60/min"] * 5
    assert clock.monotonic() >= 15


async def test_a_storm_longer_than_the_budget_gives_up_having_done_nothing(
    emu: Any, emu_client: EmuClient
) -> None:
    recipe = stopped_recipe(emu)
    emu.faults.add(f"/api/recipes/{recipe['id']}/start", "storm429", 10)
    async with emu_client(write_retry=WriteRetry(budget=30)) as client:
        with pytest.raises(RateLimited):
            await client.start_recipe(recipe["id"])
    assert recipe["running"] is False
    assert len(handled(emu, f"/api/recipes/{recipe['id']}/start")) == 4  # waited 3 x 10 s


async def test_cancelling_stops_the_429_retries(emu: Any, emu_client: EmuClient) -> None:
    recipe = stopped_recipe(emu)
    emu.faults.add(f"/api/recipes/{recipe['id']}/start", "storm429", 1)
    waits: list[str] = []
    async with emu_client() as client:
        with (
            watch_waits(waits.append, cancelled=lambda: len(waits) >= 2),
            pytest.raises(RateLimited),
        ):
            await client.start_recipe(recipe["id"])
    assert len(waits) == 2 and recipe["running"] is False
