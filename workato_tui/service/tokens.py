"""Read a profile's API token from where the config says, and keep it out of everything else.

Sources are tried in the profile's order: token_command (run without a shell, 10 s timeout),
token_env, token_file, the OS keyring (if the optional `keyring` package is installed), a
literal `token` in the config (discouraged), and `WORKATO_API_TOKEN` only for a profile that
names no source. Error messages name the source, never its output.
"""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import SecretStr

from workato_tui.service.config import Config, ResolvedProfile, TokenSource
from workato_tui.service.masking import MASK as MASK  # re-exported, as are the next four
from workato_tui.service.masking import contains_secret as contains_secret
from workato_tui.service.masking import fingerprint as fingerprint
from workato_tui.service.masking import mask_secret as mask_secret
from workato_tui.service.masking import secret_text as secret_text

log = logging.getLogger(__name__)

KEYRING_SERVICE = "workato-tui"
COMMAND_TIMEOUT = 10.0


class TokenError(Exception):
    """No usable token; the message says which source failed and how, without any output."""


@dataclass(frozen=True)
class TokenResult:
    secret: SecretStr = field(repr=False)
    source: TokenSource
    warnings: tuple[str, ...] = ()


def get_token(
    profile: ResolvedProfile,
    env: Mapping[str, str] | None = None,
    *,
    timeout: float | None = None,
) -> TokenResult:
    env = os.environ if env is None else env
    timeout = COMMAND_TIMEOUT if timeout is None else timeout
    misses: list[str] = []
    for source in profile.token_sources:
        value, warnings = _read(source, env, timeout, misses)
        if value:
            _check_token(value, source)
            for warning in warnings:
                log.warning("%s", warning)
            return TokenResult(SecretStr(value), source, tuple(warnings))
    raise TokenError(f"profile {profile.name!r} has no API token: " + "; ".join(misses))


def token_problem(value: str) -> str | None:
    """Why `value` cannot be an API token (it goes into an HTTP header), or None.

    Says what is wrong (a space, a control character, a non-ASCII character), never the value."""
    for char in value:
        if char == " ":
            return "it contains a space"
        if char == "\x00":
            return "it contains a NUL character"
        if not char.isascii():
            return "it contains a non-ASCII character"
        if not char.isprintable():
            return "it contains a control character (a line break or tab?)"
    return None


def _check_token(value: str, source: TokenSource) -> None:
    problem = token_problem(value)
    if problem:
        raise TokenError(
            f"the token from {source.describe()} is not a valid API token: {problem}; "
            "a token is printable ASCII without spaces (the value is not shown)"
        )


def _read(
    source: TokenSource, env: Mapping[str, str], timeout: float, misses: list[str]
) -> tuple[str | None, list[str]]:
    """The token from one source (or None, noting why in `misses`), and warnings about it."""
    if source.kind == "command":
        return _first_line(_run_command(source.detail, timeout), source)
    if source.kind == "env":
        value = env.get(source.detail, "").strip()
        if not value:
            misses.append(f"{source.detail} is not set")
        return value or None, []
    if source.kind == "file":
        return _read_file(Path(source.detail), misses)
    if source.kind == "keyring":
        return _read_keyring(source.detail, misses), []
    assert source.secret is not None
    warnings = [
        f"profile uses a literal token in {source.detail}; "
        + "prefer token_command, token_env or keyring"
    ]
    warnings += filter(None, [permission_warning(Path(source.detail), "config file")])
    return source.secret.get_secret_value().strip() or None, warnings


def _run_command(command: str, timeout: float) -> str:
    try:
        args = shlex.split(command)
    except ValueError as exc:  # "No closing quotation", "No escaped character"
        raise TokenError(
            f"token_command `{command}` cannot be split into a program and its arguments: "
            f"{str(exc).lower()} (quote like a shell: 'a b' or \"a b\")"
        ) from None
    if not args:
        raise TokenError("token_command is empty")
    try:
        done = subprocess.run(
            args,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError:
        raise TokenError(f"token_command `{command}`: program {args[0]!r} not found") from None
    except subprocess.TimeoutExpired:
        raise TokenError(f"token_command `{command}` did not finish within {timeout:g} s") from None
    except OSError as exc:
        raise TokenError(f"token_command `{command}` could not run: {exc.strerror}") from None
    if done.returncode != 0:
        raise TokenError(f"token_command `{command}` failed with exit code {done.returncode}")
    output = done.stdout.strip()
    if not output:
        raise TokenError(f"token_command `{command}` printed nothing")
    return output


def _first_line(output: str, source: TokenSource) -> tuple[str, list[str]]:
    lines = output.splitlines()
    if len(lines) == 1:
        return output, []
    warning = f"token_command `{source.detail}` printed several lines; using the first"
    return lines[0].strip(), [warning]


def _read_file(path: Path, misses: list[str]) -> tuple[str | None, list[str]]:
    try:
        value = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        misses.append(f"cannot read token file {path}: {exc.strerror}")
        return None, []
    if not value:
        misses.append(f"token file {path} is empty")
    return value or None, list(filter(None, [permission_warning(path, "token file")]))


def _read_keyring(user: str, misses: list[str]) -> str | None:
    try:
        import keyring  # optional dependency
    except ImportError:
        misses.append("keyring = true but the keyring package is not installed")
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, user)
    except Exception as exc:  # backends raise their own types; never echo text
        misses.append(f"the OS keyring lookup failed ({type(exc).__name__})")
        return None
    if not value:
        misses.append(f"no keyring entry for service {KEYRING_SERVICE!r}, user {user!r}")
    return value or None


# --- file permissions ------------------------------------------------------------------------


def permission_warning(path: Path, what: str) -> str | None:
    """A warning if a file holding a token is accessible by group or others."""
    if os.name == "nt":
        return None
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        return None
    if mode & 0o077:
        return (
            f"{what} {path} holds an API token but is accessible by group or others "
            f"(mode {mode:03o}); run: chmod 600 {path}"
        )
    return None


def config_warnings(config: Config) -> list[str]:
    """Warnings about literal tokens in the config file (discouraged, and file permissions)."""
    holders = [name for name, profile in config.profiles.items() if profile.token is not None]
    if not holders:
        return []
    warnings = [
        f"profiles {', '.join(holders)} keep a literal token in the config file; "
        + "prefer token_command, token_env or keyring"
    ]
    if config.source is not None:
        warnings += filter(None, [permission_warning(config.source, "config file")])
    return warnings


# --- keeping the token out of text ----------------------------------------------------------
