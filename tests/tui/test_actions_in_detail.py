"""Actions where you are (issue 11 #15): recipe detail starts, stops, edits, copies, deletes a
recipe and repeats its jobs; job detail repeats and resumes its job and copies its web URL.
Each is confirmed, blocked in read-only mode and by the row's state, and checked in the
emulator's stored state after confirming."""

from __future__ import annotations

from pathlib import Path

from pilot_driver import Driver, widget_text
from pilot_world import World, recipe_named
from textual.screen import Screen
from textual.widgets import Static

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.job_detail import JobScreen
from workato_tui.screens.main import MainScreen
from workato_tui.screens.recipe_detail import RecipeScreen

RUNNING = NETSUITE_SYNC
STOPPED = "Month-end revenue reconciliation"
PAUSED_IN = "Provision new hire accounts from Workday"  # a job waits on an approval


async def open_job(d: Driver, recipe: str, status: str) -> JobScreen:
    await d.open_recipe(recipe)
    row = d.move_to(lambda r: r.status == status)
    await d.press("enter")
    screen = await d.until_screen(JobScreen)
    await d.settle()
    assert screen.job.id == row.id  # type: ignore[attr-defined]
    return screen  # type: ignore[return-value]


def stored(world: World, name: str) -> dict[str, object]:
    return recipe_named(world.store, name)


# recipe detail -------------------------------------------------------------------------


