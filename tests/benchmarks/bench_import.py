"""Benchmark: staging a CSV import of N new rows into a lookup table.

    python tests/benchmarks/bench_import.py [--sizes 5000,10000,20000,143401] [--old-max 20000]

1. Staging alone (`Staging.apply_import`), new code against the old new-row key (a scan of every
   staged key per added row, kept below as `QuadraticStaging`) in the same run, with the ratio of
   each size's time to the smallest size's (linear: the ratio of the row counts).
2. The whole import in the editor, headless under run_test: the file (about 12 MB for 143,401
   rows) read and planned in a thread, staged in chunks, written to disk in a thread; the longest
   the event loop was blocked meanwhile, and how long a key took to be answered mid-import.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from bench_lookup import LoopWatch, until
from pydantic import SecretStr

from workato_tui.api.models_admin import LookupTable
from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.lookup import Staging, parse_csv, plan_import
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.widgets.resource_view import ResourceView

COLUMNS = ["code", "name", "owner"]
TABLE = "Cost centers"


class QuadraticStaging(Staging):
    """The old new-row key: min over every staged key, for every row added (O(n^2))."""

    def _new_key(self) -> int:
        return min([0, *self.rows, *(self._step_before or {})]) - 1


def csv_bytes(rows: int) -> bytes:
    lines = ["code,name,owner"]
    lines += (
        f"NEW-{i:07d},Cost centre {i} of the finance department,Owner number {i % 97}"
        for i in range(rows)
    )
    return ("\n".join(lines) + "\n").encode()


def stage_seconds(kind: type[Staging], rows: int, repeat: int) -> float:
    """The best of `repeat` runs (a shared machine adds noise, never removes it)."""
    plan = plan_import(parse_csv(csv_bytes(rows), COLUMNS), [], COLUMNS)
    best = float("inf")
    for _ in range(repeat):
        staging = kind(1, COLUMNS)
        start = time.perf_counter()
        staging.apply_import(plan.changes, plan.adds, plan.deletes)
        best = min(best, time.perf_counter() - start)
        assert len(staging) == rows
    return best


def bench_staging(sizes: list[int], old_max: int) -> None:
    print("Staging N new rows (Staging.apply_import), seconds; ratio = time / time at the")
    print(f"smallest size (linear would be N / {sizes[0]:,})")
    base_new = base_old = None
    for rows in sizes:
        new = stage_seconds(Staging, rows, repeat=3)
        base_new = base_new or new
        line = f"  {rows:>7,} rows: new {new:7.3f} s (x{new / base_new:5.1f})"
        if rows <= old_max:
            old = stage_seconds(QuadraticStaging, rows, repeat=1)
            base_old = base_old or old
            line += f"   old {old:7.3f} s (x{old / base_old:6.1f})   old/new x{old / new:6.1f}"
        else:
            line += "   old: skipped (quadratic; 541 s measured for 143,401 rows)"
        print(f"{line}   linear x{rows / sizes[0]:.1f}")


async def bench_editor(rows: int, root: Path) -> dict[str, Any]:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    service = open_workspace(
        demo_profile(),
        SecretStr(ADMIN_TOKEN),
        Paths.under(root),
        transport=emu.transport(),
        clock=clock,
    )
    path = root / "big.csv"
    path.write_bytes(csv_bytes(rows))
    app = WorkatoApp(service, first_view="lookup-tables")
    result: dict[str, Any] = {"megabytes": path.stat().st_size / 2**20}
    async with app.run_test(size=(120, 36)) as pilot:
        await until(lambda: any(r.name == TABLE for r in _tables(app)))
        view = app.screen.query_one(ResourceView)
        view.table.move_cursor(row=next(i for i, r in enumerate(_tables(app)) if r.name == TABLE))
        view.table.action_activate()
        await until(lambda: hasattr(app.screen, "importing") and not app.screen.loading_rows)
        editor: Any = app.screen
        editor.workdir = root
        start = time.perf_counter()
        with LoopWatch() as watch:
            editor.import_csv()
            await until(lambda: type(app.screen).__name__ == "ImportScreen")
            await pilot.pause()  # mounted
            screen: Any = app.screen
            screen.query_one("#import-path").value = str(path)
            screen.action_stage()
            await until(lambda: editor.importing)
            staging_started = time.perf_counter()
            await until(lambda: len(editor.staging) > rows // 4)
            key_sent = time.perf_counter()
            row = editor.grid.cursor_row
            _press_down(app)
            await until(lambda: editor.grid.cursor_row != row)
            result["key_answer_s"] = time.perf_counter() - key_sent
            result["key_while_importing"] = editor.importing
            await until(lambda: not editor.importing, timeout=600)
        result["total_s"] = time.perf_counter() - start
        await pilot.pause()
        row, key_sent = editor.grid.cursor_row, time.perf_counter()
        _press_down(app)
        await until(lambda: editor.grid.cursor_row != row)
        result["key_idle_s"] = time.perf_counter() - key_sent
        result["read_and_plan_s"] = staging_started - start
        result["stage_and_write_s"] = time.perf_counter() - staging_started
        result["longest_block_s"] = watch.longest
        result["staged"] = len(editor.staging)
    await service.aclose()
    return result


def _press_down(app: WorkatoApp) -> None:
    from textual import events

    event = events.Key("down", None)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


def _tables(app: WorkatoApp) -> list[LookupTable]:
    return app.screen.query_one(ResourceView).table.visible_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000,143401")
    parser.add_argument("--old-max", type=int, default=20000, help="largest size run the old way")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    bench_staging(sizes, args.old_max)
    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(bench_editor(sizes[-1], Path(tmp)))
    print(f"Import of {sizes[-1]:,} new rows in the editor ({result['megabytes']:.1f} MB CSV):")
    print(
        f"  {result['total_s']:.2f} s in all: read and planned in a thread "
        f"{result['read_and_plan_s']:.2f} s, staged in chunks and written to disk "
        f"{result['stage_and_write_s']:.2f} s; {result['staged']:,} rows staged"
    )
    print(
        f"  longest event-loop block {result['longest_block_s'] * 1000:.0f} ms; a key pressed "
        f"mid-import answered in {result['key_answer_s'] * 1000:.0f} ms "
        f"(import still running then: {result['key_while_importing']}); the same key with "
        f"nothing running: {result['key_idle_s'] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
