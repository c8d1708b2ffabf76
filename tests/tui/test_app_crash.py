"""Unexpected failures: the app exits 1 with a short message and a private crash report holding
no token and no row data (Textual's own report prints every frame's local values and exits 0);
a bad token opens the first-run screen naming its source, never the token."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from workato_tui import __main__ as entry
from workato_tui import cli
from workato_tui.emulator import ADMIN_TOKEN
from workato_tui.screens.first_run import FirstRunScreen
from workato_tui.screens.main import MainScreen
from workato_tui.service.config_model import ProfileConfig
from workato_tui.service.connect import demo_profile

if TYPE_CHECKING:
    from pilot_world import World

ROW_DATA = "CC-ROW-DATA-4242"


def crash_reports(directory: Path) -> list[Path]:
    return sorted(directory.glob("crash-*.txt"))


async def test_an_error_in_a_key_handler_exits_1_with_a_private_report(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def toggle_tree(screen: MainScreen) -> None:
        rows = [{"code": ROW_DATA, "token": ADMIN_TOKEN}]  # locals Textual would print
        raise KeyError(f"{rows[0]['code']} {ADMIN_TOKEN}")

    monkeypatch.setattr(MainScreen, "action_toggle_tree", toggle_tree)
    app = world.app()
    with pytest.raises(KeyError):  # run_test hands the error to the test
        async with world.run(app) as ui:
            await ui.press("ctrl+b")
    assert app.return_code == 1
    [report] = crash_reports(world.root)
    assert app.crash_report == report
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert "builtins.KeyError (message withheld)" in text
    assert "in toggle_tree" in text and "raise KeyError" in text  # where it happened
    assert ADMIN_TOKEN not in text and ROW_DATA not in text
    printed = capsys.readouterr().err.replace("\n", "")  # what the terminal shows on exit
    assert "workato-tui: unexpected error (KeyError); a crash report is in" in printed
    assert ADMIN_TOKEN not in printed and ROW_DATA not in printed
    assert "Traceback" not in printed and "locals" not in printed


async def test_an_error_in_a_worker_that_exits_on_error_is_reported_the_same_way(
    world: World,
) -> None:
    app = world.app()

    async def failing() -> None:
        raise RuntimeError(ROW_DATA)

    with pytest.raises(Exception):  # noqa: B017 - Textual wraps it (WorkerFailed)
        async with world.run(app):
            app.run_worker(failing(), exit_on_error=True)
            await app.workers.wait_for_complete()
    assert app.return_code == 1
    [report] = crash_reports(world.root)
    text = report.read_text()
    assert "builtins.RuntimeError (message withheld)" in text and ROW_DATA not in text


def test_an_error_outside_the_app_exits_70_with_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WORKATO_TUI_HOME", str(tmp_path))

    def broken(args: object) -> int:
        raise ValueError(f"{ROW_DATA} {ADMIN_TOKEN}")

    monkeypatch.setattr(cli, "run_app", broken)
    assert entry.main(["--check"]) == 70
    err = capsys.readouterr().err
    assert err.startswith("workato-tui: unexpected error (ValueError); a crash report is in")
    assert "Traceback" not in err and ROW_DATA not in err and ADMIN_TOKEN not in err
    [report] = crash_reports(tmp_path / "state")
    assert ROW_DATA not in report.read_text() and ADMIN_TOKEN not in report.read_text()


def test_a_bad_token_opens_the_first_run_screen_naming_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKATO_TUI_HOME", str(tmp_path))
    monkeypatch.delenv("WORKATO_TUI_CONFIG", raising=False)
    monkeypatch.setenv("WORKATO_API_TOKEN", "tok with spaces 123456")
    started: list[object] = []

    def run(app: object) -> None:  # what would start: the first-run screen, with this problem
        started.append(app)

    monkeypatch.setattr("workato_tui.app.WorkatoApp.run", run)
    assert entry.main([]) == 0
    [app] = started
    problem = app.startup_problem  # type: ignore[attr-defined]
    assert problem.startswith("the token from environment variable WORKATO_API_TOKEN is not a")
    assert "it contains a space" in problem and "tok with spaces" not in problem
    assert app.service is None  # type: ignore[attr-defined]


async def test_the_first_run_screen_shows_a_problem_with_brackets(world: World) -> None:
    app = world.app(None, startup_problem="token_command `pass show [prod]` failed")
    app.service = None
    async with world.run(app, size=(80, 24)) as d:
        assert isinstance(d.app.screen, FirstRunScreen)
        text = str(app.screen.query_one("Static").render())
        assert "token_command `pass show [prod]` failed" in text


def test_the_exit_code_is_the_apps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKATO_TUI_HOME", str(tmp_path))
    monkeypatch.delenv("WORKATO_TUI_CONFIG", raising=False)

    def crashed(app: object) -> None:
        app._return_code = 1  # type: ignore[attr-defined]  # as after an unexpected error

    monkeypatch.setattr("workato_tui.app.WorkatoApp.run", crashed)
    assert entry.main(["--demo"]) == 1  # it used to be 0 whatever happened


@pytest.mark.parametrize("color", ["bright_blue", "#ff8800", "rgb(10,20,30)", "default", "Red"])
async def test_every_colour_the_config_accepts_can_be_drawn(world: World, color: str) -> None:
    ProfileConfig(color=color)  # accepted at load
    service = world.service(profile=replace(demo_profile(), color=color, label="PROD"))
    async with world.run(world.app(service)) as ui:
        assert ui.screen_name == "MainScreen"
        assert "PROD" in ui.text