async def test_recipe_detail_stops_then_starts_its_recipe(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        screen = await d.open_recipe(RUNNING)
        await d.press("x")
        confirm = await d.until_screen(ConfirmScreen)
        assert confirm.confirmation.items == (RUNNING,)  # type: ignore[attr-defined]
        await d.confirm()
        await d.until(lambda: not stored(world, RUNNING)["running"], "the stop")
        await d.until(lambda: screen.recipe.running is False, "the screen to reload")
        await d.press("t")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until(lambda: stored(world, RUNNING)["running"] is True, "the start")
        assert isinstance(d.app.screen, RecipeScreen)
    assert len(world.sent("recipes.stop")) == 1 and len(world.sent("recipes.start")) == 1


async def test_the_list_below_shows_a_stop_made_in_recipe_detail(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.open_recipe(RUNNING)
        await d.press("x")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until(lambda: not stored(world, RUNNING)["running"], "the stop")
        await d.press("escape")
        await d.until_screen(MainScreen)
        await d.settle()
        (row,) = [r for r in d.rows if r.name == RUNNING]
        assert row.running is False


async def test_recipe_detail_refuses_by_state_and_sends_nothing(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.open_recipe(RUNNING)
        for key, said in (("t", "already running"), ("e", "stop it first")):
            await d.press(key)
            await d.settle()
            assert not d.modal
            assert any(said in m and RUNNING in m for m in d.messages), d.messages
    assert world.sent("recipes.start") == [] and world.sent("recipes.update") == []
    assert stored(world, RUNNING)["running"] is True


async def test_recipe_detail_writes_are_blocked_read_only(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run(service=world.service(read_only=True)) as d:
        await d.open_recipe(RUNNING)
        for key in ("x", "D", "c"):
            await d.press(key)
            await d.settle()
            assert not d.modal, key
        assert any("read-only" in m.lower() for m in d.messages), d.messages
    assert world.sent("recipes.stop") == world.sent("recipes.delete") == []
    assert world.sent("recipes.copy") == []


async def test_recipe_detail_edits_a_stopped_recipe(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        screen = await d.open_recipe(STOPPED)
        await d.press("e")
        await d.until_screen(FormScreen)
        d.set_field("name", "Month-end reconciliation v2")
        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until(lambda: not d.modal, "the form to close")
        await d.until(lambda: screen.recipe.name == "Month-end reconciliation v2", "reload")
    assert recipe_named(world.store, "Month-end reconciliation v2")["id"]


async def test_recipe_detail_copies_into_the_folder_the_confirm_names(tmp_path: Path) -> None:
    world = World(tmp_path)
    before = len(world.store.main.recipes)
    async with world.run() as d:
        await d.open_recipe(STOPPED)
        await d.press("c")
        form = await d.until_screen(FormScreen)
        own = stored(world, STOPPED)["folder_id"]
        options = form.fields[0].options  # type: ignore[attr-defined]
        path, folder_id = next((p, i) for p, i in options if i != own and " / " in p)
        d.set_field("folder_id", folder_id)
        await d.submit_form()
        confirm = await d.until_screen(ConfirmScreen)
        assert f"Copy into: {path}" in confirm.confirmation.details  # type: ignore[attr-defined]
        await d.confirm()
        await d.until(lambda: len(world.store.main.recipes) == before + 1, "the copy")
    copies = [r for r in world.store.main.recipes.values() if r["folder_id"] == folder_id]
    assert any(STOPPED in r["name"] for r in copies)


async def test_recipe_detail_deletes_after_the_typed_name_and_goes_back(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe_id = stored(world, STOPPED)["id"]
    async with world.run() as d:
        await d.open_recipe(STOPPED)
        await d.press("D")
        await d.until_screen(ConfirmScreen)
        await d.confirm(STOPPED)
        await d.until(lambda: isinstance(d.app.screen, MainScreen), "back to the list")
        await d.settle()
        assert recipe_id not in {r.id for r in d.rows}
    assert recipe_id not in world.store.main.recipes


async def test_recipe_detail_repeats_the_marked_jobs(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe_id = int(stored(world, RUNNING)["id"])  # type: ignore[call-overload]
    log = world.store.main.job_log(recipe_id)
    async with world.run() as d:
        await d.open_recipe(RUNNING)
        masters = [r for r in d.rows if r.status == "failed" and r.master_job_id in (None, r.id)]
        recent = [r.id for r in masters][:3]
        marked = await d.mark(lambda r: r.id in recent)
        before = {j.id: log.get(j.id)["_repeats"] for j in marked}  # type: ignore[index]
        await d.press("r")
        await d.confirm_bulk()
        await d.close_bulk()
    assert len(marked) == 3
    for job_id, repeats in before.items():
        assert log.get(job_id)["_repeats"] == repeats + 1  # type: ignore[index]
    assert len(world.sent("jobs.repeat")) == 1


# job detail ----------------------------------------------------------------------------


async def test_job_detail_repeats_its_job(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe_id = int(stored(world, RUNNING)["id"])  # type: ignore[call-overload]
    async with world.run() as d:
        screen = await open_job(d, RUNNING, "failed")
        log = world.store.main.job_log(recipe_id)
        before = log.get(str(screen.job.id))["_repeats"]  # type: ignore[index]
        await d.press("r")
        confirm = await d.until_screen(ConfirmScreen)
        assert confirm.confirmation.items == (str(screen.job.id),)  # type: ignore[attr-defined]
        await d.confirm()
        await d.close_bulk(expect=True)
        assert isinstance(d.app.screen, JobScreen)
    assert log.get(str(screen.job.id))["_repeats"] == before + 1  # type: ignore[index]


async def test_job_detail_resumes_only_a_paused_job(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await open_job(d, PAUSED_IN, "succeeded")
        await d.press("p")
        await d.settle()
        assert not d.modal
        assert any("only a paused (pending) job resumes" in m for m in d.messages), d.messages
        await d.press("escape")
        await d.until_screen(RecipeScreen)
        await d.press("escape")
        await d.until_screen(MainScreen)
        screen = await open_job(d, PAUSED_IN, "pending")
        await d.press("p")
        form = await d.until_screen(FormScreen)
        assert form.values()["token"] == "resume-7Qm2Xc9P-newhire-approval"  # type: ignore[attr-defined]
        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until(lambda: not d.modal, "the form to close")
    assert len(world.sent("jobs.resume")) == 1
    assert "resume-7Qm2Xc9P-newhire-approval" not in world.store.resume_tokens
    assert screen.job.status == "pending"


async def test_job_detail_resume_is_blocked_read_only(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run(service=world.service(read_only=True)) as d:
        await open_job(d, PAUSED_IN, "pending")
        await d.press("p")
        await d.settle()
        assert not d.modal
        assert any("read-only" in m.lower() for m in d.messages), d.messages
    assert world.sent("jobs.resume") == []


async def test_job_detail_copies_its_web_url(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        screen = await open_job(d, RUNNING, "failed")
        await d.press("u")
        recipe_id = stored(world, RUNNING)["id"]
        assert d.app.clipboard.endswith(f"/recipes/{recipe_id}/job/{screen.job.id}")
        assert any("Copied" in m for m in d.messages)


def key_enabled(screen: Screen[None], key: str) -> bool:
    active = screen.active_bindings.get(key)
    return active is not None and active.enabled


async def test_job_detail_after_a_resume_reads_the_job_afresh(tmp_path: Path) -> None:
    """After a resume, the screen reads the job again: resume is off (its token is spent)
    while it runs on, and the status shown is the job's as read afresh."""
    world = World(tmp_path)
    async with world.run() as d:
        screen = await open_job(d, PAUSED_IN, "pending")
        assert key_enabled(screen, "p")
        before = screen.job
        reads = len(world.sent("jobs.get"))
        await d.press("p")
        await d.until_screen(FormScreen)
        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until(lambda: screen.job is not before, "the job to be read afresh")
        await d.settle()
        assert len(world.sent("jobs.get")) > reads
        assert not key_enabled(screen, "p")
        await d.press("p")
        await d.settle()
        assert not d.modal
        assert any("resumed here" in m for m in d.messages), d.messages
        world.clock.advance(10)  # the emulator finishes a resumed job after 5 s
        await screen.writes.refresh()  # what the screen's follow-up read does
        await d.settle()
        assert screen.job.status == "succeeded"
        assert "succeeded" in widget_text(screen.query_one("#summary", Static))
        assert not key_enabled(screen, "p")
    assert len(world.sent("jobs.resume")) == 1


async def test_recipe_detail_after_a_stop_offers_start_not_stop(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        screen = await d.open_recipe(RUNNING)
        assert key_enabled(screen, "x") and not key_enabled(screen, "t")
        await d.press("x")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until(lambda: screen.recipe.running is False, "the recipe to be read afresh")
        await d.settle()
        assert key_enabled(screen, "t") and not key_enabled(screen, "x")
        assert "stopped" in widget_text(screen.query_one("#fields", Static))
