"""Bulk writes on marked rows: paced inside the quota on the fake clock, results per item."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World, recipe_named

from workato_tui.api.endpoints import endpoint
from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen

STOPPED_OK = [
    "Load Zendesk ticket metrics into Snowflake",
    "Month-end revenue reconciliation",
    "Notify account owners 90 days before renewal",
]
UNAUTHORIZED = "Escalate urgent Zendesk tickets to Jira"  # its Zendesk connection failed


async def test_bulk_start_waits_for_the_quota_and_reports_each_recipe(tmp_path: Path) -> None:
    world = World(tmp_path)
    service = world.service()
    start = endpoint("recipes.start")
    for _ in range(start.quota.limit - 2):  # earlier starts used most of this minute's budget
        await service.client.limiter.acquire(start)
    names = [*STOPPED_OK, UNAUTHORIZED]
    async with world.run(service=service) as d:
        await d.jump("recipes")
        marked = await d.mark(lambda r: r.name in names)
        assert sorted(r.name for r in marked) == sorted(names)
        await d.press("t")
        await d.until_screen(ConfirmScreen)
        assert "Start recipe (4 items)?" in d.screen_text()
        await d.confirm()
        await d.close_bulk(expect=True)
        shown = d.bulk_rows
        assert d.bulk_status.startswith("Done: 3 succeeded, 1 failed.")
        await d.until_main()
        assert d.table.marked_keys == frozenset()  # marks clear after the bulk action
        assert d.messages[-1] == "Start recipe: 3 succeeded, 1 failed"

    order = [r.name for r in marked]
    assert [row.message.split(":")[0] for row in shown] == order
    failed = [row for row in shown if row.result == "failed"]
    assert [row.message.split(":")[0] for row in failed] == [UNAUTHORIZED]
    assert (
        "step 1 (zendesk): connection not authorized; authorize 'Zendesk (support)' or switch "
        "the step's connection" in failed[0].message
    )
    for name in STOPPED_OK:
        assert recipe_named(world.store, name)["running"] is True
    assert recipe_named(world.store, UNAUTHORIZED)["running"] is False

    sent = [t for t in world.timed if t.method == "PUT" and t.path.endswith("/start")]
    assert [round(t.at) for t in sent] == [0, 0, 60, 60]  # the last two waited for the window
    assert world.clock.monotonic() >= start.quota.per_seconds
    assert all(r.status != 429 for r in world.store.requests)


async def test_repeat_of_many_failed_jobs_goes_in_batches_with_a_result_per_job(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    recipe = recipe_named(world.store, NETSUITE_SYNC)
    failed = {
        j["id"] for j in world.store.main.job_log(recipe["id"]).jobs if j["status"] == "failed"
    }
    assert 25 < len(failed) <= 50
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.jump("jobs")
        await d.filter("failed")
        assert {r.id for r in d.rows} == failed
        marked = await d.mark(lambda r: True)
        assert len(marked) == len(failed)
        await d.press("r")
        await d.until_screen(ConfirmScreen)
        assert f"Repeat job ({len(failed)} items)?" in d.screen_text()
        assert "Sent in 2 request(s) of at most 25, one per second." in d.screen_text()
        assert world.sent("jobs.repeat") == []
        await d.confirm()
        await d.close_bulk(expect=True)
        shown = d.bulk_rows
        await d.until_main()

    requests = world.sent("jobs.repeat")
    batches = [r.body["job_ids"] for r in requests]
    assert [len(b) for b in batches] == [25, len(failed) - 25]
    assert [j for b in batches for j in b] == [r.id for r in marked]
    stamps = [t.at for t in world.timed if t.path.endswith("/repeat_jobs")]
    assert len(stamps) == 2 and stamps[1] - stamps[0] >= 1.0

    assert len(shown) == len(failed)
    assert [row.message.split(":")[0] for row in shown] == [r.id for r in marked]
    enqueued = [row for row in shown if row.result == "ok"]
    refused = [row for row in shown if row.result == "failed"]
    assert enqueued and refused  # the demo's oldest failed jobs are past retention
    assert all(": enqueued as j-" in row.message for row in enqueued)
    assert all("err.job.repeat.trigger_data_unavailable.expired" in row.message for row in refused)
    log = world.store.main.job_log(recipe["id"]).jobs
    repeats = {j["master_job_id"] for j in log if j["is_repeat"] and j["status"] == "pending"}
    assert len(repeats) == len(enqueued)
