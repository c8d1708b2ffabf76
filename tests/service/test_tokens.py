from __future__ import annotations

import logging
import shlex
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from workato_tui.service.config import ResolvedProfile, load_config, resolve_profile
from workato_tui.service.tokens import (
    TokenError,
    config_warnings,
    contains_secret,
    get_token,
    mask_secret,
    permission_warning,
)

PYTHON = shlex.quote(sys.executable)
TOKEN = "wrkprod-0123456789abcdef"


def _profile(write_config, body: str, name: str = "p") -> ResolvedProfile:
    config = load_config(write_config(f"[profiles.{name}]\n{body}"))
    return resolve_profile(config, name, env={})


def _command(code: str) -> str:
    return f"{PYTHON} -c {shlex.quote(code)}"


def _toml(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _command_line(code: str) -> str:
    """A TOML line `token_command = "<python> -c <code>"`."""
    return f'token_command = "{_toml(_command(code))}"\n'


def test_token_command_stdout_is_the_token(write_config) -> None:
    profile = _profile(write_config, _command_line("print(' x ')"))
    result = get_token(profile, env={})
    assert result.secret.get_secret_value() == "x"
    assert result.source.kind == "command"
    assert result.warnings == ()
    assert "x" not in repr(result.secret)


def test_token_command_first_line_only(write_config) -> None:
    code = "print('tok-line-1'); print('login: me')"
    profile = _profile(write_config, _command_line(code))
    result = get_token(profile, env={})
    assert result.secret.get_secret_value() == "tok-line-1"
    assert "several lines" in result.warnings[0]


def test_failing_command_names_command_and_code_but_not_output(write_config) -> None:
    code = "import sys; print('super' + 'secret'); sys.stderr.write('hush' + 'hush'); sys.exit(3)"
    command = _command(code)
    profile = _profile(write_config, f'token_command = "{_toml(command)}"\n')
    with pytest.raises(TokenError) as caught:
        get_token(profile, env={})
    message = str(caught.value)
    assert message == f"token_command `{command}` failed with exit code 3"
    assert "supersecret" not in message
    assert "hushhush" not in message
    assert caught.value.__cause__ is None and caught.value.__context__ is None


def test_command_printing_nothing(write_config) -> None:
    profile = _profile(write_config, _command_line("pass"))
    with pytest.raises(TokenError, match="printed nothing"):
        get_token(profile, env={})


def test_command_not_found(write_config) -> None:
    profile = _profile(write_config, 'token_command = "no-such-program-xyz show it"\n')
    with pytest.raises(TokenError, match="program 'no-such-program-xyz' not found"):
        get_token(profile, env={})


def test_command_timeout(write_config) -> None:
    code = "import time; print('late' + 'secret'); time.sleep(30)"
    profile = _profile(write_config, _command_line(code))
    with pytest.raises(TokenError, match=r"did not finish within 0.2 s") as caught:
        get_token(profile, env={}, timeout=0.2)
    assert "latesecret" not in str(caught.value)


def test_command_runs_without_a_shell(write_config, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    command = _command("print('tok')") + f" ; touch {marker}"
    profile = _profile(write_config, f'token_command = "{_toml(command)}"\n')
    get_token(profile, env={})
    assert not marker.exists()


def test_command_comes_before_env(write_config) -> None:
    body = _command_line("print(1)") + 'token_env = "P_TOKEN"\n'
    result = get_token(_profile(write_config, body), env={"P_TOKEN": "from-env"})
    assert result.secret.get_secret_value() == "1"


def test_token_env(write_config) -> None:
    profile = _profile(write_config, 'token_env = "WORKATO_PROD_TOKEN"\n')
    result = get_token(profile, env={"WORKATO_PROD_TOKEN": f" {TOKEN}\n"})
    assert result.secret.get_secret_value() == TOKEN
    assert result.source.detail == "WORKATO_PROD_TOKEN"


def test_unset_token_env_does_not_fall_back_to_api_token(write_config) -> None:
    profile = _profile(write_config, 'token_env = "WORKATO_PROD_TOKEN"\n')
    with pytest.raises(TokenError, match="profile 'p' has no API token: WORKATO_PROD_TOKEN is not"):
        get_token(profile, env={"WORKATO_API_TOKEN": "another-workspace"})


def test_workato_api_token_fallback(paths) -> None:
    profile = resolve_profile(load_config(paths.config_file), env={})
    result = get_token(profile, env={"WORKATO_API_TOKEN": TOKEN})
    assert result.secret.get_secret_value() == TOKEN
    assert result.source.detail == "WORKATO_API_TOKEN"


def test_no_token_anywhere(paths) -> None:
    profile = resolve_profile(load_config(paths.config_file), env={})
    with pytest.raises(TokenError, match="WORKATO_API_TOKEN is not set"):
        get_token(profile, env={})


def test_keyring_lookup(write_config, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []

    def get_password(service: str, user: str) -> str:
        asked.append((service, user))
        return TOKEN

    monkeypatch.setitem(sys.modules, "keyring", SimpleNamespace(get_password=get_password))
    result = get_token(_profile(write_config, "keyring = true\n", name="prod"), env={})
    assert result.secret.get_secret_value() == TOKEN
    assert asked == [("workato-tui", "prod")]


def test_keyring_not_installed_is_skipped(write_config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)  # import keyring -> ImportError
    profile = _profile(write_config, 'keyring = true\ntoken_env = "P_TOKEN"\n')
    assert get_token(profile, env={"P_TOKEN": "e"}).source.kind == "env"
    with pytest.raises(TokenError, match="keyring package is not installed"):
        get_token(profile, env={})


def test_keyring_failure_does_not_echo_the_backend(write_config, monkeypatch) -> None:
    def get_password(service: str, user: str) -> str:
        raise RuntimeError("backend said " + TOKEN)

    monkeypatch.setitem(sys.modules, "keyring", SimpleNamespace(get_password=get_password))
    with pytest.raises(TokenError, match=r"keyring lookup failed \(RuntimeError\)") as caught:
        get_token(_profile(write_config, "keyring = true\n"), env={})
    assert TOKEN not in str(caught.value)


def test_token_file(write_config, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    token_file.chmod(0o600)
    result = get_token(_profile(write_config, f'token_file = "{token_file}"\n'), env={})
    assert result.secret.get_secret_value() == TOKEN
    assert result.warnings == ()


def test_readable_token_file_warns(write_config, tmp_path: Path, caplog) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN)
    token_file.chmod(0o644)
    with caplog.at_level(logging.WARNING):
        result = get_token(_profile(write_config, f'token_file = "{token_file}"\n'), env={})
    assert len(result.warnings) == 1
    assert "mode 644" in result.warnings[0] and f"chmod 600 {token_file}" in result.warnings[0]
    assert result.warnings[0] in caplog.text
    assert TOKEN not in caplog.text


def test_literal_token_in_a_readable_config_warns(write_config) -> None:
    path = write_config(f'[profiles.p]\ntoken = "{TOKEN}"\n', mode=0o644)
    config = load_config(path)
    result = get_token(resolve_profile(config, env={}), env={})
    assert result.secret.get_secret_value() == TOKEN
    assert any("discouraged" in w or "prefer token_command" in w for w in result.warnings)
    assert any(f"config file {path}" in w and "mode 644" in w for w in result.warnings)
    warnings = config_warnings(config)
    assert len(warnings) == 2 and "chmod 600" in warnings[1]
    assert all(TOKEN not in w for w in warnings + list(result.warnings))
    assert TOKEN not in repr(config)


def test_literal_token_in_a_private_config_still_discouraged(write_config) -> None:
    config = load_config(write_config(f'[profiles.p]\ntoken = "{TOKEN}"\n', mode=0o600))
    assert len(config_warnings(config)) == 1


def test_config_without_token_has_no_warnings(write_config) -> None:
    assert config_warnings(load_config(write_config("[profiles.p]\n", mode=0o644))) == []


def test_permission_warning_modes(tmp_path: Path) -> None:
    secret = tmp_path / "f"
    secret.write_text("x")
    for mode, warns in [(0o600, False), (0o400, False), (0o640, True), (0o604, True)]:
        secret.chmod(mode)
        assert (permission_warning(secret, "token file") is not None) is warns


def test_masking() -> None:
    assert mask_secret(f"Bearer {TOKEN}", TOKEN) == "Bearer [redacted]"
    assert mask_secret("abc", "abc") == "[redacted]"
    assert mask_secret("abcdef", "abc") == "abcdef"  # too short to mask inside other text
    assert contains_secret(f"x{TOKEN}y", TOKEN)
    assert not contains_secret("anything", None)
