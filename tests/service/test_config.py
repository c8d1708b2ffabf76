from __future__ import annotations

from pathlib import Path

import pytest

from workato_tui.service.config import ConfigError, load_config, resolve_profile

FULL = """\
theme = "textual-dark"
default_profile = "prod"

[profiles.prod]
label = "PROD"
color = "red"
data_center = "us"
token_env = "WORKATO_PROD_TOKEN"
read_only = true

[profiles.prod.access]
recipes = "write"
lookup_tables = "read"

[profiles.prod.keymap]
refresh = "ctrl+r,f5"

[profiles.sandbox]
base_url = "https://app.eu.workato.com/"
token_command = "pass show workato/sandbox"
theme = "nord"

[profiles.local]
base_url = "http://127.0.0.1:8765"
keyring = true

[keymap]
refresh = "f5"
quit = "ctrl+q"
"""


def test_full_config_loads(write_config) -> None:
    path = write_config(FULL)
    config = load_config(path)
    assert config.source == path
    assert config.theme == "textual-dark"
    assert list(config.profiles) == ["prod", "sandbox", "local"]
    prod = config.profiles["prod"]
    assert (prod.label, prod.color, prod.read_only) == ("PROD", "red", True)
    assert prod.access.recipes == "write"  # type: ignore[attr-defined]


def test_resolve_default_profile(write_config) -> None:
    profile = resolve_profile(load_config(write_config(FULL)), env={})
    assert profile.name == "prod"
    assert profile.label == "PROD"
    assert profile.color == "red"
    assert profile.base_url == "https://www.workato.com"
    assert profile.data_center == "us"
    assert profile.token_source == "environment variable WORKATO_PROD_TOKEN"
    assert profile.read_only is True
    assert profile.access == {"recipes": "write", "lookup_tables": "read"}
    assert profile.keymap == {"refresh": "ctrl+r,f5", "quit": "ctrl+q"}
    assert profile.theme == "textual-dark"


def test_resolve_named_profile_with_base_url(write_config) -> None:
    profile = resolve_profile(load_config(write_config(FULL)), "sandbox", env={})
    assert profile.base_url == "https://app.eu.workato.com"
    assert profile.data_center == "eu"
    assert profile.label == "sandbox"
    assert profile.theme == "nord"
    assert profile.keymap == {"refresh": "f5", "quit": "ctrl+q"}
    assert profile.token_source == "command `pass show workato/sandbox`"
    assert profile.access == {}
    assert not profile.read_only


def test_plain_http_is_allowed_for_loopback(write_config) -> None:
    profile = resolve_profile(load_config(write_config(FULL)), "local", env={})
    assert profile.base_url == "http://127.0.0.1:8765"
    assert profile.data_center is None
    assert "OS keyring" in profile.token_source


