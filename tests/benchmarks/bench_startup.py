"""Benchmark: whole-process start to the first frame with data, in a real pseudo-terminal.

    python tests/benchmarks/bench_startup.py [--repeat 5]

Runs `workato-tui --demo` (as `python -m workato_tui --demo`) and, as the baseline, a bare
Textual app that shows one line, each in its own pseudo-terminal of 120x40, and times from
spawning the process to the moment its output contains a known string: a demo recipe name
(the recipes list has data) or the bare app's line. Median of `--repeat` runs each; each
run gets a fresh home directory (no config, no last-known snapshot) unless --keep-home.

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


def time_to_marker(
    command: list[str], marker: bytes, home: Path, pycache: Path | None = None
) -> float:
    """Seconds from spawning `command` in a pty until `marker` appears in its output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
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
    }
    env.pop("NO_COLOR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if pycache is not None:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while marker not in seen:
            if time.perf_counter() - start > TIMEOUT:
                raise TimeoutError(f"{marker!r} not shown by {command}: {seen[-500:]!r}")
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    raise RuntimeError(f"{command} ended: {seen[-500:]!r}") from None
        return time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def measure(
    command: list[str], marker: bytes, repeat: int, keep_home: bool, pycache: Path
) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as shared:
        for _ in range(repeat):
            with tempfile.TemporaryDirectory(prefix="bench-startup-") as fresh:
                home = Path(shared if keep_home else fresh)
                times.append(time_to_marker(command, marker, home, pycache))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--keep-home", action="store_true", help="one home for all runs (snapshots kept)"
    )
    args = parser.parse_args()
    python = sys.executable
    bare_app, demo_app = [python, "-c", BARE_APP], [python, "-m", "workato_tui", "--demo"]
    with tempfile.TemporaryDirectory(prefix="bench-startup-pycache-") as pycache:
        # one unmeasured run each, so both start with warm file caches and compiled bytecode
        measure(bare_app, BARE_MARKER, 1, False, Path(pycache))
        measure(demo_app, DEMO_MARKER, 1, False, Path(pycache))
        bare = measure(bare_app, BARE_MARKER, args.repeat, args.keep_home, Path(pycache))
        demo = measure(demo_app, DEMO_MARKER, args.repeat, args.keep_home, Path(pycache))
    print(f"Start to first frame with data, pty {COLUMNS}x{LINES}, median of {args.repeat}")
    print(f"  bare Textual app, one line:  {statistics.median(bare):.3f} s   " + _runs(bare))
    print(f"  workato-tui --demo, recipes: {statistics.median(demo):.3f} s   " + _runs(demo))
    print(f"  workato-tui / bare = {statistics.median(demo) / statistics.median(bare):.2f}x")


def _runs(times: list[float]) -> str:
    return "(" + ", ".join(f"{t:.3f}" for t in times) + ")"


if __name__ == "__main__":
    main()
