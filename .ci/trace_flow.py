"""How much of the project one user action runs through, traced headless.

    python .ci/trace_flow.py

Runs the app against the demo emulator (on a fake clock) with Pilot and, with
`sys.setprofile`, counts the distinct project files and functions entered from the first key
press of the flow to the first call of the service write (`first write`), and to the end of
the flow (`whole flow`). Two flows:

- stop a recipe: `x` on a running recipe in :recipes, enter on the confirm, until it is done;
- edit and save a lookup cell: `e` on a cell of the lookup editor, a new value, enter, ctrl+s,
  enter on the confirm, until the save is done.

It also prints the call chain at the first write: the project's frames on that task's stack
(a worker's chain starts at the worker's method), which is what a reader follows.

Painting is held off while tracing (`batch_update`): what is painted, and when, varies from
run to run. Only functions defined under `workato_tui/` count, except the emulator's (it is the server);
the Pilot driving and Textual do not.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PACKAGE = str(ROOT / "workato_tui")

from pydantic import SecretStr  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.screen import ModalScreen  # noqa: E402

from workato_tui.app import WorkatoApp  # noqa: E402
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock  # noqa: E402
from workato_tui.emulator.faults import EmulatorTransport  # noqa: E402
from workato_tui.service.connect import demo_profile, open_workspace  # noqa: E402
from workato_tui.service.paths import Paths  # noqa: E402


class Tracer:
    """Distinct project files and functions entered while on; marks the first write."""

    def __init__(self, write_name: str) -> None:
        self.write_name = write_name
        self.functions: set[tuple[str, str]] = set()
        self.at_write: tuple[int, int] | None = None
        self.before_write: list[tuple[str, str]] = []  # in the order first entered
        self.chain: list[str] = []  # the project frames on the stack when the write is called

    def __call__(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event != "call":
            return
        code = frame.f_code
        if not code.co_filename.startswith(PACKAGE) or "/emulator/" in code.co_filename:
            return
        function = (code.co_filename, code.co_qualname)
        if self.at_write is None and function not in self.functions:
            self.before_write.append(function)
        self.functions.add(function)
        if (
            self.at_write is None
            and code.co_name == self.write_name
            and "/service/" in code.co_filename
        ):
            self.at_write = self.counts()
            self.chain = stack_of(frame)

    def counts(self) -> tuple[int, int]:
        return len({f for f, _ in self.functions}), len(self.functions)

    def ui_files_before_write(self) -> list[str]:
        """The UI's files (not api/service/lookup) entered before the first write, in order."""
        seen: list[str] = []
        for path, _ in self.before_write:
            name = str(Path(path).relative_to(PACKAGE))
            if not name.startswith(("api/", "service/", "lookup/")) and name not in seen:
                seen.append(name)
        return seen

    def files(self) -> list[str]:
        return sorted({str(Path(f).relative_to(ROOT)) for f, _ in self.functions})


def stack_of(frame: FrameType | None) -> list[str]:
    """The project's frames from the outermost down to `frame`: the call chain of one task."""
    chain: list[str] = []
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(PACKAGE):
            chain.append(f"{Path(path).relative_to(PACKAGE)}:{frame.f_code.co_qualname}")
        frame = frame.f_back
    return chain[::-1]


async def until(pilot: Pilot[Any], predicate: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 20
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what} (on {type(pilot.app.screen)})")
        await pilot.pause(0.01)


def busy(app: WorkatoApp) -> bool:
    return any(w.state.name in ("PENDING", "RUNNING") for w in app.workers)


async def settle(pilot: Pilot[Any]) -> None:
    await until(pilot, lambda: not busy(pilot.app), "the workers")  # type: ignore[arg-type]
    await pilot.pause()


def build_app(root: Path) -> WorkatoApp:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    transport = EmulatorTransport(app=emu.app)
    service = open_workspace(
        demo_profile(), SecretStr(ADMIN_TOKEN), Paths.under(root), transport=transport, clock=clock
    )
    return WorkatoApp(service, ui_state_file=root / "ui.json")


