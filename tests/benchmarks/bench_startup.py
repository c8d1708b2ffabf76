"""Benchmark: whole-process start to the first frame with data, in a real pseudo-terminal.

    python tests/benchmarks/bench_startup.py [--repeat 9]

Runs `workato-tui --demo` (as `python -m workato_tui --demo`) and, as the baseline, a bare
Textual app that shows one line, each in its own pseudo-terminal of 120x40, and times from
spawning the process to the moment its output contains a known string: a demo recipe name
(the recipes list has data) or the bare app's line. Median of `--repeat` runs each, the apps
interleaved run by run so a noisy neighbour slows both alike; the ratio of the medians is the
figure, and the median of each round's own ratio (its app against the bare run just before
it) is printed beside it, less moved by the machine's speed drifting between rounds. Each
run gets a fresh home directory (no config, no last-known snapshot), except the "home with a
snapshot" runs: there the demo ran once before and quit with ctrl+q, saving its last-known
snapshot, which the measured start paints before the emulator answers. Also printed: the CPU
seconds the process had used by the first frame, steadier than wall time on a shared machine.

What each start needs before that frame: with a snapshot, only Textual and the app's light
modules (the last-known recipes are revived without pydantic; httpx, the client, the API models
and the emulator are built in a thread after the frame, see workato_tui/starting.py). A fresh
home has nothing to paint until the emulator answers: all of that must be imported and built,
the demo workspace seeded and the first pages served. The demo does that in a forked child
while the parent imports Textual and paints its first frame, on the other core; the child
saves the rows as the snapshot, which the parent then paints (workato_tui/primer.py). Its CPU
is counted in the figure below (the parent has reaped it by then).

Both processes get the same private bytecode cache (PYTHONPYCACHEPREFIX, a temporary directory)
with PYTHONDONTWRITEBYTECODE unset, so the unmeasured warm-up run of each compiles its modules
once and the measured runs load compiled bytecode, as an installed package does. (With
PYTHONDONTWRITEBYTECODE=1 in the environment and an editable install, every start used to
compile workato_tui's ~140 modules from source, about 100 ms, while Textual's came precompiled.)
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

COLUMNS, LINES = 120, 40
DEMO_MARKER = b"Sync closed-won opportunities"
BARE_MARKER = b"Hello from a bare Textual app"
BARE_APP = f"""
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static({BARE_MARKER.decode()!r})


