"""Incident freeze and thaw: the running set is written first, and a thaw restores exactly it."""

from __future__ import annotations

import json
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from test_facade_world import World, demo_ids, open_world, read_only_profile

from workato_tui.api.errors import PolicyRefused
from workato_tui.service.freeze import (
    FREEZING,
    FROZEN,
    THAWED,
    FreezeStore,
    new_freeze,
    run_freeze,
    run_thaw,
)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    built = open_world(tmp_path)
    yield built
    await built.aclose()


def _finance(world: World) -> list[dict]:
    ids = demo_ids(world.emu)
    main = world.emu.store.main
    folders = main.subtree(ids.finance_folder)
    return [r for r in main.recipes.values() if r["folder_id"] in folders]


async def _freeze_finance(world: World, store: FreezeStore, **kw):  # type: ignore[no-untyped-def]
    recipes = [await world.service.recipe(r["id"]) for r in _finance(world)]
    freeze = new_freeze(recipes, profile="demo", scope="Finance Ops", now=world.clock.now())
    return await run_freeze(world.service, store, freeze, **kw)


async def test_freeze_then_thaw_restores_exactly_the_running_set(
    world: World, tmp_path: Path
) -> None:
    store = FreezeStore(tmp_path / "freezes")
    finance = _finance(world)
    running_before = {r["id"] for r in finance if r["running"]}
    stopped_before = {r["id"] for r in finance if not r["running"]}
    assert running_before and stopped_before  # the demo has both kinds in Finance Ops
    freeze = await _freeze_finance(world, store)
    assert freeze.state == FROZEN and set(freeze.recipe_ids) == running_before
    assert not any(r["running"] for r in finance)
    deleted = min(running_before)  # deleted between the freeze and the thaw
    world.clock.advance(60)
    await world.service.writes.delete_recipe(deleted)
    thawed = await run_thaw(world.service, store, freeze)
    main = world.emu.store.main
    now_running = {r["id"] for r in main.recipes.values() if r["running"] and r in finance}
    assert now_running == running_before - {deleted}
    assert all(not main.recipes[rid]["running"] for rid in stopped_before)
    assert thawed.gone == [deleted] and thawed.state == THAWED
    assert store.load_all()[0].state == THAWED


async def test_the_running_set_is_on_disk_before_the_first_stop(
    world: World, tmp_path: Path
) -> None:
    store = FreezeStore(tmp_path / "freezes")
    seen_on_disk: list[dict] = []
    stops = world.emu.store.requests

    def before_each_stop(*_: object) -> None:
        [path] = (tmp_path / "freezes").glob("*.json")
        seen_on_disk.append(json.loads(path.read_text()))

    original = world.service.writes.stop_recipe

    async def stop(recipe_id: int):  # type: ignore[no-untyped-def]
        before_each_stop()
        return await original(recipe_id)

    world.service.writes.stop_recipe = stop  # type: ignore[method-assign]
    freeze = await _freeze_finance(world, store)
    assert seen_on_disk[0]["state"] == FREEZING
    assert seen_on_disk[0]["recipes"] == freeze.recipes and seen_on_disk[0]["stopped"] == []
    assert [d["stopped"] for d in seen_on_disk] == [
        freeze.stopped[:i] for i in range(len(freeze.recipes))
    ]
    [path] = (tmp_path / "freezes").glob("*.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "freezes").stat().st_mode) == 0o700
    assert sum(r.endpoint_id == "recipes.stop" for r in stops) == len(freeze.recipes)


async def test_a_freeze_killed_midway_is_offered_and_finished_without_stopping_twice(
    world: World, tmp_path: Path
) -> None:
    store = FreezeStore(tmp_path / "freezes")

    class Killed(Exception):
        pass

    def die_after_first(done: int, total: int, note: str) -> None:
        raise Killed(note)

    with pytest.raises(Killed):
        await _freeze_finance(world, store, progress=die_after_first)
    # a new start reads the state directory afresh
    [unfinished] = FreezeStore(tmp_path / "freezes").unfinished()
    assert unfinished.state == FREEZING and len(unfinished.stopped) == 1
    finished = await run_freeze(world.service, store, unfinished)
    assert finished.state == FROZEN and set(finished.stopped) == set(finished.recipe_ids)
    stops = [r for r in world.emu.store.requests if r.endpoint_id == "recipes.stop"]
    assert len(stops) == len(finished.recipe_ids)  # the first recipe was not stopped again
    assert FreezeStore(tmp_path / "freezes").unfinished() == []


async def test_read_only_blocks_freeze_and_thaw_before_anything_is_written_or_sent(
    tmp_path: Path,
) -> None:
    world = open_world(tmp_path, profile=read_only_profile())
    try:
        store = FreezeStore(tmp_path / "freezes")
        with pytest.raises(PolicyRefused):
            await _freeze_finance(world, store)
        assert store.load_all() == []
        frozen = new_freeze([], profile="demo", scope="x", now=world.clock.now())
        with pytest.raises(PolicyRefused):
            await run_thaw(world.service, store, frozen)
        assert not any(
            r.endpoint_id in ("recipes.stop", "recipes.start") for r in world.emu.store.requests
        )
    finally:
        await world.aclose()