def _error(write_config, text: str) -> ConfigError:
    path = write_config(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_toml_syntax_error_names_line_and_column(write_config) -> None:
    error = _error(write_config, 'theme = "x"\n\n[profiles.prod]\nlabel = = "PROD"\n')
    assert "line 4, column 9" in str(error)
    assert "invalid TOML" in str(error)
    assert error.problems[0].line == 4


def test_unknown_key_is_named_with_its_line(write_config) -> None:
    error = _error(write_config, '[profiles.prod]\ndata_center = "us"\nread_onyl = true\n')
    assert str(error).endswith(
        "line 3: profiles.prod.read_onyl: unknown key 'read_onyl' (did you mean 'read_only'?)"
    )


def test_unknown_top_level_key(write_config) -> None:
    error = _error(write_config, 'themes = "nord"\n')
    assert "line 1: themes: unknown key 'themes'" in str(error)


def test_unknown_family_in_access(write_config) -> None:
    error = _error(write_config, '[profiles.prod.access]\nrecipe = "read"\n')
    assert "line 2: profiles.prod.access.recipe: unknown key 'recipe'" in str(error)
    assert "did you mean 'recipes'" in str(error)


def test_bad_access_value(write_config) -> None:
    text = FULL.replace('recipes = "write"', 'recipes = "admin"')
    error = _error(write_config, text)
    assert str(error).endswith(
        "config.toml line 12: profiles.prod.access.recipes: must be one of none, read, write"
    )


def test_bad_access_value_in_inline_table(write_config) -> None:
    error = _error(write_config, '[profiles.dev]\naccess = { jobs = "rw" }\n')
    assert "line 2: profiles.dev.access.jobs: must be one of none, read, write" in str(error)


def test_access_must_be_a_table(write_config) -> None:
    error = _error(write_config, '[profiles.dev]\naccess = "read"\n')
    assert "line 2: profiles.dev.access: must be a table" in str(error)


def test_insecure_base_url(write_config) -> None:
    error = _error(write_config, '[profiles.dev]\nlabel = "DEV"\nbase_url = "http://example.com"\n')
    assert "line 3: profiles.dev.base_url: refusing to send the API token over plain HTTP" in str(
        error
    )


def test_unknown_data_center(write_config) -> None:
    error = _error(write_config, '[profiles.dev]\ndata_center = "mars"\n')
    assert "line 2: profiles.dev.data_center: must be one of us, eu" in str(error)


def test_data_center_and_base_url_together(write_config) -> None:
    text = '[profiles.dev]\ndata_center = "eu"\nbase_url = "https://app.eu.workato.com"\n'
    error = _error(write_config, text)
    assert "line 1: profiles.dev: give data_center or base_url, not both" in str(error)


def test_wrong_type(write_config) -> None:
    error = _error(write_config, '[profiles.dev]\nread_only = "yes"\n')
    assert "line 2: profiles.dev.read_only: should be a valid boolean" in str(error)


def test_unsafe_profile_name(write_config) -> None:
    error = _error(write_config, '[profiles."../../etc"]\ndata_center = "us"\n')
    assert "line 1: profiles.../../etc: profile name" in str(error)


def test_default_profile_must_exist(write_config) -> None:
    error = _error(write_config, 'default_profile = "prd"\n[profiles.prod]\n')
    assert "line 1: default_profile: no profile named 'prd' (profiles: prod)" in str(error)


def test_bad_keymap_keys(write_config) -> None:
    error = _error(write_config, '[keymap]\nrefresh = "ctrl+r,,f5"\n')
    assert "line 1: keymap: keys for 'refresh'" in str(error)


def test_every_problem_is_reported(write_config) -> None:
    error = _error(write_config, 'colour = "red"\n[profiles.a]\nread_only = 3\n')
    fields = [p.field for p in error.problems]
    assert fields == ["colour", "profiles.a.read_only"]


def test_non_utf8_file(write_config, paths) -> None:
    paths.config_file.parent.mkdir(parents=True)
    paths.config_file.write_bytes(b'theme = "a"\nlabel = "\xff"\n')
    with pytest.raises(ConfigError, match="line 2: the file is not valid UTF-8"):
        load_config(paths.config_file)


def test_missing_file_is_an_empty_config(paths) -> None:
    config = load_config(paths.config_file)
    assert config.profiles == {}
    assert config.source is None


def test_missing_file_named_by_the_user_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml", must_exist=True)


# --- choosing a profile ----------------------------------------------------------------------


def test_missing_profile(write_config) -> None:
    config = load_config(write_config(FULL))
    with pytest.raises(ConfigError, match=r"no profile named 'staging'.*prod, sandbox, local"):
        resolve_profile(config, "staging", env={})


def test_single_profile_is_the_default(write_config) -> None:
    config = load_config(write_config('[profiles.only]\ndata_center = "jp"\n'))
    profile = resolve_profile(config, env={})
    assert (profile.name, profile.base_url) == ("only", "https://app.jp.workato.com")


def test_several_profiles_and_no_default(write_config) -> None:
    config = load_config(write_config("[profiles.a]\n[profiles.b]\n"))
    with pytest.raises(ConfigError, match=r"several profiles .* \(a, b\) and no default_profile"):
        resolve_profile(config, env={})


# --- the environment, as Workato's CLIs use it ------------------------------------------------


def test_no_config_uses_the_environment(paths) -> None:
    env = {"WORKATO_API_TOKEN": "secret-value", "WORKATO_HOST": "app.eu.workato.com"}
    profile = resolve_profile(load_config(paths.config_file), env=env)
    assert profile.name == "default"
    assert profile.base_url == "https://app.eu.workato.com"
    assert profile.data_center == "eu"
    assert profile.token_source == "environment variable WORKATO_API_TOKEN"
    assert "secret-value" not in repr(profile)


@pytest.mark.parametrize(
    ("host", "base_url", "data_center"),
    [
        ("eu", "https://app.eu.workato.com", "eu"),
        ("JP", "https://app.jp.workato.com", "jp"),
        ("https://app.sg.workato.com/", "https://app.sg.workato.com", "sg"),
        ("http://localhost:9000", "http://localhost:9000", None),
    ],
)
def test_workato_host_forms(paths, host: str, base_url: str, data_center: str | None) -> None:
    profile = resolve_profile(load_config(paths.config_file), env={"WORKATO_HOST": host})
    assert (profile.base_url, profile.data_center) == (base_url, data_center)


def test_insecure_workato_host(paths) -> None:
    with pytest.raises(ConfigError, match=r"WORKATO_HOST='http://example\.com'.*plain HTTP"):
        resolve_profile(load_config(paths.config_file), env={"WORKATO_HOST": "http://example.com"})


def test_profile_host_wins_over_workato_host(write_config) -> None:
    config = load_config(write_config(FULL))
    profile = resolve_profile(config, "prod", env={"WORKATO_HOST": "eu"})
    assert profile.base_url == "https://www.workato.com"


def test_workato_host_fills_a_profile_without_a_host(write_config) -> None:
    config = load_config(write_config('[profiles.x]\ntoken_env = "X_TOKEN"\n'))
    assert resolve_profile(config, env={"WORKATO_HOST": "au"}).data_center == "au"
    assert resolve_profile(config, env={}).base_url == "https://www.workato.com"


def test_api_token_env_only_when_the_profile_names_no_source(write_config) -> None:
    config = load_config(write_config('[profiles.a]\n[profiles.b]\ntoken_env = "B"\n'))
    assert resolve_profile(config, "a", env={}).token_source.endswith("WORKATO_API_TOKEN")
    assert resolve_profile(config, "b", env={}).token_source == "environment variable B"


def test_token_source_chain_is_described_in_order(write_config) -> None:
    text = '[profiles.a]\ntoken_command = "get-it"\ntoken_env = "A_TOKEN"\nkeyring = true\n'
    profile = resolve_profile(load_config(write_config(text)), env={})
    assert [s.kind for s in profile.token_sources] == ["command", "env", "keyring"]
    assert profile.token_source.startswith("command `get-it`, then environment variable A_TOKEN")