def cursor_to(table: Any, predicate: Callable[[Any], bool]) -> None:
    for index, row in enumerate(table.visible_rows):
        if predicate(row):
            table.move_cursor(row=index)
            table.focus()
            return
    raise SystemExit("no row matches")


def field(row: Any, name: str) -> Any:
    return row[name] if isinstance(row, dict) else getattr(row, name)


async def stop_recipe(pilot: Pilot[Any], tracer: Tracer) -> None:
    from workato_tui.widgets.resource_view import ResourceView

    pilot.app.screen.jump("recipes")
    await settle(pilot)
    table = pilot.app.screen.query_one(ResourceView).table
    cursor_to(table, lambda r: bool(field(r, "running")))
    with pilot.app.batch_update():  # no painting: it would vary from run to run
        sys.setprofile(tracer)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(pilot.app.screen, ModalScreen), "the confirm")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(pilot.app.screen, ModalScreen), "the write")
        await settle(pilot)
        sys.setprofile(None)


async def save_lookup_cell(pilot: Pilot[Any], tracer: Tracer) -> None:
    from workato_tui.screens.lookup_editor import LookupEditorScreen
    from workato_tui.widgets.resource_view import ResourceView

    pilot.app.screen.jump("lookup-tables")
    await settle(pilot)
    cursor_to(
        pilot.app.screen.query_one(ResourceView).table,
        lambda r: field(r, "name") == "Cost centers",
    )
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, LookupEditorScreen), "the editor")
    editor = pilot.app.screen
    await settle(pilot)
    grid = editor.grid  # type: ignore[attr-defined]
    grid.move_cursor(row=0, column=2)
    grid.focus()
    await pilot.pause()
    with pilot.app.batch_update():  # no painting: it would vary from run to run
        sys.setprofile(tracer)
        await pilot.press("e", "ctrl+u", *"Traced", "enter", "ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, ModalScreen), "the confirm")
        await pilot.press("enter")
        await until(pilot, lambda: getattr(pilot.app.screen, "finished", False), "the save")
        await pilot.press("escape")  # close the save's progress screen
        await until(pilot, lambda: pilot.app.screen is editor, "the editor again")
        await settle(pilot)
        sys.setprofile(None)


async def trace(flow: Callable[..., Any], write_name: str) -> Tracer:
    tracer = Tracer(write_name)
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(Path(tmp))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await flow(pilot, tracer)
            await pilot.press("escape")
    return tracer


RUNS = 3  # timing may still vary a little: the least of a few runs


def main() -> None:
    show_files = "--files" in sys.argv
    for title, flow, write in (
        ("stop a recipe", stop_recipe, "stop_recipe"),
        ("edit and save a lookup cell", save_lookup_cell, "update_lookup_row"),
    ):
        tracers = [asyncio.run(trace(flow, write)) for _ in range(RUNS)]
        tracer = min(tracers, key=lambda t: t.at_write or (0, 0))
        first = tracer.at_write or (0, 0)
        files, functions = min(t.counts() for t in tracers)
        print(
            f"{title}: first write after {first[0]} files / {first[1]} functions; "
            f"whole flow {files} files / {functions} functions (least of {RUNS} runs)"
        )
        ui = tracer.ui_files_before_write()
        print(f"  UI files entered before the first write, any task ({len(ui)}): {' -> '.join(ui)}")
        chain = tracer.chain
        print(f"  the write's call chain ({len(chain)} frames): {' -> '.join(chain)}")
        if show_files:
            print("  " + "\n  ".join(tracer.files()))
        if "--functions" in sys.argv:
            for path, name in tracer.before_write:
                print(f"  {Path(path).relative_to(ROOT)}:{name}")


if __name__ == "__main__":
    main()
