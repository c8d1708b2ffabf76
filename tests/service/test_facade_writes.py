"""Writes through the facade: repeat batching under the 1 request/s quota, bulk actions with
progress, a write that times out (sent once, never resent) and following a deployment."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_facade_world import World, demo_ids, open_world

from workato_tui.api.errors import Timeout
from workato_tui.api.models import Deployment, Recipe
from workato_tui.service.bulk import run_bulk
from workato_tui.service.writes import DEPLOY_POLL_SECONDS, MAX_REPEAT_BATCH, ItemResult


@pytest.fixture
async def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    built = open_world(tmp_path)
    yield built
    await built.aclose()


def failed_masters_and_a_repeat(world: World, recipe_id: int) -> tuple[list[str], str]:
    """29 failed master jobs of the recipe (newest first) and the id of one repeat job."""
    jobs = list(reversed(world.emu.store.main.job_log(recipe_id).jobs))
    masters = [j["id"] for j in jobs if j["status"] == "failed" and not j["is_repeat"]]
    repeat = next(j["id"] for j in jobs if j["is_repeat"])
    assert len(masters) >= 29
    return masters[:29], repeat


# repeat jobs ---------------------------------------------------------------------------------


async def test_thirty_jobs_repeat_in_two_paced_batches(world: World) -> None:
    recipe_id = demo_ids(world.emu).recipe
    masters, repeat = failed_masters_and_a_repeat(world, recipe_id)
    job_ids = [*masters[:20], repeat, *masters[20:]]
    batches: list[list[str | None]] = []

    results = await world.service.writes.repeat_jobs(
        recipe_id, job_ids, on_batch=lambda done: batches.append([r.requested for r in done])
    )

    requests = world.seen("jobs.repeat")
    assert [len(r.body["job_ids"]) for r in requests] == [MAX_REPEAT_BATCH, 5]
    assert requests[0].body["job_ids"] + requests[1].body["job_ids"] == job_ids
    assert all(r.status == 200 for r in requests)
    first, second = [s.at for s in world.sent if s.path.endswith("/repeat_jobs")]
    assert second - first >= 1.0  # jobs.repeat is 1 request per second
    assert batches == [job_ids[:25], job_ids[25:]]

    assert [r.requested for r in results] == job_ids
    by_id = {r.requested: r for r in results}
    assert by_id[repeat].status == "failed"
    assert by_id[repeat].error.type_id == "err.job.repeat.invalid_id"  # type: ignore[union-attr]
    enqueued = [r for r in results if r.status == "enqueued"]
    assert len(enqueued) == 29 and all(r.job and r.job.id for r in enqueued)
    log = world.emu.store.main.job_log(recipe_id)
    assert all(
        log.get(r.job.id)["master_job_id"] == r.requested  # type: ignore[union-attr,index]
        for r in enqueued
    )


async def test_a_failed_batch_reports_its_jobs_failed_and_the_next_batch_still_goes(
    world: World,
) -> None:
    recipe_id = demo_ids(world.emu).recipe
    masters, _ = failed_masters_and_a_repeat(world, recipe_id)
    world.emu.faults.add("/api/recipes/*/repeat_jobs", "error500", times=1)
    results = await world.service.writes.repeat_jobs(recipe_id, masters[:27])
    assert [r.status for r in results] == ["failed"] * 25 + ["enqueued"] * 2
    assert "500" in str(results[0].error)
    assert len([r for r in world.emu.store.requests if r.path.endswith("/repeat_jobs")]) == 2


async def test_repeating_invalidates_the_cached_job_pages(world: World) -> None:
    recipe_id = demo_ids(world.emu).recipe
    masters, _ = failed_masters_and_a_repeat(world, recipe_id)
    before = await world.service.job_page(recipe_id)
    await world.service.writes.repeat_jobs(recipe_id, masters[:1])
    after = await world.service.job_page(recipe_id)
    assert len(world.seen("jobs.list")) == 2
    assert after.job_count == (before.job_count or 0) + 1
    assert after.items[0].master_job_id == masters[0]


# bulk ----------------------------------------------------------------------------------------


def running_recipes(world: World, count: int) -> list[Recipe]:
    records = [r for r in world.emu.store.main.recipes.values() if r["running"]][:count]
    return [Recipe.model_validate({"id": r["id"], "name": r["name"]}) for r in records]


async def test_bulk_stop_then_start_of_five_recipes_reports_progress(world: World) -> None:
    recipes = running_recipes(world, 5)
    store = world.emu.store.main.recipes
    progress: list[tuple[int, int, bool]] = []

    def note(done: int, total: int, last: ItemResult | None) -> None:
        assert last is not None
        progress.append((done, total, last.ok))

    stopped = await run_bulk(
        recipes,
        lambda r: world.service.writes.stop_recipe(r.id),
        describe=lambda r: r.name,
        progress=note,
    )
    assert [r.ok for r in stopped] == [True] * 5
    assert progress == [(n, 5, True) for n in range(1, 6)]
    assert not any(store[r.id]["running"] for r in recipes)
    assert stopped[0].message == f"{recipes[0].name}: done"

    progress.clear()
    started = await run_bulk(
        recipes,
        lambda r: world.service.writes.start_recipe(r.id),
        describe=lambda r: r.name,
        progress=note,
    )
    assert [r.ok for r in started] == [True] * 5 and len(progress) == 5
    assert all(store[r.id]["running"] for r in recipes)
    assert [r.endpoint_id for r in world.emu.store.requests] == (
        ["recipes.stop"] * 5 + ["recipes.start"] * 5
    )


async def test_bulk_reports_a_refused_item_and_carries_on(world: World) -> None:
    recipes = running_recipes(world, 3)
    await world.service.writes.stop_recipe(recipes[1].id)  # stopping it again is refused (400)
    results = await run_bulk(
        recipes, lambda r: world.service.writes.stop_recipe(r.id), describe=lambda r: r.name
    )
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error is not None and results[1].error.status == 400
    assert results[1].message.startswith(f"{recipes[1].name}: PUT /api/recipes/")


async def test_bulk_cancelled_midway_sends_nothing_more(world: World) -> None:
    recipes = running_recipes(world, 5)
    results = await run_bulk(
        recipes,
        lambda r: world.service.writes.stop_recipe(r.id),
        describe=lambda r: r.name,
        cancelled=lambda: len(world.seen("recipes.stop")) >= 2,
    )
    assert [r.ok for r in results] == [True, True, False, False, False]
    assert results[4].message.endswith("not sent (cancelled)")
    assert len(world.seen("recipes.stop")) == 2


# a write that times out -------------------------------------------------------------------


async def test_a_timed_out_write_raises_and_is_sent_exactly_once(tmp_path: Path) -> None:
    world = open_world(tmp_path, timeout=0.2)
    try:
        recipe_id = demo_ids(world.emu).stopped_recipe
        assert (await world.service.recipe(recipe_id)).running is False
        world.emu.faults.add(f"/api/recipes/{recipe_id}/start", "hang", method="PUT")
        with pytest.raises(Timeout) as caught:
            await world.service.writes.start_recipe(recipe_id)
        assert caught.value.write is True
        # the answer was lost; a check (re-reading the recipe) found it was not applied
        assert f"Checked: recipe {recipe_id} is not running" in caught.value.describe()
        starts = [s for s in world.sent if s.path == f"/api/recipes/{recipe_id}/start"]
        assert len(starts) == 1
        assert [r.status for r in world.emu.store.requests if r.method == "PUT"] == [0]
        outcomes = [(e["path"], e["outcome"]) for e in world.service.calls.recent()]
        assert outcomes[-2:] == [
            (f"/api/recipes/{recipe_id}/start", "uncertain"),
            (f"/api/recipes/{recipe_id}", "ok"),
        ]
        # the write may have happened: the cached recipe is dropped and read again
        await world.service.recipe(recipe_id)
        assert len(world.seen("recipes.get")) == 3
    finally:
        await world.aclose()


# deployments ---------------------------------------------------------------------------------


async def test_follow_deployment_polls_until_it_leaves_pending(world: World) -> None:
    project_id = demo_ids(world.emu).finance_project
    await world.service.deployments()
    deployment = await world.service.writes.deploy_project(project_id, "test", "Release 42")
    assert deployment.state == "pending"
    seen: list[str | None] = []
    started = world.clock.monotonic()

    final = await world.service.writes.follow_deployment(
        deployment, sleep=world.clock.sleep, on_change=lambda d: seen.append(d.state)
    )

    assert final.state == "success" and final.id == deployment.id
    assert seen == ["pending", "success"]
    assert world.clock.monotonic() - started == 2 * DEPLOY_POLL_SECONDS
    assert len(world.seen("deployments.get")) == 2
    listed = await world.service.deployments()  # the list was invalidated
    assert len(world.seen("deployments.list")) == 2
    assert next(d for d in listed if d.id == deployment.id).state == "success"


async def test_follow_deployment_gives_up_after_its_timeout(world: World) -> None:
    project_id = demo_ids(world.emu).finance_project
    deployment = await world.service.writes.deploy_project(project_id, "prod")
    final = await world.service.writes.follow_deployment(
        deployment, sleep=world.clock.sleep, timeout=DEPLOY_POLL_SECONDS
    )
    assert isinstance(final, Deployment) and final.state == "pending"
    assert len(world.seen("deployments.get")) == 1
