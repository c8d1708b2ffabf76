"""The job screen shows each step's input, output and error (decisions #34): a failed job
opens on its failing step, masked and absent data say so, and it reads at 80x24 and 120x36."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from workato_tui.emulator.jobgen import job_lines
from workato_tui.emulator.routes import jobs as job_routes
from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.widgets.job_steps import StepList

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

NEW_HIRES = "Provision new hire accounts from Workday"
Row = dict[str, Any]


def _recipe(world: World, name: str) -> Row:
    return next(r for r in world.emu.store.main.recipes.values() if r["name"] == name)


def _latest(world: World, recipe: Row, status: str) -> Row:
    jobs = world.emu.store.main.job_log(recipe["id"]).jobs
    return next(j for j in reversed(jobs) if j["status"] == status)


def _latest_failed_post(world: World, recipe: Row) -> Row:
    """The newest job that failed at its Slack post (last night's NetSuite incident aside)."""
    jobs = world.emu.store.main.job_log(recipe["id"]).jobs
    return next(j for j in reversed(jobs) if j["error"] == "channel_not_found")


async def _open_job(ui: Driver, recipe: Row, job: Row) -> None:
    ui.move_to(lambda r: r.id == recipe["id"])
    await ui.press("enter")
    ui.move_to(lambda r: r.id == job["id"])
    await ui.press("enter")
    assert ui.screen_name == "JobScreen"


def _steps(ui: Driver) -> StepList:
    return ui.app.screen.query_one(StepList)


def _pane(ui: Driver) -> str:
    return " ".join(ui.text.split())


async def test_a_failed_job_opens_on_its_failing_step_with_error_and_input(
    world: World,
) -> None:
    recipe = _recipe(world, NETSUITE_SYNC)
    job = _latest_failed_post(world, recipe)
    lines = job_lines(recipe, job)
    failing = next(i for i, line in enumerate(lines) if line.get("error"))
    async with world.run() as ui:
        await _open_job(ui, recipe, job)
        steps = _steps(ui)
        assert steps.highlighted == failing and ui.app.focused is steps
        assert "✗ failed" in steps.labels[failing]
        text = _pane(ui)
        assert f"Step {failing}: slack" in text and "channel_not_found" in text
        assert "not available through the Developer API" not in text
        if not lines[failing]["mask_data"]:
            assert f'"channel": "{lines[failing]["input"]["channel"]}"' in text
            assert "(none: the step failed)" in text


async def test_moving_up_shows_the_trigger_record_as_pretty_json(world: World) -> None:
    recipe = _recipe(world, NETSUITE_SYNC)
    job = _latest(world, recipe, "succeeded")
    trigger = job_lines(recipe, job)[0]
    async with world.run() as ui:
        await _open_job(ui, recipe, job)
        await ui.press("k", "k", "k")
        assert _steps(ui).highlighted == 0
        text = ui.text
        if trigger["mask_data"]:
            assert "masked" in text
        else:
            assert '"StageName": "Closed Won"' in text  # one key a line: pretty JSON
            assert f'"Id": "{trigger["output"]["Id"]}"' in text
            assert "Input" in text and "Output" in text
        await ui.press("tab")
        assert isinstance(ui.app.focused, VerticalScroll)  # the step's data scrolls


async def test_a_masked_step_says_its_data_is_masked(world: World) -> None:
    recipe = _recipe(world, NEW_HIRES)  # Workday steps are always masked
    job = _latest(world, recipe, "succeeded")
    async with world.run() as ui:
        await _open_job(ui, recipe, job)
        await ui.press("home")
        text = _pane(ui)
        assert "Step 0: workday" in text and "data is masked" in text
        assert "masked" in _steps(ui).labels[0]


async def test_absent_step_data_is_said_plainly(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = job_routes.job_detail

    def without_data(recipe: Row, job: Row) -> Row:
        detail = original(recipe, job)
        for line in detail["lines"]:
            line.pop("input", None)
            line.pop("output", None)
            line["mask_data"] = False
        return detail

    monkeypatch.setattr(job_routes, "job_detail", without_data)
    recipe = _recipe(world, NETSUITE_SYNC)
    job = _latest(world, recipe, "succeeded")
    async with world.run() as ui:
        await _open_job(ui, recipe, job)
        text = _pane(ui)
        assert "Workato sent no input or output for this step" in text
        assert f"/recipes/{recipe['id']}/job/{job['id']}" in text


async def test_e_jumps_back_to_the_failing_step(world: World) -> None:
    recipe = _recipe(world, NETSUITE_SYNC)
    job = _latest_failed_post(world, recipe)
    async with world.run() as ui:
        await _open_job(ui, recipe, job)
        failing = _steps(ui).highlighted
        await ui.press("home")
        assert _steps(ui).highlighted == 0
        await ui.press("e")
        assert _steps(ui).highlighted == failing and "channel_not_found" in ui.text


def _failed_job_steps(world: World) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        ui = world.driver(pilot)
        await ui.settle()
        recipe = _recipe(world, NETSUITE_SYNC)
        await _open_job(ui, recipe, _latest_failed_post(world, recipe))
        await ui.settle()

    return run_before


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_failed_job_snapshot(snap_compare: Any, world: World, size: tuple[int, int]) -> None:
    assert snap_compare(world.app(), terminal_size=size, run_before=_failed_job_steps(world))


async def test_at_80x24_the_failing_steps_error_is_on_screen(world: World) -> None:
    recipe = _recipe(world, NETSUITE_SYNC)
    job = _latest_failed_post(world, recipe)
    async with world.run(size=(80, 24)) as ui:
        await _open_job(ui, recipe, job)
        pane = ui.app.screen.query_one("#step-detail", VerticalScroll)
        assert pane.region.height >= 8 and pane.region.bottom <= 23  # above the footer
        lines = ui.app.screen.query_one("#step-data").render_lines(pane.region.reset_offset)
        shown = "\n".join(line.text for line in lines)
        assert "Error" in shown and "channel_not_found" in shown
