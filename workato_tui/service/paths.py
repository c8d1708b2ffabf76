"""Where workato-tui keeps its files: config, cached snapshots, and per-profile state.

`Paths.default()` follows the platform's conventions (platformdirs). Tests build a `Paths`
explicitly (`Paths.under(tmp_path)`) so they never touch the real user directories; setting
`WORKATO_TUI_HOME` does the same for a whole process, and `WORKATO_TUI_CONFIG` names the config
file alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "workato-tui"
CONFIG_ENV = "WORKATO_TUI_CONFIG"
HOME_ENV = "WORKATO_TUI_HOME"
CONFIG_FILENAME = "config.toml"

_PROFILE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")


def check_profile_name(name: str) -> str:
    """The name, if it is safe to use as a directory name; ValueError otherwise."""
    if not _PROFILE_NAME.match(name):
        raise ValueError(
            f"profile name {name!r} must be 1-64 letters, digits, '_', '-' or '.', "
            "not starting with '.' or '-'"
        )
    return name


@dataclass(frozen=True)
class Paths:
    """The roots of every file the app writes, and the per-profile files under them."""

    config_file: Path
    cache_dir: Path  # snapshots
    state_dir: Path  # call logs, staged edits
    config_explicit: bool = False  # the config file was named by the user (must exist)

    @classmethod
    def default(cls, env: Mapping[str, str] | None = None) -> Paths:
        env = os.environ if env is None else env
        home = env.get(HOME_ENV)
        if home:
            paths = cls.under(Path(home).expanduser())
        else:
            paths = cls(
                config_file=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
                / CONFIG_FILENAME,
                cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
                state_dir=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
            )
        override = env.get(CONFIG_ENV)
        if override:
            return paths.with_config_file(Path(override).expanduser())
        return paths

    @classmethod
    def under(cls, root: Path) -> Paths:
        """Every root inside one directory: for tests and WORKATO_TUI_HOME."""
        return cls(
            config_file=root / "config" / CONFIG_FILENAME,
            cache_dir=root / "cache",
            state_dir=root / "state",
        )

    def with_config_file(self, config_file: Path) -> Paths:
        return Paths(config_file, self.cache_dir, self.state_dir, config_explicit=True)

    @property
    def config_dir(self) -> Path:
        return self.config_file.parent

    def profile_state_dir(self, profile: str) -> Path:
        return self.state_dir / check_profile_name(profile)

    def profile_cache_dir(self, profile: str) -> Path:
        return self.cache_dir / check_profile_name(profile)

    def call_log_file(self, profile: str) -> Path:
        return self.profile_state_dir(profile) / "calls.jsonl"

    def staged_edits_dir(self, profile: str) -> Path:
        return self.profile_state_dir(profile) / "staged"

    def freezes_dir(self, profile: str) -> Path:
        return self.profile_state_dir(profile) / "freezes"

    def snapshot_file(self, profile: str, identity: str | None = None) -> Path:
        """Last-known data of one profile, and of one identity within it (a token fingerprint),
        so data read with one token is never shown to another."""
        name = f"snapshot-{identity}.json" if identity else "snapshot.json"
        return self.profile_cache_dir(profile) / name


def ensure_private_dir(path: Path) -> Path:
    """Create `path`, and every missing parent, readable by the owner only (0700).

    (`mkdir(parents=True)` would create the parents with the default mode, 0755.)"""
    missing: list[Path] = []
    step = path
    while not step.exists() and step != step.parent:
        missing.append(step)
        step = step.parent
    for directory in reversed(missing):
        directory.mkdir(mode=0o700, exist_ok=True)
    return path
