"""Each key of the main screen, the recipe and job screens, and the JSON view."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.command import CommandList, CommandPalette

from workato_tui.api.models import connection_state
from workato_tui.emulator.jobgen import job_lines
from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.service.tokens import fingerprint as _fingerprint
from workato_tui.views import find_view
from workato_tui.widgets.folder_tree import FolderTree
from workato_tui.widgets.job_steps import StepList

ADMIN_IDENTITY = _fingerprint("demo-admin-token", "http://127.0.0.1")  # the demo admin's snapshot

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World


def _connections_matching(world: World, word: str) -> set[str]:
    """Connections whose shown text (name, app, status, folder, error) contains `word`, any
    case. The FOLDER column names a project's folder (the projects are read; the tree has
    opened no sub-folder, so theirs show as ids)."""
    found = set()
    folders = world.emu.store.main.folders
    for connection in world.emu.store.main.connections.values():
        fields = ("name", "application", "authorization_error")
        shown = [str(connection.get(f) or "") for f in fields]
        shown.append(connection_state(connection["authorization_status"]))  # the STATUS column
        folder = folders.get(connection["folder_id"])
        named = folder is not None and folder["is_project"]
        shown.append(folder["name"] if named else str(connection["folder_id"]))
        text = " ".join(shown).lower()
        if word.lower() in text:
            found.add(connection["name"])
    return found


async def test_j_k_up_down_move_the_cursor(world: World) -> None:
    async with world.run() as ui:
        assert ui.table.has_focus and ui.table.cursor_row == 0
        await ui.press("j", "j", "down")
        assert ui.table.cursor_row == 3
        await ui.press("k")
        assert ui.table.cursor_row == 2
        await ui.press("up", "up", "up")
        assert ui.table.cursor_row == 0  # clamped at the top
        await ui.press("G")
        assert ui.table.cursor_row == ui.table.row_count - 1
        await ui.press("g")
        assert ui.table.current_row == ui.table.visible_rows[0]


async def test_enter_opens_recipe_then_job_and_escape_goes_back(world: World) -> None:
    store = world.emu.store
    recipe = next(r for r in store.main.recipes.values() if r["name"] == NETSUITE_SYNC)
    async with world.run() as ui:
        ui.move_to(lambda r: r.id == recipe["id"])
        await ui.press("enter")
        assert ui.screen_name == "RecipeScreen"
        job = ui.rows[0]
        stored = store.main.jobs[recipe["id"]].get(job.id)
        assert stored is not None
        await ui.press("enter")
        assert ui.screen_name == "JobScreen"
        await _shows_the_job(ui, recipe, stored)
        await ui.press("escape")
        assert ui.screen_name == "RecipeScreen"
        await ui.press("escape")
        assert ui.screen_name == "MainScreen"
        assert ui.table.current_row is not None
        assert ui.table.current_row.id == recipe["id"]


async def _shows_the_job(ui: Driver, recipe: dict[str, Any], job: dict[str, Any]) -> None:
    text = ui.text
    assert f"Job {job['id']}: {job['title']}" in text
    assert job["status"] in text
    steps = ui.app.screen.query_one(StepList).labels
    for line, shown in zip(job_lines(recipe, job), steps, strict=True):
        assert line["adapter_name"] in shown and line["adapter_operation"] in shown
        assert "█" in shown  # the step's time bar
    assert f"http://127.0.0.1/recipes/{recipe['id']}/job/{job['id']}" in text
    await ui.press("y")
    assert ui.screen_name == "JsonScreen"
    assert f'"id": "{job["id"]}"' in ui.text
    await ui.press("escape")
    assert ui.screen_name == "JobScreen"


async def test_slash_filters_as_you_type_bang_inverts_escape_clears(world: World) -> None:
    names = {c["name"] for c in world.emu.store.main.connections.values()}
    total = len(names)
    async with world.run() as ui:
        await ui.jump("connections")
        await ui.press("slash", "S")
        assert ui.app.focused is ui.view.filter_input
        assert set(ui.column("name")) == _connections_matching(world, "s")
        await ui.press("L", "a")  # case-insensitive, narrowing as you type
        slack = _connections_matching(world, "sla")
        assert set(ui.column("name")) == slack and 0 < len(slack) < total
        assert f"[{len(slack)}/{total}]" in ui.crumbs and "filter: SLa" in ui.crumbs
        await ui.press("enter")  # keeps the filter, back to the table
        assert ui.table.has_focus and ui.table.row_count == len(slack)

        await ui.press("escape")  # first escape: clears the filter, stays in the view
        assert ui.view.spec is find_view("connections")
        assert ui.crumbs.startswith(f"Connections  [{total}]") and "filter" not in ui.crumbs

        await ui.press("slash", "!", "s", "l", "a")
        assert set(ui.column("name")) == names - slack
        assert f"[{total - len(slack)}/{total}]" in ui.crumbs
        await ui.press("escape", "escape")  # clear the filter, then back to recipes
        assert ui.view.spec is find_view("recipes")
        await ui.press("escape")  # nothing left to go back to
        assert ui.view.spec is find_view("recipes")


async def test_s_sorts_by_the_next_column_and_shift_s_reverses(world: World) -> None:
    recipes = world.emu.store.main.recipes.values()
    by_name = [r["id"] for r in sorted(recipes, key=lambda r: r["name"].casefold())]
    async with world.run() as ui:
        await ui.press("s")
        assert ui.column("id") == sorted(r["id"] for r in recipes)
        assert "sort: ID ▲" in ui.crumbs
        await ui.press("s")
        assert ui.column("id") == by_name
        await ui.press("S")
        assert ui.column("id") == by_name[::-1]
        assert "sort: NAME ▼" in ui.crumbs


async def test_ctrl_r_refreshes_from_the_api(world: World) -> None:
    async with world.run() as ui:
        before = len(world.requests("/api/recipes"))
        recipe = next(iter(world.emu.store.main.recipes.values()))
        recipe["name"] = "Renamed in Workato meanwhile"
        await ui.press("ctrl+r")
        assert len(world.requests("/api/recipes")) == before + 1
        assert "Renamed in Workato meanwhile" in ui.column("name")
        assert ui.table.total_count == len(world.emu.store.main.recipes)


async def test_question_mark_keys_and_ctrl_b_tree_toggle(world: World) -> None:
    async with world.run() as ui:
        await ui.press("question_mark")
        assert ui.screen_name == "KeysScreen"
        await ui.press("question_mark")
        assert ui.screen_name == "MainScreen"

        tree = ui.app.screen.query_one(FolderTree)
        assert tree.display  # wide terminal: shown
        await ui.press("ctrl+b")
        assert not tree.display
        assert ui.table.size.width == ui.app.size.width
        await ui.press("ctrl+b")
        assert tree.display


async def test_ctrl_p_palette_goes_to_a_view(world: World) -> None:
    async with world.run() as ui:
        await ui.jump("connections")
        await ui.press("ctrl+p")
        assert isinstance(ui.app.screen, CommandPalette)
        await ui.press(*"go recip")
        prompts = [str(o.prompt) for o in ui.app.screen.query_one(CommandList).options]
        assert prompts[0].startswith("Go to Recipes")
        await ui.press("enter")
        assert ui.screen_name == "MainScreen"
        assert ui.view.spec is find_view("recipes")
        assert ui.table.total_count == len(world.emu.store.main.recipes)


async def test_y_shows_the_highlighted_item_as_json(world: World) -> None:
    async with world.run() as ui:
        await ui.jump("connections")
        row = ui.move_to(lambda r: r.name == "Jira Cloud")
        await ui.press("y")
        assert ui.screen_name == "JsonScreen"
        assert f'"id": {row.id}' in ui.text and '"name": "Jira Cloud"' in ui.text
        await ui.press("escape")
        assert ui.screen_name == "MainScreen"
        assert ui.view.spec is find_view("connections")


async def test_ctrl_q_quits_and_saves_the_snapshot(world: World) -> None:
    app = world.app()
    async with world.run(app) as ui:
        await ui.pilot.press("ctrl+q")
        await ui.pilot.pause()
    assert app.return_code == 0
    assert app.service is not None and app.service.client.closed
    assert world.paths.snapshot_file("demo", ADMIN_IDENTITY).exists()
