"""The failures inbox in the app: groups on screen, drill-down, repeat with confirm, refresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_driver import Driver
from pilot_world import World
from textual.widgets import Static

from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.failures import FailuresScreen
from workato_tui.service.failures import cause_of
from workato_tui.widgets.table import ResourceTable


def _table(d: Driver) -> ResourceTable:
    return d.app.screen.query_one("#failures-table", ResourceTable)


def _repeat(d: Driver, job: Any) -> str:
    """The REPEAT cell of a job row, as shown."""
    return next(c for c in _table(d).columns if c.key == "repeat").text(job)


def _text(d: Driver, selector: str) -> str:
    return str(d.app.screen.query_one(selector, Static).render())


async def _open(d: Driver, command: str = "failures") -> None:
    d.app.screen.jump(command)  # type: ignore[attr-defined]
    await d.until_screen(FailuresScreen)
    await d.settle()


def _failed_since(world: World, hours: float) -> dict[str, str]:
    since = world.clock.now().timestamp() - hours * 3600
    return {
        job["id"]: job["error"]
        for log in world.store.main.jobs.values()
        for job in log.jobs
        if job["status"] == "failed" and job["_t"] >= since
    }


def _repeats_of(world: World, masters: set[str]) -> list[str]:
    return [
        job["master_job_id"]
        for log in world.store.main.jobs.values()
        for job in log.jobs
        if job["is_repeat"] and job["master_job_id"] in masters
    ]


async def test_failures_opens_on_the_last_24_hours_grouped_by_cause(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await _open(d)
        expected = _failed_since(world, 24)
        rows = _table(d).visible_rows
        assert {row.cause for row in rows} == {cause_of(e) for e in expected.values()}
        assert sum(row.count for row in rows) == len(expected)
        assert [row.count for row in rows] == sorted((r.count for r in rows), reverse=True)
        status = _text(d, "#failures-status")
        assert "Scanned" in status and "requests" in status
        assert f"{len(expected)} failed jobs" in status


async def test_w_widens_the_window_and_enter_lists_a_groups_jobs(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await _open(d, "inbox")
        await d.press("w")  # 24h -> 7d
        await d.settle()
        assert "last 7d" in _text(d, "#failures-title")
        expected = _failed_since(world, 24 * 7)
        assert sum(row.count for row in _table(d).visible_rows) == len(expected)
        first: Any = _table(d).current_row  # the cursor keeps its row while groups stream in
        await d.press("enter")
        jobs = _table(d).visible_rows
        assert len(jobs) == first.count
        assert {cause_of(row.error) for row in jobs} == {first.cause}
        assert first.cause in _text(d, "#failures-title")
        await d.press("enter")
        await d.until(lambda: type(d.app.screen).__name__ == "JobScreen", "the job screen")
        await d.press("escape")
        await d.until_screen(FailuresScreen)
        await d.press("escape")
        assert _table(d).current_row.cause == first.cause  # back on the groups


async def test_repeating_a_marked_group_confirms_then_enqueues_each_job_once(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await _open(d, "fj")
        group = _table(d).current_row
        masters = {job.id for job in group.jobs}
        sent_before = len(world.store.requests)
        await d.press("space", "r")
        await d.until_screen(ConfirmScreen)
        assert len(world.store.requests) == sent_before  # nothing sent before the confirmation
        assert f"Repeat {len(masters)} failed job(s)" in d.screen_text()
        await d.confirm()
        await d.close_bulk(expect=True)
        assert sorted(_repeats_of(world, masters)) == sorted(masters)
        assert all(row.result == "ok" for row in d.bulk_rows)
        assert any("enqueued" in m for m in d.messages)
        await d.until_screen(FailuresScreen)
        await d.press("enter")  # the group's jobs show their repeat
        assert all(_repeat(d, row).startswith("→ j-") for row in _table(d).visible_rows)
        world.clock.advance(120)  # the repeats run
        await d.press("ctrl+r")
        await d.settle()
        endings = {_repeat(d, row).split()[-1] for row in _table(d).visible_rows}
        assert endings and endings <= {"succeeded", "failed", "pending"}
        assert sorted(_repeats_of(world, masters)) == sorted(masters)  # refresh sent no repeat


async def test_cancelling_the_confirmation_sends_nothing(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await _open(d)
        await d.press("r")
        await d.until_screen(ConfirmScreen)
        await d.press("escape")
        await d.until_screen(FailuresScreen)
        assert world.sent("jobs.repeat") == []


async def test_read_only_says_why_and_sends_no_repeat(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run(service=world.service(read_only=True)) as d:
        await _open(d)
        await d.press("r")
        await d.settle()
        assert isinstance(d.app.screen, FailuresScreen)
        assert any("read-only" in m.lower() for m in d.messages)
        assert world.sent("jobs.repeat") == []


async def test_w_shift_asks_for_a_custom_window(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await _open(d)
        await d.press("W")
        await d.until(lambda: type(d.app.screen).__name__ == "WindowPrompt", "the prompt")
        await d.type("2x")
        await d.press("enter")
        assert "not a window" in d.screen_text()
        await d.press("backspace", "d", "enter")
        await d.until_screen(FailuresScreen)
        await d.settle()
        assert "last 2d" in _text(d, "#failures-title")
        expected = _failed_since(world, 48)
        assert sum(row.count for row in _table(d).visible_rows) == len(expected)


async def test_from_a_customer_the_inbox_reads_that_customers_jobs(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("customers")
        customer = d.move_to(lambda r: True)
        sent_before = len(world.store.requests)
        await _open(d)
        assert str(customer.name) in _text(d, "#failures-title")
        used = {r.endpoint_id for r in world.store.requests[sent_before:]}
        assert "jobs.list" not in used and "recipes.list" not in used
        workspace = next(
            c.workspace for c in world.store.customers.values() if c.record["id"] == customer.id
        )
        since = world.clock.now().timestamp() - 24 * 3600
        expected = [
            j
            for log in workspace.jobs.values()
            for j in log.jobs
            if j["status"] == "failed" and j["_t"] >= since
        ]
        assert sum(row.count for row in _table(d).visible_rows) == len(expected)
        if expected:
            assert "customers.jobs.list" in used
