"""Names are text, never markup (see test_markup_text.py): a project typed to `:compare`,
recipe and lookup table names on the code diff and row diff screens; a lookup table's name, columns
and cells in its editor, import and conflict screens; and Workato's words on the start-up
screens, where markup styles the template but the values are text (escape() lost `[$x]`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pilot_driver import widget_text
from pilot_world import COST_CENTERS
from textual.widgets import DataTable, Select, Static

from workato_tui.api.errors import Unauthorized
from workato_tui.emulator import ADMIN_TOKEN, DEV_TOKEN, TEST_TOKEN
from workato_tui.emulator.seed_envs import CHANGED_RECIPE, CHANGED_TABLE
from workato_tui.lookup.save import Conflict
from workato_tui.profiles_open import Profiles
from workato_tui.screens.code_diff import CodeDiffScreen
from workato_tui.screens.compare import CompareScreen
from workato_tui.screens.first_run import AuthErrorScreen, FirstRunScreen
from workato_tui.screens.lookup_conflict import ConflictScreen
from workato_tui.screens.lookup_import import ImportScreen
from workato_tui.screens.row_diff import RowDiffScreen
from workato_tui.service.demo_envs import DEMO_ENVIRONMENT_PROFILES, demo_environment_profile

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

MARKUP = "[/] [bold]x[/bold]"
TOKENS = {"demo": ADMIN_TOKEN, "demo-dev": DEV_TOKEN, "demo-test": TEST_TOKEN}
PROJECT = "Sales Ops"  # the project holding CHANGED_RECIPE


def named(text: str) -> str:
    return f"{text} {MARKUP}"


def title(d: Driver) -> str:
    return widget_text(d.app.screen.query_one(".screen-title", Static))


def _app(world: World) -> Any:
    """The app on demo-dev; `:compare demo` compares it with demo."""

    def opener(name: str) -> Any:
        return world.service(TOKENS[name], profile=demo_environment_profile(name))

    environments = {env: name for name, env in DEMO_ENVIRONMENT_PROFILES.items()}
    profiles = Profiles("demo-dev", list(TOKENS), opener, environments)
    return world.app(profiles.open("demo-dev"), profiles=profiles)


def _rename(world: World, kinds: tuple[str, ...], name: str) -> str:
    """Rename the assets called `name` in every environment; the new name."""
    for workspace in world.store.environments.values():
        for kind in kinds:
            for record in getattr(workspace, kind).values():
                if record["name"] == name:
                    record["name"] = named(name)
    return named(name)


async def _open_pair(d: Driver, project: str, asset: str) -> None:
    """`:compare demo PROJECT` (typed), then enter on the pair of `asset`."""
    await d.press("colon", *f"compare demo {project}", "enter")
    screen = await d.until_screen(CompareScreen)
    await d.until(lambda: screen.progress is not None and screen.progress.finished, "compare")
    assert title(d) == f" Compare demo-dev (here) with demo (there) · project {project}"
    table = screen.query_one(DataTable)
    wheres = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
    table.move_cursor(row=next(i for i, where in enumerate(wheres) if where.endswith(asset)))
    await d.press("enter")


async def test_compare_and_code_diff_show_project_and_recipe_names_as_typed(
    world: World,
) -> None:
    project = _rename(world, ("projects", "folders"), PROJECT)
    recipe = _rename(world, ("recipes",), CHANGED_RECIPE)
    async with world.run(_app(world)) as d:
        await _open_pair(d, project, recipe)
        screen = await d.until_screen(CodeDiffScreen)
        await d.settle()
        assert title(d) == f" Recipe code: {project}/Lead routing/{recipe}"
        columns = screen.query_one(DataTable).columns.values()
        assert [str(column.label) for column in columns] == ["demo-dev", "demo"]
        assert "changed line(s)" in widget_text(screen.query_one("#code-diff-summary", Static))


async def test_the_row_diff_shows_a_lookup_table_name_as_typed(world: World) -> None:
    table = _rename(world, ("lookup_tables",), CHANGED_TABLE)
    async with world.run(_app(world)) as d:
        await _open_pair(d, "Finance Ops", table)
        await d.until_screen(RowDiffScreen)
        await d.settle()
        assert title(d) == f" Lookup rows: Finance Ops/{table}"


def _rename_column(world: World, old: str, new: str) -> None:
    table = world.store.main.lookup_tables[world.table_id()]
    schema = json.loads(table["schema"])
    for column in schema:
        column["label"] = new if column["label"] == old else column["label"]
    table["schema"] = json.dumps(schema)
    for row in world.store.main.lookup_rows[world.table_id()].values():
        row["data"] = {new if k == old else k: v for k, v in row["data"].items()}


async def test_the_lookup_editor_shows_names_columns_and_cells_as_typed(world: World) -> None:
    """The editor itself drew text already (title and crumbs plain, the grid draws text);
    the import screen's key choice names the first column in a Select, which was markup."""
    code = named("code")
    _rename_column(world, "code", code)
    first = next(iter(world.stored()))
    world.store.main.lookup_rows[world.table_id()][first]["data"]["name"] = named("Finance")
    world.store.main.lookup_tables[world.table_id()]["name"] = table = named(COST_CENTERS)
    async with world.editor(table) as ed:
        await ed.settle()
        assert widget_text(ed.editor.query_one("#lookup-title", Static)).startswith(
            f"Lookup table: {table}  ·  "
        )
        assert widget_text(ed.editor.query_one("#lookup-crumbs", Static)).startswith(
            f"{table} › Rows"
        )
        assert ed.editor.grid.visible_rows[0]["name"] == named("Finance")
        await ed.edit(first, code, MARKUP)
        assert ed.status.startswith("1 pending change")
        assert world.stored(table)[first][code] != MARKUP  # staged, not sent
        await ed.press("i")
        screen = await ed.until_screen(ImportScreen)
        chosen = screen.query_one("#import-key", Select)
        assert widget_text(chosen.query_one("#label", Static)).endswith(f"else {code}")


