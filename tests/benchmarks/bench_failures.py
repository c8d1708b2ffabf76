"""Benchmark: the failures inbox on the large workspace (10,000+ recipes, one with 100,000 jobs).

    python tests/benchmarks/bench_failures.py [--window 7d]

The emulator, the client's limiter and the cache share one FakeClock, so quota waits cost
virtual seconds only. Two runs:

1. the scan alone (service layer): requests used against the minimum (every recipe-list page,
   plus for each recipe with failures in the window the job pages they fill), 429s received, and
   virtual seconds against the least the two quota buckets allow;
2. the app, headless at 120x36: real and virtual time from `:failures` to the first group on
   screen, against the moment the recipe list alone is complete (the earliest a scan that lists
   everything first could show anything), and the longest event-loop stall meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from workato_tui.api.endpoints import endpoint
from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.failure_scan import WINDOWS, FailureScan, ScanScope
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import JOBS_PER_PAGE, RECIPES_PER_PAGE, WorkspaceService


def quota_floor(requests: int, endpoint_id: str) -> float:
    quota = endpoint(endpoint_id).quota
    return max(0, math.ceil(requests / quota.limit) - 1) * quota.per_seconds


def open_service(emu: Emulator, clock: FakeClock, root: Path) -> WorkspaceService:
    return open_workspace(
        demo_profile(),
        SecretStr(ADMIN_TOKEN),
        Paths.under(root),
        transport=emu.transport(),
        clock=clock,
    )


def minimum_requests(emu: Emulator, since: datetime) -> tuple[int, int]:
    """(recipe-list pages, job pages) the scan cannot do without."""
    main = emu.store.main
    list_pages = len(main.recipes) // RECIPES_PER_PAGE + 1
    job_pages = 0
    for recipe_id in main.recipes:
        failed = sum(
            j["status"] == "failed" and j["_t"] >= since.timestamp()
            for j in main.job_log(recipe_id).jobs
        )
        job_pages += failed // JOBS_PER_PAGE + 1 if failed else 0
    return list_pages, job_pages


async def scan_alone(window: str, root: Path) -> None:
    clock = FakeClock()
    emu = Emulator.large(clock=clock)
    service = open_service(emu, clock, root)
    scan = FailureScan(service, ScanScope(), clock.now() - WINDOWS[window])
    start_real, start_virtual = time.perf_counter(), clock.monotonic()
    async for _ in scan.run():
        pass
    real, virtual = time.perf_counter() - start_real, clock.monotonic() - start_virtual
    requests = emu.store.requests
    lists = sum(r.endpoint_id == "recipes.list" for r in requests)
    jobs = sum(r.endpoint_id == "jobs.list" for r in requests)
    min_lists, min_jobs = minimum_requests(emu, scan.since)
    floor = max(quota_floor(min_lists, "recipes.list"), quota_floor(min_jobs, "jobs.list"))
    print(f"scan of the last {window} over {len(emu.store.main.recipes)} recipes")
    print(f"  failed jobs found  {len(scan.inbox):>8} in {len(scan.inbox.groups())} causes")
    print(
        f"  requests           {lists + jobs:>8} (minimum {min_lists + min_jobs}: "
        f"{min_lists} list pages + {min_jobs} job pages; "
        f"ratio {(lists + jobs) / (min_lists + min_jobs):.2f})"
    )
    print(f"    recipe list      {lists:>8}   job pages {jobs}")
    print(f"  429s received      {sum(r.status == 429 for r in requests):>8}")
    print(
        f"  virtual time       {virtual:>8.1f} s (quota minimum {floor:.1f} s; "
        f"ratio {virtual / floor if floor else 0:.2f})"
    )
    print(f"  real time          {real:>8.2f} s")
    await service.aclose()


async def in_the_app(window: str, root: Path) -> None:
    from workato_tui.screens.failures import FailuresScreen

    clock = FakeClock()
    emu = Emulator.large(clock=clock)
    app = WorkatoApp(open_service(emu, clock, root), ui_state_file=root / "ui.json")
    stalls: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        watcher = asyncio.ensure_future(_watch_stalls(stalls))
        start_real, start_virtual = time.perf_counter(), clock.monotonic()
        app.screen.jump("failures")  # type: ignore[attr-defined]
        first = await _until(pilot, lambda: _groups(app, FailuresScreen) > 0)
        first_virtual = clock.monotonic() - start_virtual
        list_done = await _until(pilot, lambda: _listed(emu) >= len(emu.store.main.recipes))
        list_virtual = clock.monotonic() - start_virtual
        done = await _until(pilot, lambda: _done(app, FailuresScreen), limit=600)
        watcher.cancel()
    print(f"app at 120x36, :failures (default window {window} shown first)")
    print(
        f"  first group on screen   {first - start_real:>7.2f} s real, "
        f"{first_virtual:>6.1f} s virtual"
    )
    print(
        f"  recipe list complete    {list_done - start_real:>7.2f} s real, "
        f"{list_virtual:>6.1f} s virtual (the earliest a list-first scan shows anything)"
    )
    print(f"  scan finished           {done - start_real:>7.2f} s real")
    if list_virtual:
        print(f"  first group / list done {first_virtual / list_virtual:>7.3f} (virtual)")
    print(f"  longest event-loop stall {max(stalls, default=0) * 1000:>6.0f} ms")


async def _watch_stalls(stalls: list[float]) -> None:
    while True:
        before = time.perf_counter()
        await asyncio.sleep(0.005)
        stalls.append(time.perf_counter() - before - 0.005)


async def _until(pilot: Any, check: Any, limit: float = 120.0) -> float:
    deadline = time.perf_counter() + limit
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the benchmark's condition never held")
        await pilot.pause(0.01)
    return time.perf_counter()


def _groups(app: Any, kind: type) -> int:
    screen = app.screen
    if not isinstance(screen, kind) or not screen.is_mounted:
        return 0
    return len(screen.scan.inbox)


def _done(app: Any, kind: type) -> bool:
    screen = app.screen
    return (
        isinstance(screen, kind) and screen.last_progress is not None and screen.last_progress.done
    )


def _listed(emu: Emulator) -> int:
    return sum(r.endpoint_id == "recipes.list" for r in emu.store.requests) * RECIPES_PER_PAGE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", default="7d", choices=list(WINDOWS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(scan_alone(args.window, Path(tmp) / "scan"))
        asyncio.run(in_the_app("24h", Path(tmp) / "app"))


if __name__ == "__main__":
    main()
