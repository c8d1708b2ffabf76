"""The deploy preview, driven through the tree's deploy key, form and confirm on the demo's dev
environment: the confirm names the planted changes, and once the deploy succeeds
`:compare demo Sales Ops` shows every asset of the project as the same."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pilot_driver import Driver
from pilot_world import World
from pydantic import SecretStr
from textual.widgets import DataTable, Static

from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, DEV_TOKEN, TEST_TOKEN
from workato_tui.emulator.faults import EmulatorTransport
from workato_tui.emulator.seed_envs import (
    CHANGED_RECIPE,
    DEV_ONLY_CONNECTION,
    DEV_ONLY_RECIPE,
    REMOVED_RECIPE,
)
from workato_tui.profiles_open import Profiles
from workato_tui.screens.compare import CompareScreen
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.service.connect import open_workspace
from workato_tui.service.demo_envs import DEMO_ENVIRONMENT_PROFILES, demo_environment_profile
from workato_tui.service.workspace import WorkspaceService
from workato_tui.write_catalog import BY_ID

TOKENS = {"demo": ADMIN_TOKEN, "demo-dev": DEV_TOKEN, "demo-test": TEST_TOKEN}
PROJECT = "Sales Ops"


@dataclass
class EnvWorld(World):
    """The writes tests' world, with the app on the dev profile and the other two profiles
    (prod `demo`, `demo-test`) on the same emulator for previews and compare."""

    def open(self, name: str) -> WorkspaceService:
        return open_workspace(
            demo_environment_profile(name),
            SecretStr(TOKENS[name]),
            self.paths,
            transport=EmulatorTransport(app=self.emu.app),
            clock=self.clock,
        )

    def app(self, service: WorkspaceService | None = None) -> WorkatoApp:
        environments = {env: name for name, env in DEMO_ENVIRONMENT_PROFILES.items()}
        profiles = Profiles("demo-dev", list(TOKENS), self.open, environments)
        dev = service or profiles.open("demo-dev")
        return WorkatoApp(dev, ui_state_file=self.root / "ui.json", profiles=profiles)


def _prod_recipes(world: World) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in world.store.main.recipes.values()}


async def _confirm_of_deploy_to_prod(d: Driver) -> ConfirmScreen:
    await d.jump("recipes")
    await d.tree_node(PROJECT)
    await d.press(BY_ID["project-deploy"].key)
    await d.until_screen(FormScreen)
    d.set_field("environment", "prod")
    await d.submit_form()
    screen = await d.until_screen(ConfirmScreen)
    assert isinstance(screen, ConfirmScreen)
    return screen


async def test_the_deploy_confirm_previews_the_drift_and_afterwards_the_project_compares_same(
    tmp_path: Path,
) -> None:
    world = EnvWorld(tmp_path)
    prod_before = _prod_recipes(world)
    old_version = prod_before[CHANGED_RECIPE]["version_no"]
    async with world.run() as d:
        screen = await _confirm_of_deploy_to_prod(d)
        details = list(screen.confirmation.details)
        assert world.sent("projects.deploy") == []  # previewed, nothing deployed yet
        assert details[0] == "What this deploy changes in prod:"
        assert "Recipes added (arrive stopped) (1):" in details
        assert f"  Sales Ops/Lead routing/{DEV_ONLY_RECIPE}" in details
        assert "Recipes changed (1):" in details
        changed = (
            f"  Sales Ops/Lead routing/{CHANGED_RECIPE} "
            f"(v{old_version} -> v{old_version + 1}: version, code)"
        )
        assert changed in details
        assert "Recipes removed (1):" in details
        assert f"  Sales Ops/Renewals/{REMOVED_RECIPE}" in details
        assert "Connections arriving without credentials (1):" in details
        assert f"  Sales Ops/{DEV_ONLY_CONNECTION}" in details
        shown = d.screen_text()
        assert DEV_ONLY_RECIPE in shown and DEV_ONLY_CONNECTION in shown  # on screen, too

        await d.confirm()
        await d.until_main()
        assert any("to prod: success" in note for note in d.messages), d.messages
        prod_after = _prod_recipes(world)
        assert DEV_ONLY_RECIPE in prod_after and REMOVED_RECIPE not in prod_after
        assert prod_after[CHANGED_RECIPE]["version_no"] == old_version + 1

        d.app.screen.jump(f"compare demo {PROJECT}")  # type: ignore[attr-defined]
        compare = await d.until_screen(CompareScreen)
        await d.settle()
        table: DataTable[Any] = compare.query_one(DataTable)
        statuses = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        wheres = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert statuses == {"same"}
        assert f"Sales Ops/Lead routing/{DEV_ONLY_RECIPE}" in wheres
        counts = str(compare.query_one("#compare-counts", Static).content)
        assert "h only here 0 · t only there 0 · d differs 0" in counts


async def test_build_from_the_tree_then_deploy_that_build_to_test(tmp_path: Path) -> None:
    world = EnvWorld(tmp_path)
    dev, testing = world.store.environments["dev"], world.store.environments["test"]
    async with world.run() as d:
        await d.jump("recipes")
        await d.tree_node(PROJECT)
        await d.press(BY_ID["project-build"].key)
        await d.until_screen(FormScreen)
        d.set_field("description", "Release 12")
        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_main()
        [build] = [b for b in dev.builds.values() if b["description"] == "Release 12"]
        said = [n for n in d.messages if n.startswith(f"Build: Build {build['id']} ")]
        assert said and "success" in said[-1] and "/download" in said[-1], d.messages
        assert world.sent("projects.deploy") == []

        await d.tree_node(PROJECT)
        await d.press(BY_ID["project-deploy"].key)
        await d.until_screen(FormScreen)
        d.set_field("environment", "test")
        d.set_field("build", str(build["id"]))
        await d.submit_form()
        screen = await d.until_screen(ConfirmScreen)
        assert isinstance(screen, ConfirmScreen)
        assert screen.confirmation.items == (f"Build {build['id']} of {PROJECT} -> test",)
        assert screen.confirmation.endpoint.endswith("/api/project_builds/:build_id/deploy")
        await d.confirm()
        await d.until_main()
    [deployment] = [d for d in dev.deployments.values() if d["project_build_id"] == build["id"]]
    assert (deployment["environment_type"], deployment["state"]) == ("test", "success")
    assert DEV_ONLY_RECIPE in {r["name"] for r in testing.recipes.values()}
    assert world.sent("projects.deploy") == []


async def test_a_build_id_that_is_not_a_number_is_refused_in_the_form(tmp_path: Path) -> None:
    world = EnvWorld(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        await d.tree_node(PROJECT)
        await d.press(BY_ID["project-deploy"].key)
        form = await d.until_screen(FormScreen)
        d.set_field("build", "latest")
        await d.submit_form()
        await d.settle()
        assert d.app.screen is form
        assert "Build must be a build id (a number), not 'latest'." in d.screen_text()
    assert world.sent("project_builds.deploy") == [] and world.sent("projects.deploy") == []
