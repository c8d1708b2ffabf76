"""Benchmark the whole app against the large emulator, headless under run_test.

    python tests/benchmarks/bench_tui.py [--repeat 5] [--datatable-rows 20000] [--no-widgets]

Takes about 20 s.

(a) Start-up: from `WorkatoApp(...)` until the recipes table has rows and a frame has been
    processed, against a bare Textual app with one Static (construction to first frame).
(b) 100,000 rows: enter on the "Product catalog" lookup table (100 pages of 1,000 rows through
    the client, rate limiter, service and view), then a filter; and, from bench_table.py,
    ResourceTable fed the same number of rows directly vs Textual's DataTable.

The large emulator is built once, before any timing. Its FakeClock drives the client's rate
limiter too, so quota waits take virtual time, not real time; the virtual seconds are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from typing import Any

import bench_table
from pydantic import SecretStr
from textual.app import App, ComposeResult
from textual.widgets import Static

from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.workspace import WorkspaceService
from workato_tui.widgets.resource_view import ResourceView
from workato_tui.widgets.table import ResourceTable

SIZE = (120, 36)
BIG_TABLE = "Product catalog"
FILTER = "hardware"  # one row in five
POLL = 0.002
TIMEOUT = 300.0


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello")


class TimedASGI:
    """The emulator's ASGI app, adding up the time spent inside it (it shares our CPU)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seconds = 0.0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        started = time.perf_counter()
        try:
            await self.app(scope, receive, send)
        finally:
            self.seconds += time.perf_counter() - started


class Bench:
    """The large emulator on a FakeClock, and services on it that share that clock."""

    def __init__(self) -> None:
        started = time.perf_counter()
        self.clock = FakeClock()
        self.emu = Emulator.large(clock=self.clock)
        self.build_seconds = time.perf_counter() - started
        self.timed = TimedASGI(self.emu.app)
        self.emu.app = self.timed  # transport() serves whatever `app` is

    def service(self) -> WorkspaceService:
        """A fresh service: empty cache, no snapshot (no paths), the shared virtual clock."""
        self.clock.advance(61)  # start each run with the emulator's quota windows empty
        return open_workspace(
            demo_profile(),
            SecretStr(ADMIN_TOKEN),
            None,
            transport=self.emu.transport(),
            clock=self.clock,
        )

    def big_table_rows(self) -> int:
        workspace = self.emu.store.main
        table = next(t for t in workspace.lookup_tables.values() if t["name"] == BIG_TABLE)
        return len(workspace.lookup_rows[table["id"]])


