"""Writes whose answer is lost, in the app: the form, a single stop, bulk and repeat never
send twice, say what happened (checked, or may have been applied), and never say retry."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_driver import Driver
from pilot_world import World, recipe_named
from textual.widgets import Input, Static

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.progress import BulkScreen, ResultScreen

NEW_RECIPE = "Nightly AR export"
RUNNING = [
    "Sync closed-won opportunities to NetSuite",
    "Route invoice approvals to Slack",
]


def finance_folder(world: World) -> int:
    return next(f["id"] for f in world.store.main.folders.values() if f["name"] == "Finance Ops")


def recipes_named(world: World, name: str) -> list[dict[str, object]]:
    return [r for r in world.store.main.recipes.values() if r["name"] == name]


async def open_new_recipe_form(d: Driver, world: World, name: str) -> FormScreen:
    await d.jump("recipes")
    await d.press("n")
    form = await d.until_screen(FormScreen)
    assert isinstance(form, FormScreen)
    form.query_one("#field-name", Input).value = name
    d.set_field("folder_id", finance_folder(world))
    return form


async def submit_and_confirm(d: Driver) -> None:
    await d.submit_form()
    await d.until_screen(ConfirmScreen)
    await d.confirm()


@pytest.mark.parametrize("fault", [("drop-after", None), ("hang-after", 50.0)])
async def test_a_new_recipe_whose_answer_is_lost_is_found_not_made_twice(
    tmp_path: Path, fault: tuple[str, float | None]
) -> None:
    world = World(tmp_path)
    world.emu.faults.add("/api/recipes", fault[0], fault[1], times=1, method="POST")
    async with world.run() as d:
        await open_new_recipe_form(d, world, NEW_RECIPE)
        await submit_and_confirm(d)
        await d.until_main()
        made = recipes_named(world, NEW_RECIPE)
        assert len(made) == 1
        assert d.messages[-1] == f"Create recipe: Created recipe {made[0]['id']} (stopped)."
    assert [r.status for r in world.sent("recipes.create")] == [200]


async def test_a_new_recipe_dropped_before_it_landed_says_so_and_is_sent_once_more(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    world.emu.faults.add("/api/recipes", "drop", times=1, method="POST")
    async with world.run() as d:
        form = await open_new_recipe_form(d, world, NEW_RECIPE)
        await submit_and_confirm(d)
        error = form.query_one("#form-error", Static)
        await d.until(lambda: error.has_class("-shown"), "the form's error")
        text = str(error.render())
        assert "lost its answer" in text and "Checked: no recipe named" in text
        assert "sending it again is safe" in text and "Correlation id: " in text
        assert "then retry" not in text
        assert recipes_named(world, NEW_RECIPE) == []
        await submit_and_confirm(d)  # sent again, as offered
        await d.until_main()
    assert len(recipes_named(world, NEW_RECIPE)) == 1


async def test_an_empty_required_name_says_so_at_the_field_in_view(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run(size=(100, 20)) as d:
        form = await open_new_recipe_form(d, world, "")
        scroller = form.query_one("#form")
        scroller.scroll_end(animate=False)  # the user is at the bottom, by the buttons
        await d.pilot.pause()
        await d.submit_form()
        await d.pilot.pause()
        await d.pilot.pause()
        box = form.query_one("#error-name", Static)
        assert box.has_class("-shown") and str(box.render()) == "Name is required."
        assert form.focused is form.query_one("#field-name")
        region = box.region
        assert scroller.region.contains_region(region), "the error is on screen"
        assert isinstance(d.app.screen, FormScreen)  # not sent
    assert world.sent("recipes.create") == []


async def test_a_dropped_stop_rereads_the_recipe_and_says_stopped(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe = recipe_named(world.store, NETSUITE_SYNC)
    world.emu.faults.add(f"/api/recipes/{recipe['id']}/stop", "drop-after", method="PUT")
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.press("x")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_main()
        assert d.messages[-1] == f"Stop recipe: Stopped: {NETSUITE_SYNC}"
        assert not any("retry" in m for m in d.messages)
    assert recipe["running"] is False
    assert len(world.sent("recipes.stop")) == 1


async def test_bulk_stop_with_a_lost_answer_reports_it_done_and_enter_shows_a_result(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    world.emu.faults.add("/api/recipes/*/stop", "drop-after", times=1, method="PUT")
    async with world.run() as d:
        await d.jump("recipes")
        await d.mark(lambda r: r.name in RUNNING)
        await d.press("x")
        await d.confirm_bulk()
        await d.press("enter")
        result = await d.until_screen(ResultScreen)
        assert isinstance(result, ResultScreen) and result.text.endswith(": done")
        await d.press("escape")
        await d.close_bulk()
        assert [r.result for r in d.bulk_rows] == ["ok", "ok"]
        assert d.bulk_status.startswith("Done: 2 succeeded, 0 failed.")
    assert all(recipe_named(world.store, name)["running"] is False for name in RUNNING)
    assert len(world.sent("recipes.stop")) == 2


async def test_bulk_results_show_an_uncertain_one_in_full(tmp_path: Path) -> None:
    """A lost answer whose check cannot run (the re-read fails) shows as uncertain, whole,
    with its correlation id; nothing is sent again."""
    world = World(tmp_path)
    world.emu.faults.add("/api/recipes/*/stop", "drop-after", times=1, method="PUT")
    world.emu.faults.add("/api/recipes/*", "error500", method="GET")  # the check cannot read
    async with world.run() as d:
        await d.jump("recipes")
        await d.mark(lambda r: r.name in RUNNING)
        await d.press("x")
        screen = await d.confirm_bulk()
        detail = str(screen.query_one("#bulk-detail", Static).render())
        assert "may have been applied" in detail and "Correlation id: " in detail
        await d.close_bulk()
        assert [r.result for r in d.bulk_rows] == ["uncertain", "ok"]
        assert "1 may have been applied (not resent)" in d.bulk_status
    assert len(world.sent("recipes.stop")) == 2


async def test_repeat_after_a_drop_reports_the_enqueued_jobs_and_repeats_none_twice(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    recipe = recipe_named(world.store, NETSUITE_SYNC)
    log = world.store.main.job_log(recipe["id"]).jobs
    newest = [j["id"] for j in reversed(log) if j["master_job_id"] == j["id"]][:3]
    world.emu.faults.add("/api/recipes/*/repeat_jobs", "drop-after", times=1, method="POST")
    repeats_before = sum(j["is_repeat"] for j in log)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.jump("jobs")
        await d.mark(lambda r: r.id in newest)
        await d.press("r")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.close_bulk(expect=True)
        assert [r.result for r in d.bulk_rows] == ["ok"] * 3
        assert all(": enqueued as j-" in r.message for r in d.bulk_rows)
    repeats = [j for j in log if j["is_repeat"]][repeats_before:]
    assert sorted(j["master_job_id"] for j in repeats) == sorted(newest)  # once each
    assert len(world.sent("jobs.repeat")) == 1


async def test_repeat_through_a_429_storm_shows_the_wait_and_fails_none(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe = recipe_named(world.store, NETSUITE_SYNC)
    log = world.store.main.job_log(recipe["id"]).jobs
    newest = [j["id"] for j in reversed(log) if j["master_job_id"] == j["id"]][:3]
    world.emu.faults.add("/api/recipes/*/repeat_jobs", "storm429", 3, times=5, method="POST")
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.jump("jobs")
        await d.mark(lambda r: r.id in newest)
        await d.press("r")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        screen = await d.close_bulk(expect=True)
        assert isinstance(screen, BulkScreen)
        assert screen.waits == ["waiting 3 s: repeat_jobs 1/s"] * 5
        assert [r.result for r in d.bulk_rows] == ["ok"] * 3
    sent = [r for r in world.store.requests if r.path.endswith("/repeat_jobs")]
    assert [r.status for r in sent] == [429] * 5 + [200]
