"""Benchmark: ResourceTable vs Textual's DataTable, headless under run_test.

    python tests/benchmarks/bench_table.py [--rows 100000] [--datatable-rows 20000]

Each widget runs in its own child process so peak memory (ru_maxrss) is its own.
Measured: "show" = mount the table with all rows + first render of the visible lines;
"filter" = apply a substring filter and render again (DataTable has no filter, so it is
emulated the way an app would: clear() and add_rows() of the matching rows). Both as
before (until Pilot finds the app idle) and from the call to the first painted frame that
shows the result; for ResourceTable also until the filter has counted every row.
"Held by the table": the memory a ResourceTable keeps for the rows (tracemalloc, own child
process; the caller keeps nothing), against the same rows as a plain list of dicts.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App
from textual.containers import Vertical
from textual.widgets import DataTable

from workato_tui.widgets import Column, ResourceTable

SIZE = (120, 40)
FILTER = "stopped"
KEYS = ("id", "name", "status", "jobs", "owner", "updated_at")
STATUSES = ("running", "stopped", "failed")


def make_rows(count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": i,
            "name": f"Recipe number {i} for customer {i % 997}",
            "status": STATUSES[i % 3],
            "jobs": (i * 7919) % 100_000,
            "owner": None if i % 5 == 0 else f"user{i % 97}@example.com",
            "updated_at": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00Z",
        }
        for i in range(count)
    ]


class BenchApp(App[None]):
    def compose(self):  # type: ignore[no-untyped-def]
        yield Vertical(id="host")


async def timed(action: Callable[[], Awaitable[None]]) -> float:
    start = time.perf_counter()
    await action()
    return time.perf_counter() - start


def frame_times(app: App[None]) -> list[float]:
    """When the app painted each frame from now on."""
    times: list[float] = []
    original = app._display

    def display(screen: Any, update: Any) -> None:
        original(screen, update)
        times.append(time.perf_counter())

    app._display = display  # type: ignore[method-assign]
    return times


async def to_frame(
    times: list[float], change: Callable[[], None], shown: Callable[[], bool]
) -> float:
    """From `change()` to the first frame painted after it once `shown()` holds."""
    seen = len(times)
    start = time.perf_counter()
    change()
    while not (len(times) > seen and shown()):
        await asyncio.sleep(0.0005)
    return times[-1] - start


async def bench_resource_table(rows: list[dict[str, Any]]) -> dict[str, float]:
    app = BenchApp()
    async with app.run_test(size=SIZE) as pilot:
        table = ResourceTable([Column(key, key.title()) for key in KEYS])

        async def show() -> None:
            await app.query_one("#host").mount(table)
            table.set_rows(rows)
            await pilot.pause()
            assert "Recipe number 0 " in table.render_line(1).text

        async def apply_filter() -> None:
            table.set_filter(FILTER)
            await pilot.pause()
            assert FILTER in table.render_line(1).text

        result = {"show": await timed(show), "filter": await timed(apply_filter)}
        times = frame_times(app)
        table.set_filter("")
        table.set_rows(rows)  # forgets the search texts the filter above built: a first filter
        await pilot.pause()

        def shown() -> bool:
            return FILTER in table.render_line(1).text

        start = time.perf_counter()
        result["filter_frame"] = await to_frame(times, lambda: table.set_filter(FILTER), shown)
        while table.filtering:
            await asyncio.sleep(0.001)
        result["filter_counted"] = time.perf_counter() - start
        return result


def held_by_table(count: int) -> dict[str, float]:
    """MB kept by a ResourceTable for `count` rows, and by the same rows as a list of dicts."""
    columns = [Column(key, key.title()) for key in KEYS]
    gc.collect()
    tracemalloc.start()
    rows = make_rows(count)
    as_list = tracemalloc.get_traced_memory()[0]
    del rows
    gc.collect()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    table = ResourceTable(columns)
    table.set_rows(make_rows(count))
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert table.total_count == count
    return {"held_mb": held / 1e6, "list_mb": as_list / 1e6}


async def bench_data_table(rows: list[dict[str, Any]]) -> dict[str, float]:
    app = BenchApp()
    async with app.run_test(size=SIZE) as pilot:
        table: DataTable[Any] = DataTable(cursor_type="row")

        async def show() -> None:
            await app.query_one("#host").mount(table)
            table.add_columns(*(key.title() for key in KEYS))
            table.add_rows(tuple(row[key] for key in KEYS) for row in rows)
            await pilot.pause()
            assert "Recipe number 0 " in table.render_line(1).text

        async def apply_filter() -> None:
            matching = [row for row in rows if any(FILTER in str(v).lower() for v in row.values())]
            table.clear()
            table.add_rows(tuple(row[key] for key in KEYS) for row in matching)
            await pilot.pause()
            assert FILTER in table.render_line(1).text

        result = {"show": await timed(show), "filter": await timed(apply_filter)}
        times = frame_times(app)
        await pilot.pause()
        matching = [row for row in rows if any(FILTER in str(v).lower() for v in row.values())]

        def refill() -> None:
            table.clear()
            table.add_rows(tuple(row[key] for key in KEYS) for row in matching)

        def shown() -> bool:
            return FILTER in table.render_line(1).text

        result["filter_frame"] = await to_frame(times, refill, shown)
        return result


def run_child(widget: str, count: int) -> None:
    if widget == "held":
        print(json.dumps(held_by_table(count)))
        return
    rows = make_rows(count)
    data_rss_mb = peak_rss_mb()
    bench = bench_resource_table if widget == "resource" else bench_data_table
    result: dict[str, Any] = asyncio.run(bench(rows))
    result["peak_rss_mb"] = peak_rss_mb()
    result["data_rss_mb"] = data_rss_mb
    result["rows"] = count
    print(json.dumps(result))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def spawn(widget: str, count: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", widget, "--rows", str(count)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def report(resource_result: dict[str, Any], data_result: dict[str, Any]) -> None:
    scale = resource_result["rows"] / data_result["rows"]
    print(
        f"{'widget':<15}{'rows':>8}{'show s':>9}{'filter s':>10}"
        f"{'peak RSS MB':>13}{'(rows alone)':>14}"
    )
    for name, result in (("ResourceTable", resource_result), ("DataTable", data_result)):
        print(
            f"{name:<15}{result['rows']:>8}{result['show']:>9.3f}{result['filter']:>10.3f}"
            f"{result['peak_rss_mb']:>13.0f}{result['data_rss_mb']:>14.0f}"
        )
    print(
        f"filter to the first painted frame: ResourceTable {resource_result['filter_frame']:.3f}"
        f" s (every row counted after {resource_result['filter_counted']:.3f} s), DataTable "
        f"{data_result['filter_frame']:.3f} s"
    )
    held, listed = resource_result["held_mb"], resource_result["list_mb"]
    print(
        f"held by the table for {resource_result['rows']} rows: {held:.1f} MB; the same rows "
        f"as a list of dicts: {listed:.1f} MB (table / list = {held / listed:.2f}x)"
    )
    for phase in ("show", "filter", "filter_frame"):
        ratio = data_result[phase] / resource_result[phase]
        line = f"{phase}: DataTable/ResourceTable = {ratio:.1f}x at their row counts"
        if scale != 1:
            line += f", ~{ratio * scale:.0f}x scaled linearly to {resource_result['rows']} rows"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows for ResourceTable")
    parser.add_argument("--datatable-rows", type=int, default=20_000, help="rows for DataTable")
    parser.add_argument(
        "--child", choices=("resource", "datatable", "held"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        run_child(args.child, args.rows)
        return
    resource_result = spawn("resource", args.rows) | spawn("held", args.rows)
    data_result = spawn("datatable", args.datatable_rows)
    report(resource_result, data_result)


if __name__ == "__main__":
    main()
