"""Start-up warnings (a token file others can read) reach the app, not only stderr."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_world import World

from workato_tui import cli
from workato_tui.__main__ import main


def test_a_readable_token_file_warning_is_handed_to_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKATO_TUI_HOME", str(tmp_path))
    token_file = tmp_path / "token"
    token_file.write_text("demo-admin-token\n")
    token_file.chmod(0o644)
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text(
        f'[profiles.p]\nbase_url = "http://127.0.0.1:9"\ntoken_file = "{token_file}"\n'
    )
    started: list[Any] = []
    monkeypatch.setattr(cli, "_run", lambda app: started.append(app) or 0)
    assert main([]) == 0
    [app] = started
    assert any("token file" in w and "readable" in w for w in app.startup_warnings)
    assert all("demo-admin-token" not in w for w in app.startup_warnings)


async def test_the_app_shows_start_up_warnings_as_notifications(tmp_path: Path) -> None:
    from workato_tui.app import WorkatoApp

    app = WorkatoApp(None, startup_warnings=["token file is readable by others"])
    async with World(tmp_path).run(app, size=(80, 24)) as d:
        assert any("readable by others" in n.message for n in d.app.notices)
