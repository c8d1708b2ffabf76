"""Helpers for the end-to-end tests: the emulator as a real HTTP server in a child process, and
the real app in a tmux pane, driven with `send-keys` and read with `capture-pane`.

Each `TmuxApp` starts its own tmux server (a private `-L` socket and config file), so the tests
never touch a developer's tmux sessions. The pane stays readable after the app exits
(`remain-on-exit`), so a crash's traceback ends up in the failure message.
"""

from __future__ import annotations

import os
import queue
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

TMUX = shutil.which("tmux")
WIDTH, HEIGHT = 120, 36
BASE_URL_LINE = re.compile(r"base URL: (http://\S+)")
POLL_SECONDS = 0.05
COMMAND_BAR_HINT = ":view (recipes"  # the command bar's placeholder: it is open and empty
FILTER_HINT = "filter (! inverts)"  # the filter box's placeholder
T = TypeVar("T")

TMUX_CONFIG = """\
set -g status off
set -g remain-on-exit on
set -g default-shell /bin/sh
set -g history-limit 200
"""


def app_command() -> list[str]:
    """The console script of the venv running the tests (or `python -m workato_tui`)."""
    script = Path(sys.executable).parent / "workato-tui"
    return [str(script)] if script.exists() else [sys.executable, "-m", "workato_tui"]


def wait_until(check: Callable[[], T | None], timeout: float, describe: Callable[[], str]) -> T:
    """Poll `check()` until it returns something truthy; fail with `describe()` on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(describe())
        time.sleep(POLL_SECONDS)


# -- the emulator server --------------------------------------------------------------------


def _pump(stream: Iterator[str], lines: queue.Queue[str]) -> None:
    """Read the child's output to the end (so its pipe never fills up)."""
    for line in stream:
        lines.put(line)


@contextmanager
def emulator_server(*extra: str, timeout: float = 10.0) -> Iterator[str]:
    """Run `workato-tui emulator --port 0`; yield its base URL once it is listening."""
    command = [*app_command(), "emulator", "--host", "127.0.0.1", "--port", "0", *extra]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        yield _read_base_url(process, lines, seen, timeout)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _read_base_url(
    process: subprocess.Popen[str], lines: queue.Queue[str], seen: list[str], timeout: float
) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            if process.poll() is not None:
                break
            continue
        seen.append(line)
        found = BASE_URL_LINE.search(line)
        if found:
            return found.group(1)
    raise AssertionError(
        f"the emulator printed no base URL within {timeout:g} s "
        f"(exit code {process.poll()}); output:\n{''.join(seen)}"
    )


# -- the app in tmux --------------------------------------------------------------------------


class TmuxApp:
    """One command running in a detached tmux pane of WIDTH x HEIGHT on a private server."""

    def __init__(self, workdir: Path, size: tuple[int, int] = (WIDTH, HEIGHT)) -> None:
        assert TMUX is not None, "tmux is not installed"
        self.size = size
        self.socket = f"workato-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.config = workdir / "tmux.conf"
        self.config.write_text(TMUX_CONFIG)
        self.session = "app"
        self.status_file = workdir / f"{self.socket}.status"
        self.started = False

    def tmux(self, *args: str, env: Mapping[str, str] | None = None, check: bool = True) -> str:
        done = subprocess.run(
            [TMUX, "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=10,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args[:1])} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, command: Sequence[str], env: Mapping[str, str]) -> None:
        """Start `command` in a new server whose environment (and so the app's) is `env`.

        The shell around it writes its exit status to a file: tmux sometimes marks a pane dead
        (its terminal closed) without ever reporting the status.
        """
        server_env = {k: v for k, v in env.items() if k not in ("TMUX", "TMUX_PANE")}
        server_env.setdefault("TERM", "xterm-256color")
        line = f"{shlex.join(command)}; echo $? > {shlex.quote(str(self.status_file))}"
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(self.size[0]),
            "-y",
            str(self.size[1]),
            line,
            env=server_env,
        )
        self.started = True

    def kill(self) -> None:
        if self.started:
            self.tmux("kill-server", check=False)
            self.started = False

    # input ----------------------------------------------------------------------------------

    def keys(self, *keys: str) -> None:
        """Named keys, tmux style: Enter, Escape, C-q, Up ..."""
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """Characters, sent literally (`:`, `/` and letters)."""
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def command(self, name: str) -> None:
        """`:` + name + enter, at a person's pace: the name is typed once the bar is open."""
        self.type(":")
        self.wait_for(COMMAND_BAR_HINT)
        self.type(name)
        self.wait_for(f"▊  {name}")
        self.keys("Enter")
        self.wait_without(f"▊  {name}")

    def filter(self, text: str) -> None:
        """`/` + text: the filter box opens, then the text is typed into it."""
        self.type("/")
        self.wait_for(FILTER_HINT)
        self.type(text)

    # output ---------------------------------------------------------------------------------

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def _look(self) -> str:
        """The screen; fails at once if the app has exited (a crash shows its traceback)."""
        out = self.tmux(
            "capture-pane",
            "-p",
            "-t",
            self.session,
            ";",
            "display-message",
            "-p",
            "-t",
            self.session,
            "#{pane_dead}",
        )
        screen, _, dead = out.rstrip("\n").rpartition("\n")
        if dead.strip() == "1":
            raise AssertionError(f"the app exited; the screen is:\n{screen}")
        return screen

    def wait_for(self, *texts: str, timeout: float = 10.0) -> str:
        """Wait until every one of `texts` is on screen; return the screen."""

        def check() -> str | None:
            screen = self._look()
            return screen if all(text in screen for text in texts) else None

        return wait_until(check, timeout, lambda: self._missing(texts, "on screen"))

    def wait_without(self, *texts: str, timeout: float = 10.0) -> str:
        """Wait until none of `texts` is on screen; return the screen."""

        def check() -> str | None:
            screen = self._look()
            return screen if not any(text in screen for text in texts) else None

        return wait_until(check, timeout, lambda: self._missing(texts, "gone"))

    def _missing(self, texts: Sequence[str], state: str) -> str:
        return f"waited for {list(texts)} to be {state}; the screen is:\n{self.screen()}"

    def exit_status(self) -> str | None:
        """The app's exit code once it has ended and its pane is dead, else None."""
        dead = self.tmux("display-message", "-p", "-t", self.session, "#{pane_dead}").strip()
        if dead != "1" or not self.status_file.exists():
            return None
        return self.status_file.read_text().strip() or None

    def wait_exit(self, timeout: float = 10.0) -> str:
        """Wait until the app's process has ended; return its exit code ("0", "1", ...)."""
        return wait_until(
            self.exit_status,
            timeout,
            lambda: f"the app did not exit; the screen is:\n{self.screen()}",
        )


AppStarter = Callable[..., TmuxApp]  # start_app(*args, token=...) in conftest.py
