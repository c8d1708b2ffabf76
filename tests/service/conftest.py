"""Keep the developer's own environment, config and dirs out of the service tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from workato_tui.service.paths import Paths

_ENV_VARS = (
    "WORKATO_API_TOKEN",
    "WORKATO_HOST",
    "WORKATO_TUI_CONFIG",
    "WORKATO_TUI_HOME",
    "WORKATO_PROD_TOKEN",
)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in _ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / name.lower()))


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths.under(tmp_path / "home")


@pytest.fixture
def write_config(paths: Paths):
    """Write config text to the test's config file and return its path."""

    def write(text: str, mode: int = 0o600) -> Path:
        paths.config_file.parent.mkdir(parents=True, exist_ok=True)
        paths.config_file.write_text(text, encoding="utf-8")
        paths.config_file.chmod(mode)
        return paths.config_file

    return write
