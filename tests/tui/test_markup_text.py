"""Names and messages from the workspace are text, never markup (Textual parses a str given to
Static, Label, Select or a DataTable cell as markup): a name with `[/]` crashed the screen that
showed it, and `[bold]x[/bold]` lost its brackets. Each test gives seeded data such a name,
drives the screen that shows it and reads back the literal text.

Detail screens (job, recipe, its JSON), the failures inbox, forms, the confirm modal, the
token screen, freezes and messages here; compare and the diffs, the lookup editor and the
start-up screens in test_markup_text_more.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pilot_driver import widget_text
from textual.widgets import Button, Label, Select, Static

from workato_tui.api.models import Recipe
from workato_tui.screens.confirm import Confirmation, ConfirmScreen
from workato_tui.screens.failures import FailuresScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.freezes import FreezesScreen
from workato_tui.screens.job_detail import JobScreen
from workato_tui.screens.json_view import JsonScreen
from workato_tui.screens.messages import MessagesScreen
from workato_tui.screens.token import TokenScreen
from workato_tui.service.freeze import FreezeStore, new_freeze

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

MARKUP = "[/] [bold]x[/bold]"  # `[/]` fails to parse; `[bold]` would be eaten


def named(text: str) -> str:
    return f"{text} {MARKUP}"


def shown(widget: Static) -> str:
    """A widget's text as drawn (rendering it parses any markup it was given)."""
    return widget_text(widget)


def title(d: Driver) -> str:
    return shown(d.app.screen.query_one(".screen-title", Static))


def _stopped_recipe(world: World) -> dict[str, Any]:
    return next(
        r
        for r in sorted(world.store.main.recipes.values(), key=lambda r: r["id"])
        if not r["running"] and world.store.main.job_log(r["id"]).jobs
    )


async def test_a_job_title_and_master_job_show_as_typed(world: World) -> None:
    recipe = _stopped_recipe(world)
    job = world.store.main.job_log(recipe["id"]).jobs[-1]
    job["title"] = named("Sync order")
    job["master_job_id"] = "j-[/]"
    async with world.run() as d:
        await d.open_recipe(recipe["name"])
        d.move_to(lambda r: r.id == job["id"])
        await d.press("enter")
        await d.until_screen(JobScreen)
        await d.settle()
        assert title(d) == f" Job {job['id']}: {named('Sync order')}"
        assert "j-[/]" in d.text  # the summary's fields


async def test_a_recipe_name_and_author_show_as_typed_on_its_screen(world: World) -> None:
    recipe = _stopped_recipe(world)
    recipe["name"] = name = named("Leads")
    recipe["version_author_name"] = recipe["author_name"] = author = named("Ana")
    async with world.run() as d:
        screen = await d.open_recipe(name)
        assert title(d) == f" Recipe {recipe['id']}: {name}"
        assert author in d.text  # the fields grid
        await d.press("v")  # the versions table (a Rich table: str cells are markup too)
        await d.settle()
        assert author in shown(screen.query_one("#versions-table", Static))
        await d.press("y")
        await d.until_screen(JsonScreen)
        assert title(d) == f" Recipe {name}  (raw JSON)"


async def test_a_failure_cause_shows_as_typed_in_the_inbox_title(world: World) -> None:
    cause = named("Invalid payload")
    failed = [
        job
        for log in world.store.main.jobs.values()
        for job in log.jobs
        if job["status"] == "failed" and job["_t"] >= world.clock.now().timestamp() - 3600 * 24
    ]
    for job in failed:
        job["error"] = cause
    async with world.run() as d:
        d.app.screen.jump("failures")  # type: ignore[attr-defined]
        screen = await d.until_screen(FailuresScreen)
        await d.settle()
        assert [row.cause for row in screen.table.visible_rows] == [cause]
        await d.press("enter")
        assert title(d).endswith(f" · {cause}")


async def test_a_window_typed_with_brackets_is_refused_as_typed(world: World) -> None:
    async with world.run() as d:
        d.app.screen.jump("failures")  # type: ignore[attr-defined]
        await d.until_screen(FailuresScreen)
        await d.settle()
        await d.press("W")
        await d.until(lambda: type(d.app.screen).__name__ == "WindowPrompt", "the prompt")
        await d.type(MARKUP)
        await d.press("enter")
        error = shown(d.app.screen.query_one("#window-error", Label))
        assert error.startswith(f"{MARKUP!r} is not a window")


async def test_the_edit_form_shows_a_recipe_and_its_folder_as_typed(world: World) -> None:
    recipe = _stopped_recipe(world)
    recipe["name"] = name = named("Leads")
    folder = world.store.main.folders[recipe["folder_id"]]
    folder["name"] = folder_name = named("Archive")
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.press("e")
        form = await d.until_screen(FormScreen)
        await d.pilot.pause()
        assert shown(form.query_one("#form-title", Label)) == f"Edit {name}"
        chosen = form.query_one("#field-folder_id", Select)
        assert chosen.value == recipe["folder_id"]  # the folder's path, shown in the select
        assert folder_name in shown(chosen.query_one("#label", Static))


async def test_the_confirm_modal_shows_its_action_and_items_as_typed(world: World) -> None:
    confirmation = Confirmation(
        action=named("Start"),
        items=(named("Leads"),),
        profile=named("PROD"),
        effect="Starts it.",
        endpoint="PUT /api/recipes/1/start",
    )
    async with world.run() as d:
        d.app.push_screen(ConfirmScreen(confirmation))
        screen = await d.until_screen(ConfirmScreen)
        assert shown(screen.query_one("#title", Label)) == f"{named('Start')}?"
        assert str(screen.query_one("#confirm", Button).label) == named("Start")
        text = d.text
        assert f"• {named('Leads')}" in text and f"Profile: {named('PROD')}" in text


async def test_a_new_clients_name_shows_as_typed_with_its_token(world: World) -> None:
    role = next(iter(world.store.client_roles.values()))
    role.name = role_name = named("Deployers")
    async with world.run() as d:
        await d.jump("api-clients")
        await d.press("n")
        await d.until_screen(FormScreen)
        d.set_field("name", name := named("CI"))
        d.set_field("role", role.id)
        await d.pilot.pause()
        chosen = d.form.query_one("#field-role", Select)
        assert shown(chosen.query_one("#label", Static)).startswith(role_name)
        d.set_field("all_folders", True)
        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_screen(TokenScreen)
        assert f"New token for API client {name!r}" in d.screen_text()


async def test_an_unfinished_freeze_names_its_folder_as_typed(world: World) -> None:
    running = [Recipe.model_validate(r) for r in world.store.main.recipes.values() if r["running"]]
    scope = named("Finance Ops")
    record = new_freeze(running[:2], profile="demo", scope=scope, now=world.clock.now())
    FreezeStore(world.paths.freezes_dir("demo")).save(record)
    async with world.run() as d:
        screen = await d.until_screen(FreezesScreen)  # offered at start: it did not finish
        status = shown(screen.query_one("#freezes-status", Static))
        assert status.startswith(f"The {record.state} of {scope} (")


async def test_messages_show_as_typed(world: World) -> None:
    """Already plain before (the notices table draws text; the whole message is a plain
    Static): kept so a later change to the screen cannot make them markup."""
    async with world.run() as d:
        d.app.notify(named("Saved"), title=named("Leads"))
        await d.press("colon", *"messages", "enter")
        screen = await d.until_screen(MessagesScreen)
        assert shown(screen.query_one("#message-whole", Static)) == (
            f"{named('Leads')}\n{named('Saved')}"
        )
