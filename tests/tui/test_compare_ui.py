"""`:compare`, its drill-downs (code diff, row diff with copying rows) and `:access`, driven
with keys against the demo's environments on one emulator."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from textual.widgets import DataTable, Static

from workato_tui.actions.deploy_preview import deploy_previews
from workato_tui.emulator import ADMIN_TOKEN, DEV_TOKEN, TEST_TOKEN
from workato_tui.emulator.seed_envs import CHANGED_RECIPE, CHANGED_TABLE, DEV_ONLY_RECIPE
from workato_tui.lookup.rowdiff import RowPair
from workato_tui.profiles_open import Profiles
from workato_tui.screens.access import AccessScreen
from workato_tui.screens.code_diff import CodeDiffScreen
from workato_tui.screens.compare import CompareScreen
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.row_diff import RowDiffScreen
from workato_tui.service.demo_envs import DEMO_ENVIRONMENT_PROFILES, demo_environment_profile

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

TOKENS = {"demo": ADMIN_TOKEN, "demo-dev": DEV_TOKEN, "demo-test": TEST_TOKEN}


def _profiles(world: World, current: str = "demo-dev") -> Profiles:
    def opener(name: str) -> Any:
        return world.service(TOKENS[name], profile=demo_environment_profile(name))

    environments = {env: name for name, env in DEMO_ENVIRONMENT_PROFILES.items()}
    return Profiles(current, list(TOKENS), opener, environments)


def _app(world: World) -> Any:
    profiles = _profiles(world)
    return world.app(profiles.open("demo-dev"), profiles=profiles)


def _table(ui: Driver) -> DataTable[Any]:
    return ui.app.screen.query_one(DataTable)


def _cells(ui: Driver, column: int) -> list[str]:
    table = _table(ui)
    return [str(table.get_row_at(i)[column]) for i in range(table.row_count)]


def _pairs(ui: Driver) -> list[RowPair]:
    """The row diff's rows, as its list shows them."""
    screen = ui.app.screen
    assert isinstance(screen, RowDiffScreen)
    return list(screen.table.visible_rows)


def _text(ui: Driver, selector: str) -> str:
    return str(ui.app.screen.query_one(selector, Static).content)


async def _open_compare(ui: Driver) -> None:
    await ui.press("colon", *"compare demo", "enter")
    assert isinstance(ui.app.screen, CompareScreen)


async def _until(ui: Driver, predicate: Any, what: str) -> None:
    """Pump the app until `predicate()` (a worker waiting on a modal never completes, so
    `settle` cannot be used while a confirm is open)."""
    for _ in range(500):
        if predicate():
            return
        await ui.pilot.pause(0.01)
    raise AssertionError(f"timed out waiting for {what}")


async def _select(ui: Driver, column: int, value: str) -> None:
    table = _table(ui)
    table.move_cursor(row=_cells(ui, column).index(value))
    await ui.press("enter")


async def test_compare_lists_the_drift_with_counts_and_filters(world: World) -> None:
    async with world.run(_app(world)) as ui:
        await _open_compare(ui)
        counts = _text(ui, "#compare-counts")
        assert "h only here 2 · t only there 1 · d differs 2" in counts
        await ui.press("d")
        assert sorted(_cells(ui, 1)) == sorted(
            [f"Sales Ops/Lead routing/{CHANGED_RECIPE}", f"Finance Ops/{CHANGED_TABLE}"]
        )
        assert "version, code" in _cells(ui, 3)
        await ui.press("h")
        assert f"Sales Ops/Lead routing/{DEV_ONLY_RECIPE}" in _cells(ui, 1)
        assert set(_cells(ui, 2)) == {"only here"}


async def test_a_recipe_pair_opens_the_code_diff(world: World) -> None:
    async with world.run(_app(world)) as ui:
        await _open_compare(ui)
        await ui.press("d")
        await _select(ui, 1, f"Sales Ops/Lead routing/{CHANGED_RECIPE}")
        assert isinstance(ui.app.screen, CodeDiffScreen)
        assert "changed line(s)" in _text(ui, "#code-diff-summary")
        assert any("assign_owner" in line for line in _cells(ui, 0))
        assert not any("assign_owner" in line for line in _cells(ui, 1))