Bare().run()
"""
TIMEOUT = 30.0


@dataclass(frozen=True)
class Run:
    wall: float  # seconds from spawning the process to the marker on its terminal
    cpu: float  # CPU seconds the process had used by then (user + system, all threads)


def time_to_marker(
    command: list[str], marker: bytes, home: Path, pycache: Path, *, quit_after: bool = False
) -> Run:
    """Spawn `command` in a pty and time it until `marker` appears in its output.

    `quit_after`: then wait for the output to settle, press ctrl+q and wait for a clean exit
    (so the app saves its last-known snapshot in `home`); otherwise kill it."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=_environment(home, pycache),
        start_new_session=True,
    )
    os.close(slave)
    try:
        seen = b""
        while marker not in seen:
            if time.perf_counter() - start > TIMEOUT:
                raise TimeoutError(f"{marker!r} not shown by {command}: {seen[-500:]!r}")
            seen += _read(master, command, seen)
        run = Run(time.perf_counter() - start, _cpu_seconds(process.pid))
        if quit_after:
            _quit(master, process, command)
        return run
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def _environment(home: Path, pycache: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": str(COLUMNS),
        "LINES": str(LINES),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHONPYCACHEPREFIX": str(pycache),
    }
    env.pop("NO_COLOR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _read(master: int, command: list[str], seen: bytes, wait: float = 0.5) -> bytes:
    """What the process wrote within `wait` seconds (b"" if nothing)."""
    ready, _, _ = select.select([master], [], [], wait)
    if not ready:
        return b""
    try:
        return os.read(master, 65536)
    except OSError:  # the child closed the terminal
        raise RuntimeError(f"{command} ended: {seen[-500:]!r}") from None


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a running process and of the children it has reaped (the demo's
    primer, see below), from /proc (clock-tick resolution)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(field) for field in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _quit(master: int, process: subprocess.Popen[bytes], command: list[str]) -> None:
    settle = time.perf_counter() + 3.0  # the pages after the first paint (a clock ticks on)
    while time.perf_counter() < settle and _read(master, command, b"", wait=1.0):
        pass
    os.write(master, b"\x11")  # ctrl+q
    deadline = time.perf_counter() + TIMEOUT
    while process.poll() is None and time.perf_counter() < deadline:
        try:
            _read(master, command, b"", wait=0.2)
        except RuntimeError:
            break  # the terminal closed: it has quit
    process.wait(timeout=TIMEOUT)


def measure(apps: dict[str, Callable[[Path], Run]], repeat: int) -> dict[str, list[Run]]:
    """`repeat` runs of each app, interleaved (a noisy machine slows neighbours alike)."""
    runs: dict[str, list[Run]] = {name: [] for name in apps}
    for _ in range(repeat):
        for name, run in apps.items():
            with tempfile.TemporaryDirectory(prefix="bench-startup-home-") as home:
                runs[name].append(run(Path(home)))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    python = sys.executable
    bare_app, demo_app = [python, "-c", BARE_APP], [python, "-m", "workato_tui", "--demo"]
    with tempfile.TemporaryDirectory(prefix="bench-startup-pycache-") as cache:
        pycache = Path(cache)

        def bare(home: Path) -> Run:
            return time_to_marker(bare_app, BARE_MARKER, home, pycache)

        def demo(home: Path) -> Run:
            return time_to_marker(demo_app, DEMO_MARKER, home, pycache)

        def demo_warm(home: Path) -> Run:
            time_to_marker(demo_app, DEMO_MARKER, home, pycache, quit_after=True)
            if not any((home / "cache").rglob("*.json")):
                raise RuntimeError("the demo saved no last-known snapshot on ctrl+q")
            return time_to_marker(demo_app, DEMO_MARKER, home, pycache)

        apps = {"bare": bare, "demo": demo, "warm": demo_warm}
        measure(apps, 1)  # unmeasured: warm file caches, bytecode compiled into `pycache`
        runs = measure(apps, args.repeat)
    print(f"Start to first frame with data, pty {COLUMNS}x{LINES}, median of {args.repeat}")
    print("  (wall s; CPU s of the process by then)")
    for name, label in LABELS.items():
        print(f"  {label:<44} {_median(runs[name])}   {_runs(runs[name])}")
    bare_wall = statistics.median(r.wall for r in runs["bare"])
    bare_cpu = statistics.median(r.cpu for r in runs["bare"])
    for name in ("demo", "warm"):
        wall = statistics.median(r.wall for r in runs[name])
        cpu = statistics.median(r.cpu for r in runs[name])
        rounds = zip(runs[name], runs["bare"], strict=True)
        paired = statistics.median(a.wall / b.wall for a, b in rounds)
        print(
            f"  {name} / bare = {wall / bare_wall:.2f}x   (CPU {cpu / bare_cpu:.2f}x; "
            f"median of the rounds' own ratios {paired:.2f}x)"
        )


LABELS = {
    "bare": "bare Textual app, one line",
    "demo": "workato-tui --demo, fresh home (recipes)",
    "warm": "workato-tui --demo, home with a snapshot",
}


def _median(runs: list[Run]) -> str:
    wall = statistics.median(r.wall for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    return f"{wall:.3f} s (CPU {cpu:.2f})"


def _runs(runs: list[Run]) -> str:
    return "(" + ", ".join(f"{r.wall:.3f}" for r in runs) + ")"


if __name__ == "__main__":
    main()
