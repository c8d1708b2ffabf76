"""Regenerate the README's screenshots (SVG, 120x36 and one 80x24), headless, against the in-process emulator.

    python screenshots/make_screenshots.py [--out DIR] [NAME ...]

Each screenshot runs a fresh app on a fresh demo emulator whose FakeClock starts at the current
hour (so ages such as "LAST RUN 3h" read naturally), walks to one view with the keys a person
would press (views are reached the way the command palette does), waits for every load, and
saves `<name>.svg`. No SVG may contain the API token: the script checks each file it writes.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from textual.pilot import Pilot

from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.service.config import Config, resolve_profile
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.service.tokens import TokenError, get_token
from workato_tui.service.workspace import WorkspaceService
from workato_tui.widgets.resource_view import ResourceView

SIZE = (120, 36)
SIZE_OF = {"jobs-80x24": (80, 24)}  # the rest are taken at SIZE
HERE = Path(__file__).resolve().parent
SECRETS = (ADMIN_TOKEN,)


@dataclass
class Studio:
    """One emulator and data directory, and the app a screenshot is taken of."""

    root: Path
    clock: FakeClock = field(default_factory=lambda: FakeClock(_this_hour()))
    emu: Emulator = field(init=False)

    def __post_init__(self) -> None:
        self.emu = Emulator.demo(clock=self.clock)

    def service(self, token: str = ADMIN_TOKEN) -> WorkspaceService:
        return open_workspace(
            demo_profile(),
            SecretStr(token),
            Paths.under(self.root),
            transport=self.emu.transport(),
            clock=self.clock,
        )

    def app(self, token: str = ADMIN_TOKEN) -> WorkatoApp:
        return WorkatoApp(self.service(token), ui_state_file=self.root / "ui.json")

    def first_run_app(self) -> WorkatoApp:
        return WorkatoApp(
            None,
            demo_factory=self.service,
            startup_problem=_no_token_problem(),
            ui_state_file=self.root / "ui.json",
        )


def _this_hour() -> datetime:
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


def _no_token_problem() -> str:
    """What the app says on a machine with no config and no WORKATO_API_TOKEN."""
    try:
        get_token(resolve_profile(Config(), None, env={}), env={})
    except TokenError as error:
        return str(error)
    raise AssertionError("a token was found in an empty environment")


# -- driving the app ----------------------------------------------------------------------------


async def settle(pilot: Pilot[Any]) -> None:
    """Let every worker finish and the screen switch (Textual 8 switches after 50 ms)."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def jump(pilot: Pilot[Any], name: str) -> None:
    """Go to a view as the command palette does."""
    pilot.app.screen.jump(name)
    await settle(pilot)


async def open_row(pilot: Pilot[Any], predicate: Callable[[dict[str, Any]], bool]) -> None:
    """Put the cursor on the first row matching `predicate` and press enter."""
    table = pilot.app.screen.query_one(ResourceView).table
    for index, row in enumerate(table.visible_rows):
        if predicate(row):
            table.move_cursor(row=index)
            await pilot.press("enter")
            await settle(pilot)
            return
    raise AssertionError(f"no row to open on {type(pilot.app.screen).__name__}")


# -- the screenshots --------------------------------------------------------------------------


async def recipes(pilot: Pilot[Any]) -> None:
    """The main screen: folder tree and recipes (the first view)."""


async def recipe(pilot: Pilot[Any]) -> None:
    await open_row(pilot, lambda row: getattr(row, "name", None) == NETSUITE_SYNC)


async def job(pilot: Pilot[Any]) -> None:
    await recipe(pilot)
    await open_row(pilot, lambda row: getattr(row, "status", None) == "failed")


async def connections(pilot: Pilot[Any]) -> None:
    await jump(pilot, "connections")


async def lookup_table(pilot: Pilot[Any]) -> None:
    await jump(pilot, "lookup-tables")
    await open_row(pilot, lambda row: getattr(row, "name", None) == "Cost centers")


async def customers(pilot: Pilot[Any]) -> None:
    await jump(pilot, "customers")


async def calls(pilot: Pilot[Any]) -> None:
    for name in ("connections", "lookup-tables", "customers", "calls"):
        await jump(pilot, name)


async def failures(pilot: Pilot[Any]) -> None:
    """The failures inbox over the last 7 days, grouped by cause."""
    pilot.app.screen.jump("failures")
    await settle(pilot)
    await pilot.press("w")  # 24h -> 7d
    await settle(pilot)


async def failed_jobs_marked(pilot: Pilot[Any]) -> None:
    """80x24: a recipe's jobs filtered to the failed ones, all marked (`/failed` enter `*`)."""
    await recipes(pilot)
    table = pilot.app.screen.query_one(ResourceView).table
    for index, row in enumerate(table.visible_rows):
        if getattr(row, "name", None) == NETSUITE_SYNC:
            table.move_cursor(row=index)
    await jump(pilot, "jobs")
    await pilot.press("slash", *"failed", "enter", "asterisk")
    await settle(pilot)


async def palette(pilot: Pilot[Any]) -> None:
    """ctrl+p on a recipe: the actions that apply here, with their keys, and the views."""
    await pilot.press("ctrl+p")
    for _ in range(20):
        await pilot.pause(0.05)


async def nothing(pilot: Pilot[Any]) -> None:
    """The app opens on this screen by itself."""


Walk = Callable[[Pilot[Any]], Awaitable[None]]
AppFactory = Callable[[Studio], WorkatoApp]

SHOTS: dict[str, tuple[Walk, AppFactory]] = {
    "recipes": (recipes, Studio.app),
    "recipe": (recipe, Studio.app),
    "job": (job, Studio.app),
    "connections": (connections, Studio.app),
    "lookup-table": (lookup_table, Studio.app),
    "customers": (customers, Studio.app),
    "calls": (calls, Studio.app),
    "failures": (failures, Studio.app),
    "jobs-80x24": (failed_jobs_marked, Studio.app),
    "palette": (palette, Studio.app),
    "first-run": (nothing, Studio.first_run_app),
    "auth-error": (nothing, lambda studio: studio.app("not-a-valid-token")),
}


async def take(name: str, out: Path) -> Path:
    walk, make_app = SHOTS[name]
    with tempfile.TemporaryDirectory(prefix="workato-shots-") as root:
        app = make_app(Studio(Path(root)))
        async with app.run_test(size=SIZE_OF.get(name, SIZE)) as pilot:
            await settle(pilot)
            await walk(pilot)
            path = Path(app.save_screenshot(filename=f"{name}.svg", path=str(out)))
    check_no_secrets(path)
    return path


def check_no_secrets(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for secret in SECRETS:
        if secret in text:
            path.unlink()
            raise AssertionError(f"{path.name} contained an API token; deleted it")


async def take_all(names: list[str], out: Path) -> list[str]:
    failed = []
    for name in names:
        try:
            path = await take(name, out)
        except Exception as error:  # report every broken screen, then fail
            failed.append(name)
            print(f"FAILED  {name}: {type(error).__name__}: {error}", file=sys.stderr)
        else:
            print(f"wrote   {path}")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"screenshots to take (default: all): {', '.join(SHOTS)}",
    )
    parser.add_argument("--out", type=Path, default=HERE, help="directory for the SVG files")
    args = parser.parse_args()
    unknown = sorted(set(args.names) - set(SHOTS))
    if unknown:
        parser.error(f"unknown screenshot(s) {', '.join(unknown)}; choose from {', '.join(SHOTS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    failed = asyncio.run(take_all(args.names or list(SHOTS), args.out))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