async def test_copying_rows_from_the_row_diff_lands_them_in_prod(world: World) -> None:
    async with world.run(_app(world)) as ui:
        await _open_compare(ui)
        await ui.press("d")
        await _select(ui, 1, f"Finance Ops/{CHANGED_TABLE}")
        assert isinstance(ui.app.screen, RowDiffScreen)
        await _until(ui, lambda: _pairs(ui), "the rows of both tables")
        statuses = {pair.key: pair.status for pair in _pairs(ui)}
        assert statuses["EMEA"] == "differs" and statuses["BR"] == "only here"
        await ui.pilot.press("c")
        await _until(ui, lambda: isinstance(ui.app.screen, ConfirmScreen), "the confirm")
        details = "\n".join(ui.app.screen.confirmation.details)
        assert "EMEA" in details and "BR" in details
        await ui.pilot.pause()
        await ui.pilot.press("enter")
        await _until(ui, lambda: isinstance(ui.app.screen, RowDiffScreen), "the row diff")
        await ui.settle()
        store = world.emu.store
        table = next(t for t in store.main.lookup_tables.values() if t["name"] == CHANGED_TABLE)
        landed = {
            r["data"]["sf_region"]: r["data"]["currency"]
            for r in store.main.lookup_rows[table["id"]].values()
        }
        assert landed["EMEA"] == "CHF" and landed["BR"] == "BRL"
        assert isinstance(ui.app.screen, RowDiffScreen)
        assert {pair.status for pair in _pairs(ui)} == {"same"}


async def test_row_diff_marks_with_space_and_k_changes_the_key_over_the_list(
    world: World,
) -> None:
    """The list has focus and its own `k` (cursor up): the screen's `k` still picks the next
    key column, which clears the marks; a copy then sends only the marked row."""
    async with world.run(_app(world)) as ui:
        await _open_compare(ui)
        await ui.press("d")
        await _select(ui, 1, f"Finance Ops/{CHANGED_TABLE}")
        await _until(ui, lambda: _pairs(ui), "the rows of both tables")
        screen = ui.app.screen
        assert isinstance(screen, RowDiffScreen) and screen.key_column == "sf_region"
        screen.table.move_to_key("EMEA")
        await ui.press("space")
        assert [p.key for p in screen.table.marked_rows] == ["EMEA"]
        assert "marked: 1" in _text(ui, "#row-diff-summary")
        await ui.press("k")
        assert screen.key_column != "sf_region" and not screen.table.marked_keys
        assert "marked: 0" in _text(ui, "#row-diff-summary")
        await ui.press("k", "k")  # round to sf_region again (three columns)
        assert screen.key_column == "sf_region"
        screen.table.move_to_key("EMEA")
        await ui.press("space", "c")
        await _until(ui, lambda: isinstance(ui.app.screen, ConfirmScreen), "the confirm")
        details = "\n".join(ui.app.screen.confirmation.details)
        assert "EMEA" in details and "BR" not in details


async def test_access_screen_reports_this_sessions_privileges(world: World) -> None:
    async with world.run(_app(world)) as ui:
        await ui.press("colon", *"access", "enter")
        assert isinstance(ui.app.screen, AccessScreen)
        text = _text(ui, "#access-text")
        assert "Recipes: list" in text and "[profiles.demo-dev.access]" in text


async def test_deploy_previews_name_the_planted_changes_per_target(world: World) -> None:
    profiles = _profiles(world)
    dev = profiles.open("demo-dev")
    previews = await deploy_previews(SimpleNamespace(profiles=profiles), dev, "Sales Ops")
    prod = "\n".join(previews["prod"])
    assert DEV_ONLY_RECIPE in prod and CHANGED_RECIPE in prod
    assert "Connections arriving without credentials (1)" in prod
    assert await deploy_previews(SimpleNamespace(), dev, "Sales Ops") == {}
    await profiles.aclose()
    await dev.aclose()