async def wait_until(check: Callable[[], object], what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        await asyncio.sleep(POLL)


class Frames:
    """When the screen first painted a frame with a condition true.

    Headless, nothing is written to a terminal, but every frame is still composed (widgets
    render their lines) and handed to `App._display`: a private method, wrapped here to stamp
    the time. Rendering escape sequences for a real terminal is not included.
    """

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.waiting: dict[str, Callable[[], bool]] = {}
        self.seen: dict[str, float] = {}
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None:
                self._stamp()

        app._display = display  # type: ignore[method-assign]

    def expect(self, name: str, condition: Callable[[], bool]) -> None:
        self.waiting[name] = condition

    def _stamp(self) -> None:
        now = time.perf_counter()
        for name, condition in list(self.waiting.items()):
            if condition():
                self.seen[name] = now
                del self.waiting[name]

    async def wait(self, name: str) -> float:
        await wait_until(lambda: name in self.seen, f"a frame with {name}")
        return self.seen[name]


def main_table(app: App[Any]) -> ResourceTable | None:
    """The resource table of the screen on top, if it has a resource view."""
    views = app.screen.query(ResourceView)
    return views.first().table if views else None


def has_rows(app: App[Any]) -> bool:
    table = main_table(app)
    return table is not None and table.total_count > 0


# -- (a) start-up ------------------------------------------------------------------------------


async def bare_first_frame() -> float:
    started = time.perf_counter()
    app = BareApp()
    frames = Frames(app)
    frames.expect("first", lambda: True)
    async with app.run_test(size=SIZE):
        return await frames.wait("first") - started


async def app_first_data_frame(bench: Bench) -> float:
    service = bench.service()
    started = time.perf_counter()
    app = WorkatoApp(service)
    frames = Frames(app)
    frames.expect("recipes", lambda: has_rows(app))
    async with app.run_test(size=SIZE):
        return await frames.wait("recipes") - started


async def startup(bench: Bench, repeat: int) -> dict[str, Any]:
    cold_bare, cold_app = await bare_first_frame(), await app_first_data_frame(bench)
    bare, full = [], []
    for _ in range(repeat):
        bare.append(await bare_first_frame())
        full.append(await app_first_data_frame(bench))
    return {
        "cold_bare": cold_bare,
        "cold_app": cold_app,
        "bare": statistics.median(bare),
        "app": statistics.median(full),
    }


# -- (b) 100,000 rows through the service -------------------------------------------------------


def top_table(app: App[Any]) -> ResourceTable | None:
    """The table enter opened: the rows view, or the lookup editor's grid (once it has rows)."""
    tables = [t for t in app.screen.query(ResourceTable) if t.total_count]
    return tables[0] if tables else None


def showing_rows_of(app: App[Any], before: Any) -> Callable[[], bool]:
    """True once enter has opened the big table and its first rows are in."""

    def check() -> bool:
        table = top_table(app)
        moved = app.screen is not before or "Rows" in _crumbs(app)
        return table is not None and moved

    return check


def _crumbs(app: App[Any]) -> str:
    crumbs = app.screen.query("#crumbs")
    return str(crumbs.first().render()) if crumbs else ""


async def big_table_through_service(bench: Bench, expected: int) -> dict[str, Any]:
    app = WorkatoApp(bench.service())
    frames = Frames(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(lambda: has_rows(app), "the recipes table")
        app.screen.jump("lookup-tables")  # type: ignore[attr-defined]
        await wait_until(
            lambda: any(r.name == BIG_TABLE for r in main_table(app).visible_rows),
            "the lookup tables",
        )
        table = main_table(app)
        assert table is not None
        table.move_cursor(
            row=next(i for i, row in enumerate(table.visible_rows) if row.name == BIG_TABLE)
        )
        await pilot.pause()
        sent_before, virtual_before = len(bench.emu.store.requests), bench.clock.monotonic()
        emulator_before = bench.timed.seconds
        frames.expect("first page", showing_rows_of(app, app.screen))
        frames.expect(
            "all rows",
            lambda: bool(showing_rows_of(app, None)() and top_table(app).total_count >= expected),
        )
        started = time.perf_counter()
        await pilot.press("enter")
        first = await frames.wait("first page") - started
        shown = await frames.wait("all rows") - started
        requests = bench.emu.store.requests[sent_before:]
        virtual = bench.clock.monotonic() - virtual_before
        in_emulator = bench.timed.seconds - emulator_before
        grid = top_table(app)
        assert grid is not None
        frames.expect("filtered", lambda: grid.filter_text == FILTER)
        started = time.perf_counter()
        grid.set_filter(FILTER)
        filtered = await frames.wait("filtered") - started
        return {
            "first_page": first,
            "show": shown,
            "filter": filtered,
            "rows": grid.total_count,
            "matching": grid.row_count,
            "requests": len(requests),
            "status_429": sum(1 for r in requests if r.status == 429),
            "virtual_seconds": virtual,
            "emulator_seconds": in_emulator,
            "screen": type(app.screen).__name__,
        }


# -- the report ---------------------------------------------------------------------------------


def print_startup(result: dict[str, Any], repeat: int) -> None:
    print(f"(a) start-up, median of {repeat} runs (the first, cold run in brackets)")
    print(
        f"    bare Textual app, first frame            {result['bare'] * 1000:7.0f} ms"
        f"  ({result['cold_bare'] * 1000:.0f} ms)"
    )
    print(
        f"    WorkatoApp, first frame with recipes     {result['app'] * 1000:7.0f} ms"
        f"  ({result['cold_app'] * 1000:.0f} ms)"
    )
    print(f"    ratio WorkatoApp / bare app              {result['app'] / result['bare']:7.1f}x")


def print_rows(
    service: dict[str, Any], widgets: tuple[dict[str, Any], dict[str, Any]] | None
) -> None:
    rows = service["rows"]
    print(f"(b) {rows:,} rows; filter {FILTER!r} keeps {service['matching']:,}")
    print(f"    {'':44}{'show':>9}{'filter':>9}")
    if widgets is not None:
        resource, data = widgets
        scale = rows / data["rows"]
        print(
            f"    {'DataTable, ' + format(data['rows'], ',') + ' rows x' + format(scale, 'g'):44}"
            f"{data['show'] * scale:8.2f}s{data['filter'] * scale:8.2f}s  (scaled linearly)"
        )
        print(
            f"    {'ResourceTable, rows fed directly':44}"
            f"{resource['show']:8.2f}s{resource['filter']:8.2f}s"
        )
    print(
        f"    {'app: enter on ' + repr(BIG_TABLE) + ', all pages':44}"
        f"{service['show']:8.2f}s{service['filter']:8.2f}s"
    )
    print(
        f"    app: enter opened {service['screen']}; first page on screen after "
        f"{service['first_page'] * 1000:.0f} ms;"
    )
    print(
        f"         {service['emulator_seconds']:.2f} s of the load ran inside the in-process "
        "emulator (same CPU)"
    )
    print(
        f"    app: {service['requests']} requests, {service['status_429']} answered 429; the "
        f"rate limiter waited {service['virtual_seconds']:.0f} s of virtual time"
    )
    if widgets is not None:
        resource, data = widgets
        scale = rows / data["rows"]
        for phase in ("show", "filter"):
            datatable = data[phase] * scale
            print(
                f"    {phase:6} ratios: DataTable/ResourceTable "
                f"{datatable / resource[phase]:6.1f}x   DataTable/app "
                f"{datatable / service[phase]:5.1f}x   app/ResourceTable "
                f"{service[phase] / resource[phase]:5.1f}x"
            )


def widget_comparison(rows: int, datatable_rows: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """bench_table.py's two children (run before the large emulator exists: Linux carries a
    parent's peak RSS into a child, so they would all report the emulator's memory)."""
    resource = bench_table.spawn("resource", rows) | bench_table.spawn("held", rows)
    return resource, bench_table.spawn("datatable", datatable_rows)


async def run(args: argparse.Namespace) -> None:
    widgets = None if args.no_widgets else widget_comparison(args.rows, args.datatable_rows)
    bench = Bench()
    expected = bench.big_table_rows()
    print(
        f"large emulator built in {bench.build_seconds:.1f} s "
        f"({expected:,} rows in {BIG_TABLE!r})\n"
    )
    print_startup(await startup(bench, args.repeat), args.repeat)
    print()
    service = await big_table_through_service(bench, expected)
    print_rows(service, widgets)
    if widgets is not None:
        print("\n    bench_table.py's own report:")
        bench_table.report(*widgets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="start-up repetitions")
    parser.add_argument(
        "--datatable-rows",
        type=int,
        default=20_000,
        help="rows for DataTable (100,000 takes minutes; it is scaled)",
    )
    parser.add_argument(
        "--rows",
        type=int,
        default=100_000,
        help="rows for ResourceTable fed directly (the big table has 100,000)",
    )
    parser.add_argument(
        "--no-widgets", action="store_true", help="skip the ResourceTable / DataTable comparison"
    )
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
