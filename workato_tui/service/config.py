"""Load `config.toml` and resolve the profile to connect with (without reading its secret).

A bad file raises `ConfigError` whose message names the file, the line and the field:
`.../config.toml line 7: profiles.prod.access.recipes: must be one of none, read, write`.

Like Workato's own CLIs, `WORKATO_API_TOKEN` and `WORKATO_HOST` (a host, a URL or a data centre
name) are honoured when the profile gives no token source / no host.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from workato_tui.api.hosts import DATA_CENTERS, base_url_for, check_base_url, data_center_of
from workato_tui.service.config_lines import line_of
from workato_tui.service.config_model import (
    KNOWN_KEYS,
    Config,
    ProfileConfig,
    access_dict,
)
from workato_tui.service.profile import ResolvedProfile, TokenSource

__all__ = [
    "API_TOKEN_ENV",
    "HOST_ENV",
    "Config",
    "ConfigError",
    "ConfigProblem",
    "ProfileConfig",
    "ResolvedProfile",
    "TokenSource",
    "load_config",
    "resolve_profile",
]

API_TOKEN_ENV = "WORKATO_API_TOKEN"
HOST_ENV = "WORKATO_HOST"
ENV_PROFILE_NAME = "default"  # the profile built from the environment when the file has none


class ConfigProblem(NamedTuple):
    field: str  # dotted: profiles.prod.access.recipes ("" for the file as a whole)
    message: str
    line: int | None = None
    column: int | None = None


class ConfigError(Exception):
    """The config file (or the environment) cannot be used; the message says where and why."""

    def __init__(
        self, message: str, *, path: Path | None = None, problems: tuple[ConfigProblem, ...] = ()
    ) -> None:
        super().__init__(message)
        self.path = path
        self.problems = problems

    @classmethod
    def from_problems(cls, path: Path, problems: list[ConfigProblem]) -> ConfigError:
        return cls(
            "\n".join(_format(path, p) for p in problems), path=path, problems=tuple(problems)
        )


def _format(path: Path, problem: ConfigProblem) -> str:
    where = str(path)
    if problem.line is not None:
        where += f" line {problem.line}"
        if problem.column is not None:
            where += f", column {problem.column}"
    prefix = f"{problem.field}: " if problem.field else ""
    return f"{where}: {prefix}{problem.message}"


# --- loading ---------------------------------------------------------------------------------


def load_config(path: Path, *, must_exist: bool = False) -> Config:
    """Read and validate the config file; a missing file is an empty config unless `must_exist`."""
    text = _read_text(path, must_exist)
    if text is None:
        return Config()
    data = _parse_toml(path, text)
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        problems = sorted(
            (_problem(e, text) for e in exc.errors()), key=lambda p: (p.line or 0, p.field)
        )
        raise ConfigError.from_problems(path, problems) from None
    if problems := _cross_checks(config, text):
        raise ConfigError.from_problems(path, problems)
    config._source = path
    return config


def _read_text(path: Path, must_exist: bool) -> str | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if must_exist:
            raise ConfigError(f"{path}: config file not found", path=path) from None
        return None
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot read the config file: {exc.strerror}", path=path
        ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = ConfigProblem("", "the file is not valid UTF-8", line)
        raise ConfigError.from_problems(path, [problem]) from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    import tomllib  # only a config file needs it (not --demo)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = column = None
        if m := _TOML_POSITION.search(message):
            line, column = int(m.group(1)), int(m.group(2))
            message = message[: m.start()]
        problem = ConfigProblem("", f"invalid TOML: {message}", line, column)
        raise ConfigError.from_problems(path, [problem]) from None


def _problem(error: Any, text: str) -> ConfigProblem:
    loc = tuple(str(part) for part in error["loc"] if part != "[key]")
    return ConfigProblem(".".join(loc), _describe(error), line_of(text, loc) if loc else None)


def _describe(error: Any) -> str:
    kind, message = error["type"], error["msg"]
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
        return f"unknown key {key!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
    if kind == "literal_error":
        return "must be one of " + ", ".join(re.findall(r"'([^']*)'", error["ctx"]["expected"]))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a table ([section] or { key = value })"
    if kind == "value_error":
        return str(message).removeprefix("Value error, ")
    return str(message).replace("Input should", "should")


def _cross_checks(config: Config, text: str) -> list[ConfigProblem]:
    name = config.default_profile
    if name is None or name in config.profiles:
        return []
    known = ", ".join(config.profiles) or "none are defined"
    message = f"no profile named {name!r} (profiles: {known})"
    return [ConfigProblem("default_profile", message, line_of(text, ("default_profile",)))]


# --- resolving a profile ---------------------------------------------------------------------


def resolve_profile(
    config: Config, name: str | None = None, env: Mapping[str, str] | None = None
) -> ResolvedProfile:
    env = os.environ if env is None else env
    name = _choose_profile(config, name)
    profile = config.profiles.get(name, ProfileConfig())
    base_url, data_center = _resolve_host(profile, env)
    sources = _token_sources(name, profile, config.source)
    return ResolvedProfile(
        name=name,
        label=profile.label or name,
        color=profile.color,
        base_url=base_url,
        data_center=data_center,
        token_source=", then ".join(s.describe() for s in sources),
        read_only=profile.read_only,
        access=access_dict(profile.access),
        keymap={**config.keymap, **profile.keymap},
        theme=profile.theme or config.theme,
        token_sources=sources,
        config_path=config.source,
    )


def _choose_profile(config: Config, name: str | None) -> str:
    where = f" in {config.source}" if config.source else ""
    known = ", ".join(config.profiles)
    if name is not None:
        if name in config.profiles:
            return name
        hint = f"known profiles: {known}" if known else "no profiles are defined"
        raise ConfigError(f"no profile named {name!r}{where}; {hint}", path=config.source)
    if config.default_profile is not None:
        return _choose_profile(config, config.default_profile)
    if len(config.profiles) == 1:
        return next(iter(config.profiles))
    if not config.profiles:
        return ENV_PROFILE_NAME
    raise ConfigError(
        f"several profiles{where} ({known}) and no default_profile; name the one to use",
        path=config.source,
    )


def _resolve_host(profile: ProfileConfig, env: Mapping[str, str]) -> tuple[str, str | None]:
    if profile.base_url:
        return profile.base_url, data_center_of(profile.base_url)
    if profile.data_center:
        return base_url_for(profile.data_center), profile.data_center
    if host := env.get(HOST_ENV, "").strip():
        return _parse_host(host)
    return DATA_CENTERS["us"], "us"


def _parse_host(host: str) -> tuple[str, str | None]:
    if host.lower() in DATA_CENTERS:
        return DATA_CENTERS[host.lower()], host.lower()
    url = host if "://" in host else f"https://{host}"
    try:
        url = check_base_url(url)
    except ValueError as exc:
        shown = HOST_ENV if "@" in host else f"{HOST_ENV}={host!r}"  # never echo a password
        raise ConfigError(f"{shown}: {exc}") from None
    return url, data_center_of(url)


def _token_sources(
    name: str, profile: ProfileConfig, config_path: Path | None
) -> tuple[TokenSource, ...]:
    sources: list[TokenSource] = []
    if profile.token_command:
        sources.append(TokenSource("command", profile.token_command))
    if profile.token_env:
        sources.append(TokenSource("env", profile.token_env))
    if profile.token_file:
        sources.append(TokenSource("file", str(Path(profile.token_file).expanduser())))
    if profile.keyring:
        sources.append(TokenSource("keyring", name))
    if profile.token is not None:
        sources.append(TokenSource("config", str(config_path or "the config"), profile.token))
    # Only a profile that names no token source falls back to the CLI-wide variable: a missing
    # WORKATO_PROD_TOKEN must not silently send another workspace's token under a PROD label.
    return tuple(sources) or (TokenSource("env", API_TOKEN_ENV),)
