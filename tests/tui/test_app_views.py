"""Every list view: reached by name and alias, showing what the emulator holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.emulator.store import Store
from workato_tui.views import VIEWS, find_view
from workato_tui.widgets.command_bar import CommandBar

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

# What each context-free view must show, read from the emulator's store: (key, values).
Expected = Callable[[Store], tuple[str, set[Any]]]
EXPECTED: dict[str, Expected] = {
    "recipes": lambda s: ("id", set(s.main.recipes)),
    "connections": lambda s: ("name", {c["name"] for c in s.main.connections.values()}),
    "lookup-tables": lambda s: ("name", {t["name"] for t in s.main.lookup_tables.values()}),
    "deployments": lambda s: ("id", set(s.main.deployments)),
    "project-roles": lambda s: ("name", {r["name"] for r in s.project_roles.values()}),
    "roles": lambda s: ("name", {r["name"] for r in s.roles.values()}),
    "api-clients": lambda s: (  # the admin token's environment (prod) lists its own clients
        "name",
        {c.record["name"] for c in s.api_clients.values() if c.environment is None},
    ),
    "on-prem": lambda s: ("name", {g["name"] for g in s.on_prem_groups.values()}),
    "activity": lambda s: ("id", {a["id"] for a in s.activity}),
    "customers": lambda s: ("name", {c.record["name"] for c in s.customers.values()}),
}

CONTEXT_FREE = [spec for spec in VIEWS if spec.needs is None and spec.follow is None]


def test_every_context_free_view_has_expected_rows() -> None:
    assert {spec.name for spec in CONTEXT_FREE} == set(EXPECTED)


async def test_every_view_shows_the_stores_rows(world: World) -> None:
    async with world.run() as ui:
        for spec in CONTEXT_FREE:
            key, expected = EXPECTED[spec.name](world.emu.store)
            await ui.jump(spec.name)
            assert ui.view.spec is spec
            assert ui.crumbs.startswith(f"{spec.title}  [{len(expected)}]"), spec.name
            assert set(ui.column(key)) == expected, spec.name
            assert ui.table.total_count == len(expected)
            assert ui.table.error_text is None
            await ui.jump(spec.aliases[0])  # an alias reaches the same, already shown view
            assert ui.view.spec is spec and ui.table.total_count == len(expected)


def test_every_alias_opens_a_view_that_declares_it() -> None:
    for spec in VIEWS:
        assert find_view(spec.name) is spec
        for alias in spec.aliases:
            found = find_view(alias)
            assert found is not None and alias in found.aliases, alias


def test_no_alias_is_shared_by_two_views() -> None:
    aliases = [alias for spec in VIEWS for alias in spec.aliases]
    assert sorted(a for a in set(aliases) if aliases.count(a) > 1) == []


async def test_colon_bar_types_a_view_name_or_alias(world: World) -> None:
    """The typed path; every name and alias is checked through `jump` above (typing one
    costs ~70 ms a key)."""
    async with world.run() as ui:
        assert not ui.app.screen.query(CommandBar)  # mounted by the first ':', not at start
        await ui.pilot.press("colon", "c", "o")
        bar = ui.app.screen.query_one(CommandBar)
        assert bar.has_focus and bar.has_class("-active") and bar.value == "co"
        await ui.press("escape")
        assert not bar.has_class("-active") and bar.value == ""
        assert ui.view.spec is find_view("recipes")

        await ui.goto("roles")
        assert ui.view.spec is find_view("roles")
        assert ui.table.total_count == len(world.emu.store.roles)
        await ui.goto("lt")
        assert ui.view.spec is find_view("lookup-tables")
        assert not bar.has_class("-active")


async def test_views_that_need_a_pick_and_unknown_names_warn(world: World) -> None:
    hints = {
        "jobs": "Pick a recipe first",
        "rows": "Pick a lookup table first",
        "customer-recipes": "Pick a customer first",
    }
    async with world.run() as ui:
        await ui.jump("connections")
        for name, hint in hints.items():
            await ui.jump(name, arrive=False)
            assert ui.view.spec is find_view("connections")
            assert any(hint in m for m in ui.messages), name
        await ui.jump("nonsense", arrive=False)
        assert ui.view.spec is find_view("connections")
        assert any("No view named 'nonsense'" in m for m in ui.messages)


async def test_admin_views_show_derived_columns(world: World) -> None:
    store = world.emu.store
    async with world.run() as ui:
        await ui.jump("on-prem")
        for row in ui.rows:
            agents = store.on_prem_agents[row.id]
            active = sum(a["status"] == "active" for a in agents)
            assert (row.active_agents, row.total_agents) == (active, len(agents))
            assert row.status == ("active" if active else "inactive")
        groups = {r.name: r for r in ui.rows}
        assert groups["Finance SFTP bridge"].status == "inactive"
        assert "dc-east-agent-03 (inactive)" in ui.cell(groups["Datacenter East"], "agents")

        await ui.jump("api-clients")
        scope = {r.name: ui.cell(r, "scope") for r in ui.rows}
        assert scope["Admin console"] == "all projects"
        assert scope["Finance automation"] == "1 project(s)"

        await ui.jump("roles")
        summary = {r.name: ui.cell(r, "privilege_summary") for r in ui.rows}
        assert summary["Operator role"] == "Recipes: read, start, stop; Jobs: read, repeat"


async def test_customer_recipes_and_their_jobs(world: World) -> None:
    store = world.emu.store
    globex = next(c for c in store.customers.values() if c.record["name"].startswith("Globex"))
    async with world.run() as ui:
        await ui.jump("customers")
        ui.move_to(lambda r: r.id == globex.record["id"])
        await ui.press("enter")
        assert ui.view.spec is find_view("customer-recipes")
        assert ui.crumbs.startswith("Globex Corporation › Customer recipes  [3]")
        assert set(ui.column("id")) == set(globex.workspace.recipes)
        recipe = ui.move_to(lambda r: r.name.startswith("Sync Globex"))
        await ui.press("enter")
        jobs = globex.workspace.jobs[recipe.id].jobs
        assert ui.view.spec is find_view("jobs")
        assert ui.crumbs.startswith(f"Globex Corporation › {recipe.name} › Jobs  [{len(jobs)}]")
        assert set(ui.column("id")) == {j["id"] for j in jobs}
        assert all(r.recipe_id == recipe.id for r in ui.rows)
        await ui.press("escape")
        assert ui.view.spec is find_view("customer-recipes")
        await ui.press("escape")
        assert ui.view.spec is find_view("customers")
        assert ui.table.current_row is not None
        assert ui.table.current_row.id == globex.record["id"]  # back where it was


async def test_escape_returns_to_the_row_it_left(world: World) -> None:
    async with world.run() as ui:
        await ui.jump("customers")
        await ui.press("enter")
        recipe = ui.move_to(lambda r: r.name.startswith("Sync Globex"))
        assert ui.table.cursor_row > 0
        await ui.press("enter")
        await ui.press("escape")
        assert ui.view.spec is find_view("customer-recipes")
        assert ui.table.current_key == recipe.id


async def _open_cost_center_rows(ui: Driver) -> None:
    """Pick the table (enter opens the lookup editor; escape leaves it), then `:rows`."""
    await ui.jump("lookup-tables")
    ui.move_to(lambda r: r.name == "Cost centers")
    await ui.press("enter")
    assert ui.screen_name == "LookupEditorScreen"
    await ui.press("escape")
    assert ui.screen_name == "MainScreen"
    await ui.jump("rows")


async def test_cost_center_rows(world: World) -> None:
    store = world.emu.store
    table_id = next(i for i, t in store.main.lookup_tables.items() if t["name"] == "Cost centers")
    stored = store.main.lookup_rows[table_id]
    async with world.run() as ui:
        await _open_cost_center_rows(ui)
        assert ui.view.spec is find_view("rows")
        assert ui.crumbs.startswith(f"Cost centers › Rows  [{len(stored)}]")
        assert [c.key for c in ui.table.columns] == ["id", "code", "name", "owner"]
        assert len(ui.rows) == len(stored) >= 50
        for row in ui.rows:
            cells = {k: ui.cell(row, k) for k in ("code", "name", "owner")}
            assert cells == stored[row.id]["data"]


def _netsuite_jobs(world: World) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    store = world.emu.store
    recipe = next(r for r in store.main.recipes.values() if r["name"] == NETSUITE_SYNC)
    return recipe, store.main.jobs[recipe["id"]].jobs


async def test_jobs_of_the_highlighted_recipe(world: World) -> None:
    recipe, jobs = _netsuite_jobs(world)
    async with world.run() as ui:
        ui.move_to(lambda r: r.name == NETSUITE_SYNC)
        await ui.jump("jobs")
        assert ui.view.spec is find_view("jobs")
        assert ui.crumbs.startswith(f"{NETSUITE_SYNC} › Jobs  [{len(jobs)}]")
        assert set(ui.column("id")) == {j["id"] for j in jobs}
        statuses = ui.column("status")
        assert statuses.count("failed") == sum(j["status"] == "failed" for j in jobs) > 0
        assert len(world.requests(f"/api/recipes/{recipe['id']}/jobs")) == 4  # 100 per page


async def test_recipe_screen_lists_the_recipes_jobs(world: World) -> None:
    recipe, jobs = _netsuite_jobs(world)
    async with world.run() as ui:
        ui.move_to(lambda r: r.id == recipe["id"])
        await ui.press("enter")
        assert ui.screen_name == "RecipeScreen"
        assert len(ui.rows) == len(jobs)
        assert ui.crumbs.startswith(f"{NETSUITE_SYNC} › Jobs  [{len(jobs)}]")
        text = ui.text
        assert f"Recipe {recipe['id']}: {NETSUITE_SYNC}" in text
        assert "Salesforce (production)" in text and "NetSuite (production)" in text
        failed = sum(j["status"] == "failed" for j in jobs)
        assert f"failed of {len(jobs)}" in text and f"{failed} failed" in text


async def test_call_log_shows_the_calls_and_grows_live(world: World) -> None:
    async with world.run() as ui:
        await ui.jump("calls")
        paths = ui.column("path")
        assert paths == [entry["path"] for entry in ui.app.service.calls.recent()]
        assert "/api/recipes" in paths and "/api/users/me" in paths
        before = len(paths)
        await ui.app.service.deployments()
        await ui.settle()
        assert len(ui.rows) == before + 1
        assert ui.cell(ui.rows[-1], "path") == "/api/deployments"
        assert ui.table.cursor_row == before  # the cursor follows the newest call
