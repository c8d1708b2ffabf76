"""`SnapshotPrimer` with a real fork (issue 14 start-up), each case in a subprocess of its own:
this process has threads, and a fork is only made before any (as `workato-tui --demo` does).

The app's side of priming is tested in process in tests/tui/test_primer.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from workato_tui.first_frame import starting_demo
from workato_tui.profiles_open import demo_profile_set
from workato_tui.service.paths import Paths
from workato_tui.service.scope import recipes_under
from workato_tui.service.snapshot import FORMAT_VERSION

if TYPE_CHECKING:
    from pathlib import Path

    from workato_tui.api.models import Recipe

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")

FORK = """
import json, os, sys, time
from workato_tui.primer import SnapshotPrimer

def prime():
    print("from the child")  # must not reach the parent's terminal
    PRIME

primer = SnapshotPrimer.fork(prime)
primed = primer.wait(timeout=TIMEOUT)
again = primer.wait(timeout=TIMEOUT)
try:
    os.waitpid(primer.pid, os.WNOHANG)
    reaped = False
except ChildProcessError:
    reaped = True
print(json.dumps({"primed": primed, "again": again, "reaped": reaped}))
"""


def _fork(tmp_path: Path, prime: str, timeout: float = 20.0) -> tuple[dict[str, Any], str]:
    script = FORK.replace("PRIME", prime).replace("TIMEOUT", repr(timeout))
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=True,
    )
    return json.loads(result.stdout.splitlines()[-1]), result.stdout + result.stderr


def test_a_primer_that_finishes_says_so_and_leaves_no_child(tmp_path: Path) -> None:
    answer, output = _fork(tmp_path, "open('made', 'w').write('by the child')")
    assert answer == {"primed": True, "again": True, "reaped": True}
    assert (tmp_path / "made").read_text() == "by the child"
    assert "from the child" not in output  # the parent owns the terminal


def test_a_primer_that_fails_says_no_quietly(tmp_path: Path) -> None:
    answer, output = _fork(tmp_path, "raise RuntimeError('broken seed')")
    assert answer == {"primed": False, "again": False, "reaped": True}
    assert "broken seed" not in output and "Traceback" not in output


def test_a_primer_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    answer, _ = _fork(tmp_path, "time.sleep(30); open('made', 'w').write('late')", timeout=0.3)
    assert answer == {"primed": False, "again": False, "reaped": True}
    assert not (tmp_path / "made").exists()


PRIME_DEMO = """
import json
from workato_tui.first_frame import prime_demo
from workato_tui.service.paths import Paths

paths = Paths.default()
primer = prime_demo(paths, False, PROFILE)
primed = primer.wait() if primer else None
print(json.dumps({"primed": primed, "again": prime_demo(paths, False, PROFILE) is None}))
"""


@pytest.mark.parametrize("profile", ["demo", "demo-dev"])
def test_prime_demo_saves_the_recipes_the_app_would_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str
) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    env |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", PRIME_DEMO.replace("PROFILE", repr(profile))],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
        check=True,
    )
    answer = json.loads(result.stdout.splitlines()[-1])
    assert answer == {"primed": True, "again": True}  # and once there is one, no second
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    paths = Paths.default()
    starting, _ = starting_demo(paths, False, profile)  # what the app paints first
    painted = sorted(row["name"] for row in starting.last_known("recipes:all") or [])
    listed = sorted(r.name for r in asyncio.run(_listed(paths, profile)))
    assert painted == listed and painted


async def _listed(paths: Paths, profile: str) -> list[Recipe]:
    """The recipes the app lists for `profile`, read from an emulator of its own."""
    service = demo_profile_set(paths, False, profile).open(profile)
    try:
        return await recipes_under(service, None)
    finally:
        await service.aclose()


PRIME_OVER_AN_OLD_FORMAT = """
import json
from workato_tui.first_frame import prime_demo
from workato_tui.service.paths import Paths

paths = Paths.default()
prime_demo(paths, False, "demo").wait()
[saved] = paths.cache_dir.rglob("snapshot-*.json")
saved.write_text(json.dumps({"version": 0, "saved_at": "2026-01-01T00:00:00+00:00", "data": {}}))
again = prime_demo(paths, False, "demo")
primed = again.wait() if again else None  # (before reading what it wrote)
print(json.dumps({"primed": primed, "now": json.loads(saved.read_text())["version"]}))
"""


def test_a_snapshot_of_an_older_format_is_primed_again(tmp_path: Path) -> None:
    """A snapshot the app cannot read (written by an older version) is as good as none: the
    start primes a new one instead of building the service before its first data."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    env |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", PRIME_OVER_AN_OLD_FORMAT],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
        check=True,
    )
    assert json.loads(result.stdout.splitlines()[-1]) == {"primed": True, "now": FORMAT_VERSION}
