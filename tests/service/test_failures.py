"""The failures inbox's service side: causes, the quota-aware scan, repeats from the inbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from test_facade_world import World, demo_ids, open_world

from workato_tui.api.models import Job
from workato_tui.emulator.incidents import INCIDENTS, SUBSIDIARY
from workato_tui.emulator.jobgen import make_job
from workato_tui.service.failure_repeat import check_repeats, plan_repeats, repeat_planned
from workato_tui.service.failure_scan import WINDOWS, FailureScan, ScanScope, parse_window
from workato_tui.service.failures import FailedJob, FailureInbox, cause_of


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    built = open_world(tmp_path)
    yield built
    await built.aclose()


def _since(world: World, window: str) -> datetime:
    return world.clock.now() - WINDOWS[window]


async def _scan(world: World, window: str = "7d", scope: ScanScope | None = None) -> FailureScan:
    scan = FailureScan(world.service, scope or ScanScope(), _since(world, window))
    async for _ in scan.run():
        pass
    return scan


def _failed_in_store(world: World, since: datetime) -> dict[str, str]:
    """job id -> error of every failed job since `since`, read from the emulator's store."""
    return {
        job["id"]: job["error"]
        for log in world.emu.store.main.jobs.values()
        for job in log.jobs
        if job["status"] == "failed" and job["_t"] >= since.timestamp()
    }


# causes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Invalid subsidiary reference key 7 for entity 1843.",
            "Invalid subsidiary reference key 12 for entity 2210.",
        ),
        ("Worker reference 'W-4411' is invalid.", 'Worker reference "W-9" is invalid.'),
        ("Job j-AbC12345-x9Yz01 timed out", "Job j-ZZZ99999-aaaaaa timed out"),
        ("No user ann@acme.example", "No user bob.lee@globex.example.com"),
        (
            "Request 1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b failed",
            "Request 00000000-0000-0000-0000-000000000000 failed",
        ),
    ],
)
def test_what_varies_between_occurrences_does_not_split_a_cause(first: str, second: str) -> None:
    assert cause_of(first) == cause_of(second)


def test_different_errors_stay_different_causes() -> None:
    assert cause_of("channel_not_found") != cause_of("not_in_channel")
    assert cause_of("401 Unauthorized") != cause_of("403 Forbidden")
    assert cause_of("403 Forbidden: User Not Authorized") == "403 Forbidden: User Not Authorized"
    assert cause_of("Timed out after 403 seconds") == "Timed out after # seconds"
    assert cause_of(None) == cause_of("") == "(no error message)"


def test_the_inbox_counts_a_job_once_and_groups_biggest_first() -> None:
    def failed(job_id: str, error: str, recipe: int = 1) -> FailedJob:
        return FailedJob(recipe, f"R{recipe}", Job(id=job_id, error=error, status="failed"))

    inbox = FailureInbox()
    inbox.add([failed("a", "key 1 bad"), failed("b", "key 2 bad", 2), failed("c", "other")])
    inbox.add([failed("a", "key 1 bad")])
    [big, small] = inbox.groups()
    assert (big.cause, big.count, big.recipes) == ("key # bad", 2, ["R1", "R2"])
    assert (small.cause, small.count) == ("other", 1)
    assert len(inbox) == 3


# the scan ----------------------------------------------------------------------------------


async def test_the_week_groups_every_failed_job_by_its_cause(world: World) -> None:
    since = _since(world, "7d")
    expected = _failed_in_store(world, since)
    scan = await _scan(world)
    jobs = scan.inbox.jobs()
    assert {job.id: job.error for job in jobs} == expected
    groups = scan.inbox.groups()
    assert len(groups) >= 3
    assert len({job.recipe_id for job in jobs}) >= 5
    for group in groups:
        assert {cause_of(job.error) for job in group.jobs} == {group.cause}
    subsidiary = next(g for g in groups if g.cause == cause_of(SUBSIDIARY.format(a=1, b=2)))
    planted = {i.recipe for i in INCIDENTS if i.message == SUBSIDIARY}
    assert planted <= set(subsidiary.recipes)
    assert len({job.error for job in subsidiary.jobs}) > 1  # own numbers, one cause


async def test_the_scan_reads_only_recipes_that_can_have_failed_in_the_window(
    world: World,
) -> None:
    since = _since(world, "24h")
    store = world.emu.store.main
    candidates = {
        r["id"]
        for r in store.recipes.values()
        if r["job_failed_count"] and r["last_run_at"] and r["last_run_at"] >= since.isoformat()
    }
    with_failures = {job_id for job_id in _failed_in_store(world, since)}
    await _scan(world, "24h")
    requests = world.emu.store.requests
    listed = [r for r in requests if r.endpoint_id == "recipes.list"]
    jobs = [r for r in requests if r.endpoint_id == "jobs.list"]
    assert len(listed) == 1  # 17 recipes: one page
    assert sorted(r.path.split("/")[3] for r in jobs) == sorted(map(str, candidates))
    assert len(requests) == len(listed) + len(candidates)
    assert all(r.status == 200 for r in requests)
    assert with_failures  # the demo has failures in the last 24 hours


async def test_a_revisit_inside_the_ttl_costs_no_request(world: World) -> None:
    await _scan(world)
    before = len(world.emu.store.requests)
    again = await _scan(world)
    assert len(world.emu.store.requests) == before
    assert len(again.inbox) > 0


