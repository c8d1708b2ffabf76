"""The start-up matrix: every way the config, the environment or the command line can be wrong
gives a clear message naming what is wrong, no traceback, never the token, and a non-zero exit
where the app cannot start.

Each case runs `workato_tui.__main__.main()` in-process with `--check` (read the config and the
token, start nothing, send nothing), so the whole matrix takes about a second; a few cases also
run the installed `workato-tui` command in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from workato_tui.__main__ import main
from workato_tui.service import tokens

GOOD = "tok-GOOD-0123456789abcdef"
SECRETS = (GOOD, "tok BAD 0123456789", "tok\x00NUL0123456789", "tök-0123456789", "hunter2secret")
OK, CONFIG, NO_TOKEN = 0, 2, 3


@dataclass(frozen=True)
class Case:
    name: str
    config: str | bytes | None  # None: no config file
    code: int
    says: str  # a part of the message (after {root} is replaced)
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)  # relative to the test root


PROD = '[profiles.prod]\ntoken_env = "PROD_TOKEN"\n'
CASES = [
    # the file itself
    Case("bad TOML", "[profiles.prod\n", CONFIG, "line 1, column 15: invalid TOML"),
    Case("duplicate key", 'theme = "nord"\ntheme = "nord"\n', CONFIG, "line 2"),
    Case("not UTF-8", b'theme = "caf\xe9"\n', CONFIG, "line 1: the file is not valid UTF-8"),
    Case(
        "config is a folder",
        None,
        CONFIG,
        "cannot read the config file",
        files={"cfg/": ""},
        env={"WORKATO_TUI_CONFIG": "{root}/cfg"},
    ),
    Case(
        "named config missing",
        None,
        CONFIG,
        "config file not found",
        env={"WORKATO_TUI_CONFIG": "{root}/missing.toml"},
    ),
    # wrong types
    Case(
        "read_only string", PROD + 'read_only = "yes"\n', CONFIG, "line 3: profiles.prod.read_only"
    ),
    Case("label number", PROD + "label = 5\n", CONFIG, "profiles.prod.label"),
    Case("profiles not a table", "profiles = 3\n", CONFIG, "profiles: must be a table"),
    Case("keyring string", PROD + 'keyring = "true"\n', CONFIG, "profiles.prod.keyring"),
    Case(
        "access level",
        PROD + '[profiles.prod.access]\nrecipes = "admin"\n',
        CONFIG,
        "line 4: profiles.prod.access.recipes: must be one of none, read, write",
    ),
    Case("keymap not a table", 'keymap = "f5"\n', CONFIG, "keymap"),
    # unknown keys
    Case(
        "unknown top-level key",
        'themes = "nord"\n',
        CONFIG,
        "unknown key 'themes' (did you mean 'theme'?)",
    ),
    Case("unknown profile key", PROD + 'tokn_env = "X"\n', CONFIG, "unknown key 'tokn_env'"),
    Case(
        "unknown access family",
        PROD + '[profiles.prod.access]\nrecipe = "read"\n',
        CONFIG,
        "unknown key 'recipe'",
    ),
    # profiles
    Case("unknown --profile", PROD, CONFIG, "no profile named 'nope'", args=("--profile", "nope")),
    Case(
        "unknown default_profile",
        'default_profile = "nope"\n' + PROD,
        CONFIG,
        "line 1: default_profile: no profile named 'nope'",
    ),
    Case(
        "two profiles, no default",
        PROD + '[profiles.dev]\ntoken_env = "D"\n',
        CONFIG,
        "several profiles",
    ),
    Case(
        "bad profile name",
        '[profiles."bad name"]\ntoken_env = "X"\n',
        CONFIG,
        "must be 1-64 letters",
    ),
    Case("unknown data centre", PROD + 'data_center = "mars"\n', CONFIG, "must be one of us, eu"),
    Case(
        "data centre and base URL",
        PROD + 'data_center = "eu"\nbase_url = "https://x.io"\n',
        CONFIG,
        "give data_center or base_url, not both",
    ),
    # base URLs
    Case(
        "plain http",
        PROD + 'base_url = "http://evil.example.com"\n',
        CONFIG,
        "refusing to send the API token over plain HTTP",
    ),
    Case(
        "user:password@ in base_url",
        PROD + 'base_url = "https://me:hunter2secret@x.io"\n',
        CONFIG,
        "line 3: profiles.prod.base_url: a base URL must not hold a user name",
    ),
    Case(
        "user:password@ in --base-url",
        None,
        CONFIG,
        "must not hold a user name or password",
        args=("--base-url", "https://me:hunter2secret@x.io"),
    ),
    Case(
        "--base-url not a URL",
        None,
        CONFIG,
        "must look like https://host",
        args=("--base-url", "ftp://x.io"),
    ),
    Case(
        "WORKATO_HOST plain http",
        None,
        CONFIG,
        "WORKATO_HOST='http://evil.example.com'",
        env={"WORKATO_HOST": "http://evil.example.com"},
    ),
    Case(
        "WORKATO_HOST with a user",
        None,
        CONFIG,
        "must not hold a user name",
        env={"WORKATO_HOST": "https://me:hunter2secret@x.io"},
    ),
    Case("base_url not a URL", PROD + 'base_url = "not a url"\n', CONFIG, "must look like"),
    Case("bad port", PROD + 'base_url = "https://x.io:https"\n', CONFIG, "must look like"),
    # colour, theme, keymap
    Case(
        "unknown colour",
        PROD + 'color = "notacolor"\n',
        CONFIG,
        "line 3: profiles.prod.color: 'notacolor' is not a colour",
    ),
    Case(
        "unknown theme",
        'theme = "nosuch"\n' + PROD,
        CONFIG,
        "line 1: theme: unknown theme 'nosuch'",
    ),
    Case(
        "unknown profile theme",
        PROD + 'theme = "nosuch"\n',
        CONFIG,
        "line 3: profiles.prod.theme: unknown theme 'nosuch'",
    ),
    Case(
        "unknown key name",
        PROD + '[keymap]\nrefresh = "ctrl+notakey"\n',
        CONFIG,
        "line 4: keymap.refresh: 'ctrl+notakey': 'notakey' is not a key name",
    ),
    Case(
        "unknown modifier",
        PROD + '[keymap]\nrefresh = "cmd+r"\n',
        CONFIG,
        "'cmd' is not a modifier",
    ),
    Case("empty key", PROD + '[keymap]\nrefresh = "f5,,f6"\n', CONFIG, "comma-separated key names"),
    Case(
        "profile keymap",
        PROD + '[profiles.prod.keymap]\nquit = "f99"\n',
        CONFIG,
        "line 4: profiles.prod.keymap.quit: 'f99'",
    ),
    # token sources (--check: the app would open its first-run screen with the same message)
    Case("no token anywhere", None, NO_TOKEN, "WORKATO_API_TOKEN is not set"),
    Case("token_env not set", PROD, NO_TOKEN, "PROD_TOKEN is not set"),
    Case(
        "token_file missing",
        '[profiles.p]\ntoken_file = "{root}/none"\n',
        NO_TOKEN,
        "cannot read token file {root}/none",
    ),
    Case(
        "token_file is a folder",
        '[profiles.p]\ntoken_file = "{root}/dir"\n',
        NO_TOKEN,
        "cannot read token file",
        files={"dir/": ""},
    ),
    Case(
        "token_file empty",
        '[profiles.p]\ntoken_file = "{root}/t"\n',
        NO_TOKEN,
        "is empty",
        files={"t": "\n"},
    ),
    Case(
        "token_command not found",
        '[profiles.p]\ntoken_command = "no-such-prog-x1"\n',
        NO_TOKEN,
        "program 'no-such-prog-x1' not found",
    ),
    Case(
        "token_command fails",
        '[profiles.p]\ntoken_command = "false"\n',
        NO_TOKEN,
        "failed with exit code 1",
    ),
    Case(
        "token_command prints nothing",
        '[profiles.p]\ntoken_command = "true"\n',
        NO_TOKEN,
        "printed nothing",
    ),
    Case(
        "token_command hangs",
        '[profiles.p]\ntoken_command = "sleep 30"\n',
        NO_TOKEN,
        "did not finish within 0.5 s",
    ),
    Case(
        "token_command unbalanced quote",
        '[profiles.p]\ntoken_command = "echo \'abc"\n',
        NO_TOKEN,
        "cannot be split into a program and its arguments: no closing quotation",
    ),
    Case(
        "token_command blank",
        '[profiles.p]\ntoken_command = " "\n',
        CONFIG,
        "profiles.p.token_command: must not be empty",
    ),
    Case("keyring unavailable", "[profiles.p]\nkeyring = true\n", NO_TOKEN, "keyring"),
    # bad tokens: the source is named, the token never shown
    Case(
        "token with a space",
        PROD,
        NO_TOKEN,
        "the token from environment variable PROD_TOKEN is not a valid API token: it contains "
        "a space",
        env={"PROD_TOKEN": "tok BAD 0123456789"},
    ),
    Case(
        "token with NUL",
        '[profiles.p]\ntoken_file = "{root}/t"\n',
        NO_TOKEN,
        "the token from file {root}/t is not a valid API token: it contains a NUL",
        files={"t": "tok\x00NUL0123456789"},
    ),
    Case(
        "non-ASCII token",
        PROD,
        NO_TOKEN,
        "it contains a non-ASCII character",
        env={"PROD_TOKEN": "tök-0123456789"},
    ),
    Case(
        "token of two lines",
        '[profiles.p]\ntoken_file = "{root}/t"\n',
        NO_TOKEN,
        "contains a control character",
        files={"t": "tok-GOOD-0123456789abcdef\nsecond\n"},
    ),
    Case(
        "token from a command with a space",
        "[profiles.p]\ntoken_command = \"echo 'a b c'\"\n",
        NO_TOKEN,
        "the token from command `echo 'a b c'` is not a valid API token",
    ),
    Case(
        "literal token with a space",
        '[profiles.p]\ntoken = "tok BAD 0123456789"\n',
        NO_TOKEN,
        "is not a valid API token: it contains a space",
    ),
    # what works
    Case(
        "env token",
        PROD,
        OK,
        "profile prod: https://www.workato.com, token from environment variable PROD_TOKEN: ready",
        env={"PROD_TOKEN": GOOD},
    ),
    Case(
        "WORKATO_API_TOKEN and WORKATO_HOST",
        None,
        OK,
        "https://app.eu.workato.com",
        env={"WORKATO_API_TOKEN": GOOD, "WORKATO_HOST": "eu"},
    ),
    Case(
        "token_file",
        '[profiles.p]\ntoken_file = "{root}/t"\n',
        OK,
        "token from file",
        files={"t": GOOD + "\n"},
    ),
    Case(
        "token_command",
        '[profiles.p]\ntoken_command = "cat {root}/t"\n',
        OK,
        "token from command `cat {root}/t`: ready",
        files={"t": GOOD},
    ),
]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(tokens, "COMMAND_TIMEOUT", 0.5)  # the hanging token_command

    def run_case(case: Case) -> tuple[int, str]:
        root = str(tmp_path)
        monkeypatch.setenv("WORKATO_TUI_HOME", root)
        for name, value in case.env.items():
            monkeypatch.setenv(name, value.replace("{root}", root))
        for name, content in case.files.items():
            path = tmp_path / name
            if name.endswith("/"):
                path.mkdir()
            else:
                (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
                path.chmod(0o600)
        if case.config is not None:
            config = tmp_path / "config" / "config.toml"
            config.parent.mkdir()
            text = case.config
            config.write_bytes(
                text if isinstance(text, bytes) else text.replace("{root}", root).encode()
            )
        try:
            code = main(["--check", *case.args])
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
        out = capsys.readouterr()
        return code, out.out + out.err

    return run_case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_startup_case(case: Case, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, output = run(case)
    assert code == case.code, output
    assert case.says.replace("{root}", str(tmp_path)) in output
    assert "Traceback" not in output and 'File "' not in output
    for secret in SECRETS:
        assert secret not in output
    assert output.count("\n") <= 4 or case.code == OK, output  # a short message


def test_the_matrix_covers_the_cases_the_issue_tried() -> None:
    assert len(CASES) >= 39
    assert {c.code for c in CASES} == {OK, CONFIG, NO_TOKEN}


def test_a_command_line_typo_is_a_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    code, output = run(Case("unknown option", None, 2, "", args=("--nope",)))
    assert code == 2 and "unrecognized arguments: --nope" in output
    assert "Traceback" not in output


WORKATO_TUI = shutil.which("workato-tui", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(WORKATO_TUI is None, reason="the workato-tui command is not installed")
@pytest.mark.parametrize(
    ("config", "env", "code", "says"),
    [
        (PROD + 'color = "notacolor"\n', {}, CONFIG, "line 3: profiles.prod.color"),
        (PROD, {"PROD_TOKEN": "tok BAD 0123456789"}, NO_TOKEN, "it contains a space"),
        (PROD, {"PROD_TOKEN": GOOD}, OK, "ready (nothing was sent)"),
    ],
)
def test_the_installed_command(
    tmp_path: Path, config: str, env: dict[str, str], code: int, says: str
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text(config)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("WORKATO")}
    environment.update(env, WORKATO_TUI_HOME=str(tmp_path))
    assert WORKATO_TUI is not None
    done = subprocess.run(
        [WORKATO_TUI, "--check"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == code, output
    assert says in output and "Traceback" not in output
    assert GOOD not in output and "tok BAD" not in output
