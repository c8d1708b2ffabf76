"""Rate limits, Retry-After and retries against the emulator, on a shared fake clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from workato_tui.api import CallRecord, Timeout, WorkatoClient
from workato_tui.emulator.clock import FakeClock

EmuClient = Callable[..., WorkatoClient]


def running_recipe(emu: Any) -> int:
    return int(next(r["id"] for r in emu.store.main.recipes.values() if r["running"]))


async def test_a_burst_of_150_reads_gets_no_429(
    emu: Any, emu_client: EmuClient, clock: FakeClock
) -> None:
    assert emu.quotas.enabled
    async with emu_client() as client:
        for _ in range(150):
            await client.list_recipes(per_page=1)
        budget = client.limiter.busiest()
    statuses = [r.status for r in emu.store.requests]
    assert statuses == [200] * 150
    assert clock.monotonic() >= 120.0  # three 60-second windows: 60 + 60 + 30
    assert budget is not None and budget.endpoint_id == "recipes.list"
    assert budget.used == 30 and budget.remaining == 30


async def test_concurrent_bursts_share_the_budget(
    emu: Any, emu_client: EmuClient, clock: FakeClock
) -> None:
    recipe = running_recipe(emu)
    async with emu_client() as client:
        recipes = await asyncio.gather(*(client.get_recipe(recipe) for _ in range(130)))
    assert len(recipes) == 130
    assert not [r for r in emu.store.requests if r.status == 429]
    assert clock.monotonic() >= 120.0


async def test_one_per_second_writes_are_spaced(
    emu: Any, emu_client: EmuClient, clock: FakeClock
) -> None:
    folder = str(next(iter(emu.store.main.projects.values()))["folder_id"])
    async with emu_client() as client:
        for n in range(5):
            await client.create_connection(
                name=f"Shell {n}", provider="box", folder_id=folder, shell_connection=True
            )
    assert [r.status for r in emu.store.requests] == [200] * 5
    assert clock.monotonic() >= 4.0


async def test_429_retry_after_is_honoured_once(
    emu: Any, emu_client: EmuClient, clock: FakeClock, records: list[CallRecord]
) -> None:
    emu.faults.add("/api/recipes", "storm429", value=7, times=1)
    async with emu_client() as client:
        recipes = await client.list_recipes()
    assert recipes
    assert [r.status for r in emu.store.requests] == [429, 200]
    assert clock.monotonic() == pytest.approx(7.0)
    assert [(r.outcome, r.attempt, r.retry_in) for r in records] == [
        ("rate_limited", 1, 7.0),
        ("ok", 2, None),
    ]


async def test_a_write_hit_by_429_is_retried_and_applied_once(
    emu: Any, emu_client: EmuClient, clock: FakeClock
) -> None:
    project = next(iter(emu.store.main.projects.values()))
    emu.faults.add("/api/folders", "storm429", value=3, times=1, method="POST")
    async with emu_client() as client:
        folder = await client.create_folder(name="Retried", parent_id=project["folder_id"])
    assert [f["name"] for f in emu.store.main.folders.values()].count("Retried") == 1
    assert folder.name == "Retried"
    assert [r.status for r in emu.store.requests] == [429, 200]
    assert clock.monotonic() >= 3.0


async def test_a_write_that_hangs_is_never_resent(
    emu: Any, emu_client: EmuClient, records: list[CallRecord]
) -> None:
    recipe = running_recipe(emu)
    emu.faults.add("/api/recipes/*/stop", "hang", method="PUT")
    async with emu_client(timeout=0.1) as client:
        with pytest.raises(Timeout) as caught:
            await client.stop_recipe(recipe)
    assert caught.value.write is True
    assert "not sent again" in str(caught.value)
    sent = [r for r in emu.store.requests if r.method == "PUT" and r.path.endswith("/stop")]
    assert len(sent) == 1
    assert [(r.outcome, r.attempt) for r in records] == [("uncertain", 1)]