async def test_refresh_rereads_only_the_recipe_that_moved(world: World) -> None:
    scan = await _scan(world)
    ids = demo_ids(world.emu)
    store = world.emu.store
    recipe = store.main.recipes[ids.recipe]
    job = make_job(store, recipe, store.now(), "failed", store.rng)
    store.main.job_log(recipe["id"]).append(job)
    recipe["job_failed_count"] += 1
    recipe["last_run_at"] = job["started_at"]
    world.clock.advance(5)
    before = len(store.requests)
    async for _ in scan.run(refresh=True):
        pass
    new = [r.endpoint_id for r in store.requests[before:]]
    assert new == ["recipes.list", "jobs.list"]
    assert job["id"] in {j.id for j in scan.inbox.jobs()}


async def test_progress_streams_per_recipe_with_the_budget(world: World) -> None:
    scan = FailureScan(world.service, ScanScope(), _since(world, "7d"))
    steps = [step async for step in scan.run()]
    assert steps[-1].done and steps[-1].recipes_scanned == steps[-1].recipes_to_scan
    total = steps[-1].recipes_to_scan
    assert [s.recipes_scanned for s in steps[:-1]] == list(range(1, total + 1))
    assert steps[-1].requests == len(world.emu.store.requests)
    assert steps[-1].budget is not None and steps[-1].budget.endpoint_id == "jobs.list"
    assert sum(len(s.found) for s in steps) == len(scan.inbox)


async def test_a_customer_scope_uses_the_embedded_jobs_endpoints(world: World) -> None:
    ids = demo_ids(world.emu)
    scan = await _scan(world, "7d", ScanScope(customer=str(ids.customer), label="customer"))
    endpoints = {r.endpoint_id for r in world.emu.store.requests}
    assert "jobs.list" not in endpoints
    customer = world.emu.store.customers[ids.customer].workspace
    since = _since(world, "7d").timestamp()
    expected = {
        job["id"]
        for log in customer.jobs.values()
        for job in log.jobs
        if job["status"] == "failed" and job["_t"] >= since
    }
    assert {job.id for job in scan.inbox.jobs()} == expected
    if expected:
        assert "customers.jobs.list" in endpoints


async def test_a_folder_scope_includes_its_subfolders(world: World) -> None:
    ids = demo_ids(world.emu)
    scan = await _scan(world, "7d", ScanScope(folder_id=ids.finance_folder, label="Finance Ops"))
    main = world.emu.store.main
    finance = {ids.finance_folder} | {
        f["id"] for f in main.folders.values() if f.get("parent_id") == ids.finance_folder
    }
    in_scope = {r["id"] for r in main.recipes.values() if r["folder_id"] in finance}
    assert scan.inbox.jobs()
    assert {job.recipe_id for job in scan.inbox.jobs()} <= in_scope


# repeats from the inbox --------------------------------------------------------------------


async def test_repeating_a_group_enqueues_each_master_job_once(world: World) -> None:
    scan = await _scan(world)
    group = scan.inbox.groups()[0]
    marked = group.jobs + group.jobs[:2]  # marked twice: still sent once
    plan = plan_repeats(marked, now=world.clock.now())
    assert plan.count == len(group.jobs) and not plan.skipped
    store = world.emu.store
    records = [store.main.job_log(job.recipe_id).get(job.id) for job in group.jobs]
    before = [record["_repeats"] for record in records if record is not None]
    start = len(store.requests)
    outcomes = await repeat_planned(world.service, plan)
    assert [record["_repeats"] for record in records if record] == [n + 1 for n in before]
    assert len(before) == len(group.jobs)
    assert all(o.enqueued for o in outcomes) and len(outcomes) == len(group.jobs)
    sent = [r for r in store.requests[start:] if r.endpoint_id == "jobs.repeat"]
    assert all(r.status == 200 for r in sent)
    assert len(sent) == sum(-(-len(js) // 25) for js in plan.batches.values())
    checked = await check_repeats(world.service, outcomes)
    assert all(o.status and o.status != "not found" for o in checked)


async def test_repeats_skip_repeat_jobs_old_jobs_and_exhausted_ones(world: World) -> None:
    now = world.clock.now()
    master = Job(id="j-master", master_job_id="j-master", started_at=now - timedelta(hours=2))
    repeat = Job(id="j-rep", master_job_id="j-master", started_at=now - timedelta(hours=1))
    old = Job(id="j-old", master_job_id="j-old", started_at=now - timedelta(days=31))
    tired = Job(id="j-tired", master_job_id="j-tired", started_at=now - timedelta(hours=3))
    jobs = [FailedJob(1, "R", job) for job in (master, repeat, old, tired)]
    plan = plan_repeats(jobs, now=now, repeats_of={"j-tired": 100})
    assert [job.id for job in plan.batches[(None, 1)]] == ["j-master"]
    reasons = {skip.job.id: skip.reason for skip in plan.skipped}
    assert "only master jobs" in reasons["j-rep"]
    assert "retention" in reasons["j-old"]
    assert "100 times" in reasons["j-tired"]


@pytest.mark.parametrize(
    ("text", "window"),
    [("90m", timedelta(minutes=90)), ("36h", timedelta(hours=36)), (" 3D ", timedelta(days=3))],
)
def test_a_custom_window_reads_minutes_hours_or_days(text: str, window: timedelta) -> None:
    assert parse_window(text) == window


@pytest.mark.parametrize("text", ["", "h", "0h", "-3d", "3w", "²d", "31d", "9999999999d", "3.5h"])
def test_a_window_that_is_not_one_is_refused(text: str) -> None:
    assert parse_window(text) is None
