"""Benchmark: peak memory of one app session on the large workspace.

    python tests/benchmarks/bench_memory.py [--time-scale 1000]

The emulator runs in its own process (`workato-tui emulator --scale large`), so its 10,000
recipes, 100,000 rows and 100,000 jobs are not counted. The app runs headless in another
process (run_test) against it over HTTP and, in one session: lists all 10,000 recipes,
opens the 100,000-row "Product catalog" in the lookup editor and lets every page load,
goes back, then lists the 100,000 jobs of "High-volume order events to Snowflake". Its
peak RSS (ru_maxrss) is printed against a bare Textual app's, run the same way. Both the
emulator's and the client's clocks run `--time-scale` times faster than real time, so the
client keeps to every quota without waiting minutes for it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

TABLE = "Product catalog"
BIG_RECIPE = "High-volume order events to Snowflake"
SIZE = (120, 40)
TIMEOUT = 900.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else float("nan")


async def until(condition: Any, timeout: float = TIMEOUT) -> None:
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.01)


async def session(base_url: str, time_scale: float) -> dict[str, Any]:
    from pydantic import SecretStr

    from workato_tui.app import WorkatoApp
    from workato_tui.emulator import ADMIN_TOKEN, SystemClock
    from workato_tui.service.connect import demo_profile, open_workspace
    from workato_tui.widgets.resource_view import ResourceView

    profile = replace(demo_profile(), base_url=base_url)
    service = open_workspace(
        profile, SecretStr(ADMIN_TOKEN), None, clock=SystemClock(time_scale), timeout=120
    )
    app = WorkatoApp(service, first_view="recipes")
    stages: dict[str, Any] = {"start_rss_mb": rss_mb()}
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ResourceView)
        await until(lambda: view.table.total_count and not view.loading_pages)
        stages["recipes"] = view.table.total_count
        stages["recipes_rss_mb"] = rss_mb()
        await _open_lookup_editor(app, pilot, view)
        stages["rows"] = app.screen.grid.total_count
        stages["rows_rss_mb"] = rss_mb()
        await pilot.press("escape")
        await pilot.pause()
        main = app.screen
        main.jump("recipes")  # type: ignore[attr-defined]
        await until(lambda: view.table.total_count and not view.loading_pages)
        view.table.set_filter(BIG_RECIPE)
        main.jump("jobs")  # type: ignore[attr-defined]
        await until(lambda: view.spec.name == "jobs" and not view.loading_pages)  # type: ignore[union-attr]
        await until(lambda: view.table.total_count and not view.loading_pages)
        stages["jobs"] = view.table.total_count
        stages["jobs_rss_mb"] = rss_mb()
    await service.aclose()
    stages["peak_rss_mb"] = peak_rss_mb()
    return stages


async def _open_lookup_editor(app: Any, pilot: Any, view: Any) -> None:
    app.screen.jump("lookup-tables")
    await until(lambda: any(r.name == TABLE for r in view.table.visible_rows))
    view.table.move_to_key(next(r.id for r in view.table.visible_rows if r.name == TABLE))
    view.table.action_activate()
    await until(lambda: getattr(app.screen, "loading_rows", None) is False)
    await until(lambda: app.screen.grid.total_count and not app.screen.loading_rows)


async def bare() -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

    async with Bare().run_test(size=SIZE) as pilot:
        await pilot.pause()
    return {"peak_rss_mb": peak_rss_mb()}


def start_emulator(time_scale: float) -> tuple[subprocess.Popen[str], str]:
    command = [
        sys.executable,
        "-m",
        "workato_tui",
        "emulator",
        "--scale",
        "large",
        "--port",
        "0",
        "--time-scale",
        str(time_scale),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if match := re.search(r"base URL: (\S+)", line):
            return process, match.group(1)
    raise RuntimeError("the emulator did not start")


def child(kind: str, args: list[str]) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", kind, *args]
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the {kind} child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-scale", type=float, default=1000.0)
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "app":
        print(json.dumps(asyncio.run(session(args.base_url, args.time_scale))))
        return
    if args.child == "bare":
        print(json.dumps(asyncio.run(bare())))
        return
    emulator, base_url = start_emulator(args.time_scale)
    try:
        started = time.perf_counter()
        app = child("app", ["--base-url", base_url, "--time-scale", str(args.time_scale)])
        seconds = time.perf_counter() - started
    finally:
        emulator.terminate()
        emulator.wait()
    baseline = child("bare", [])
    report(app, baseline, seconds)


def report(app: dict[str, Any], baseline: dict[str, Any], seconds: float) -> None:
    print(f"One session on the large workspace (emulator in its own process), {seconds:.0f} s")
    print(f"  at start:                       {app['start_rss_mb']:6.0f} MB RSS")
    print(f"  {app['recipes']:>7} recipes listed:        {app['recipes_rss_mb']:6.0f} MB RSS")
    print(f"  {app['rows']:>7} lookup rows in editor:  {app['rows_rss_mb']:6.0f} MB RSS")
    print(f"  {app['jobs']:>7} jobs listed:           {app['jobs_rss_mb']:6.0f} MB RSS")
    peak, bare_peak = app["peak_rss_mb"], baseline["peak_rss_mb"]
    print(f"  peak RSS of the session: {peak:.0f} MB")
    print(f"  bare Textual app, same harness: {bare_peak:.0f} MB peak RSS")
    print(f"  session / bare = {peak / bare_peak:.2f}x; session - bare = {peak - bare_peak:.0f} MB")


if __name__ == "__main__":
    os.environ.pop("NO_COLOR", None)
    main()
