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
from pathlib import Path

import pytest
from startup_cases import CASES, CONFIG, GOOD, NO_TOKEN, OK, PROD, SECRETS, Case

from workato_tui.__main__ import main
from workato_tui.service import tokens


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
