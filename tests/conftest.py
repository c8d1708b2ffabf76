"""Test-wide isolation (no developer config, caches or colours leak into tests), and the `world`
every UI test runs the app in (tests/pilot_world.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pilot_world import World

os.environ.pop("NO_COLOR", None)


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKATO_TUI_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    for name in ("WORKATO_API_TOKEN", "WORKATO_HOST", "NO_COLOR", "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def world(tmp_path: Path) -> World:
    """The demo emulator on a fake clock, in this test's own directory."""
    return World(tmp_path)
