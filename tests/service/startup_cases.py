"""The start-up matrix's cases: a config (or none), the command line and the environment, and
the exit code and message `workato-tui --check` must give. Run by test_startup_matrix.py.

(Not in conftest.py: the test module imports these by name.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
        "unknown binding id",
        PROD + '[keymap]\nrefersh = "f5"\n',
        CONFIG,
        "line 4: keymap.refersh: unknown binding id 'refersh'; did you mean refresh?",
    ),
    Case(
        "unknown profile binding id",
        PROD + '[profiles.prod.keymap]\nrecipe-stopp = "X"\n',
        CONFIG,
        "line 4: profiles.prod.keymap.recipe-stopp: unknown binding id 'recipe-stopp'; "
        "did you mean recipe-stop",
    ),
    Case(
        "binding id like no other",
        PROD + '[keymap]\nzzzzzz = "f5"\n',
        CONFIG,
        "unknown binding id 'zzzzzz'; (workato-tui --keys lists every id)",
    ),
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
