"""Fixtures for the end-to-end tests: a real emulator server and a tmux pane for the app."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_tmux import TMUX, AppStarter, TmuxApp, app_command, emulator_server


@pytest.fixture
def emulator_url() -> Iterator[str]:
    """`workato-tui emulator` on a free port, stopped after the test."""
    with emulator_server() as url:
        yield url


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[AppStarter]:
    """`start_app(*args, token=...)`: the real app in a tmux pane, with its own home dir."""
    if TMUX is None:
        pytest.skip("tmux is not installed: the end-to-end tests drive the app in tmux")
    started: list[TmuxApp] = []

    def start(*args: str, token: str, size: tuple[int, int] = (120, 36)) -> TmuxApp:
        env = dict(os.environ)
        env.pop("WORKATO_TUI_CONFIG", None)  # the app must look only in its home dir
        env.update(WORKATO_API_TOKEN=token, WORKATO_TUI_HOME=str(tmp_path / "home"))
        app = TmuxApp(tmp_path, size)
        started.append(app)
        app.start([*app_command(), *args], env)
        return app

    try:
        yield start
    finally:
        for app in started:
            app.kill()