async def test_a_conflict_names_its_columns_and_values_as_typed(world: World) -> None:
    column = named("owner")
    conflict = Conflict(
        key=1,
        name=named("CC-1000"),
        original={column: "Ana"},
        theirs={column: named("Ben")},
        yours={column: "Chen"},
        deleting=False,
    )
    async with world.run() as d:
        d.app.push_screen(ConflictScreen(conflict, [column]))
        screen = await d.until_screen(ConflictScreen)
        cells = widget_text(screen.query_one("#conflict-cells Static", Static))
        assert column in cells and named("Ben") in cells
        assert named("CC-1000") in widget_text(screen.query_one("#conflict-title", Static))


PROBLEM = "token_command for profile [prod] failed: [$HOME]/bin/pass [/] exited 1 \\"


async def test_the_start_up_screens_show_workatos_words_as_typed(world: World) -> None:
    error = Unauthorized(f"Unauthorized {MARKUP} [$x]", correlation_id="c-[/]")
    async with world.run() as d:
        d.app.push_screen(FirstRunScreen(PROBLEM))
        screen = await d.until_screen(FirstRunScreen)
        shown = widget_text(screen.query_one("#panel Static", Static))
        assert f"No Workato API token was found ({PROBLEM})." in shown
        assert "Welcome to workato-tui" in shown and "[b]" not in shown  # the template's style
        d.app.push_screen(AuthErrorScreen(named("PROD"), error))
        screen = await d.until_screen(AuthErrorScreen)
        shown = widget_text(screen.query_one("#panel Static", Static))
        assert shown.startswith(f"Workato refused the token of profile {named('PROD')} (401)")
        assert error.message in shown and "Correlation id: c-[/]" in shown
