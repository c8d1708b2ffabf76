"""Failures the app must survive and explain: faults, missing privileges, no or bad token."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workato_tui.app import WorkatoApp
from workato_tui.screens.first_run import AuthErrorScreen, FirstRunScreen
from workato_tui.views import find_view

if TYPE_CHECKING:
    from pilot_world import World


async def test_server_error_shows_an_error_state_with_the_correlation_id(world: World) -> None:
    world.emu.faults.add("/api/recipes", "error500")
    async with world.run() as ui:
        assert ui.screen_name == "MainScreen"
        error = ui.view.failure or ""
        assert "GET /api/recipes failed (500)" in error
        assert "Correlation id: " in error
        assert [r.status for r in world.requests("/api/recipes")] == [500] * 4  # retried
        world.emu.faults.clear()
        await ui.press("ctrl+r")  # the app still works once Workato does
        assert ui.table.error_text is None
        assert ui.table.total_count == len(world.emu.store.main.recipes)


async def test_malformed_answer_shows_an_error_state(world: World) -> None:
    world.emu.faults.add("/api/connections", "malformed")
    async with world.run() as ui:
        await ui.jump("connections")
        error = ui.view.failure or ""
        assert "GET /api/connections failed" in error and "not valid JSON" in error
        assert "Correlation id: " in error
        await ui.jump("recipes")
        assert ui.table.total_count == len(world.emu.store.main.recipes)


async def test_hanging_api_times_out_into_an_error_state(world: World) -> None:
    world.emu.faults.add("/api/recipes", "hang")
    async with world.run(world.app(world.service(timeout=0.2))) as ui:
        error = ui.view.failure or ""
        assert "GET /api/recipes failed: no answer within 0.2 s" in error
        assert ui.crumbs.startswith("Recipes  not loaded") and "loading" not in ui.crumbs


async def test_refresh_failure_keeps_rows_and_notifies(world: World) -> None:
    async with world.run() as ui:
        world.emu.faults.add("/api/recipes", "error500")
        await ui.press("ctrl+r")
        assert ui.table.total_count == len(world.emu.store.main.recipes)
        assert ui.table.error_text is None
        assert any(
            m.startswith("Refresh recipes failed: GET /api/recipes failed (500)")
            for m in ui.messages
        )


async def test_missing_privilege_is_named(world: World) -> None:
    token = world.client_with_endpoints("users.me", "projects.list", "folders.list", "recipes.list")
    async with world.run(world.app(world.service(token))) as ui:
        assert ui.table.total_count == len(world.emu.store.main.recipes)
        await ui.jump("connections")
        assert ui.view.spec is find_view("connections")
        error = ui.view.failure or ""
        assert "does not allow connections" in error and "'Connections: list'" in error
        assert ui.app.service is not None
        assert ui.app.service.denied("connections.list") is not None


async def test_first_run_screen_then_d_opens_the_demo(world: World) -> None:
    app = WorkatoApp(
        None,
        demo_factory=world.service,
        ui_state_file=world.ui_state_file,
        startup_problem="WORKATO_API_TOKEN is not set",
    )
    async with world.run(app) as ui:
        assert isinstance(app.screen, FirstRunScreen)
        assert "No Workato API token was found (WORKATO_API_TOKEN is not set)" in ui.text
        assert "export WORKATO_API_TOKEN=" in ui.text and "Press d to open the demo" in ui.text
        assert world.requests() == []
        await ui.press("d")
        assert ui.screen_name == "MainScreen"
        assert ui.table.total_count == len(world.emu.store.main.recipes)
        assert len(app.screen_stack) == 2  # the first-run screen was replaced


async def test_bad_token_shows_the_auth_error_screen(world: World) -> None:
    async with world.run(world.app(world.service("wrong"))) as ui:
        assert isinstance(ui.app.screen, AuthErrorScreen)
        assert "Workato refused the token of profile DEMO" in ui.text and "(401)" in ui.text
        assert "[b]" not in ui.text  # markup is rendered, not shown
        assert "wrong" not in ui.text  # the token itself is never shown
        await ui.press("escape")
        assert ui.screen_name == "MainScreen"
        assert "The token was rejected (401)" in (ui.view.failure or "")
