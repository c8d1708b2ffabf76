from __future__ import annotations

from pathlib import Path

import pytest

from workato_tui.service.paths import Paths


def test_default_follows_platform_dirs_under_xdg(tmp_path: Path) -> None:
    paths = Paths.default(env={})
    xdg = tmp_path / "xdg"
    assert paths.config_file == xdg / "xdg_config_home" / "workato-tui" / "config.toml"
    assert paths.cache_dir == xdg / "xdg_cache_home" / "workato-tui"
    assert paths.state_dir == xdg / "xdg_state_home" / "workato-tui"
    assert not paths.config_explicit


def test_config_env_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.toml"
    paths = Paths.default(env={"WORKATO_TUI_CONFIG": str(target)})
    assert paths.config_file == target
    assert paths.config_dir == tmp_path
    assert paths.config_explicit


def test_home_env_moves_every_root(tmp_path: Path) -> None:
    paths = Paths.default(env={"WORKATO_TUI_HOME": str(tmp_path)})
    assert paths == Paths.under(tmp_path)
    assert paths.config_file == tmp_path / "config" / "config.toml"


def test_per_profile_paths(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path)
    assert paths.call_log_file("prod") == tmp_path / "state" / "prod" / "calls.jsonl"
    assert paths.staged_edits_dir("prod") == tmp_path / "state" / "prod" / "staged"
    assert paths.snapshot_file("prod") == tmp_path / "cache" / "prod" / "snapshot.json"


@pytest.mark.parametrize("name", ["../etc", "a/b", ".hidden", "", "with space"])
def test_profile_names_cannot_escape_the_roots(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="profile name"):
        Paths.under(tmp_path).call_log_file(name)
