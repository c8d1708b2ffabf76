"""Helpers for the lookup editor tests: the demo emulator on a fake clock, a service on it, and
a driver that opens a table's editor the way a person does (`:lookup-tables`, pick, enter).

(Not in conftest.py: test modules import these by name, and `conftest` is ambiguous when the
whole suite runs.)"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from rich.console import Console
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.lookup_editor import LookupEditorScreen
from workato_tui.screens.lookup_saving import LookupSaveScreen
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import WorkspaceService
from workato_tui.widgets.resource_view import ResourceView

SIZE = (120, 36)
WAITS_ON_A_PERSON = {"lookup-save", "lookup-leave", "lookup-discard", "lookup-file"}
COST_CENTERS = "Cost centers"


@dataclass
class World:
    root: Path
    clock: FakeClock = field(default_factory=FakeClock)
    large: bool = False
    emu: Emulator = field(init=False)

    def __post_init__(self) -> None:
        build = Emulator.large if self.large else Emulator.demo
        self.emu = build(clock=self.clock)

    def service(self, *, read_only: bool = False, token: str = ADMIN_TOKEN) -> WorkspaceService:
        profile = replace(demo_profile(), read_only=read_only)
        return open_workspace(
            profile,
            SecretStr(token),
            Paths.under(self.root),
            transport=self.emu.transport(),
            clock=self.clock,
        )

    def app(self, service: WorkspaceService | None = None) -> WorkatoApp:
        return WorkatoApp(
            service or self.service(),
            ui_state_file=self.root / "ui.json",
            first_view="lookup-tables",
        )

    def table_id(self, name: str = COST_CENTERS) -> int:
        tables = self.emu.store.main.lookup_tables
        return next(i for i, t in tables.items() if t["name"] == name)

    def stored(self, name: str = COST_CENTERS) -> dict[int, dict[str, Any]]:
        """The emulator's rows of a table: id -> data."""
        rows = self.emu.store.main.lookup_rows[self.table_id(name)]
        return {row_id: row["data"] for row_id, row in rows.items()}

    def requests(self, method: str | None = None) -> list[Any]:
        return [r for r in self.emu.store.requests if method is None or r.method == method]

    @asynccontextmanager
    async def editor(
        self, name: str = COST_CENTERS, app: WorkatoApp | None = None, size: tuple[int, int] = SIZE
    ) -> AsyncIterator[Editor]:
        app = app or self.app()
        async with app.run_test(size=size) as pilot:
            driver = Editor(pilot, self)
            await driver.settle()
            await driver.open(name)
            yield driver


@dataclass
class Editor:
    pilot: Pilot[Any]
    world: World

    @property
    def app(self) -> WorkatoApp:
        return self.pilot.app  # type: ignore[no-any-return]

    @property
    def screen(self) -> LookupEditorScreen:
        screen = self.app.screen
        assert isinstance(screen, LookupEditorScreen), type(screen).__name__
        return screen

    async def settle(self) -> None:
        await settle(self.pilot)

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.settle()

    async def type(self, text: str) -> None:
        await self.pilot.press(*text)
        await self.settle()

    async def open(self, name: str) -> None:
        await open_table(self.pilot, name)
        await self.settle()

    def move_to(self, key: int, column: str | None = None) -> None:
        screen = self.screen
        assert screen.move_to_key(key), key
        if column is not None:
            keys = [c.key for c in screen.grid.columns]
            screen.grid.move_cursor(column=keys.index(column))

    async def edit(self, key: int, column: str, value: str) -> None:
        """Put the cursor on a cell, press enter, replace its text, press enter."""
        self.move_to(key, column)
        await self.press("enter")
        await self.press("ctrl+u")  # clear the prefilled value left of the cursor
        await self.type(value)
        await self.press("enter")

    async def confirm(self) -> None:
        """Answer the confirm modal on top: type the phrase if it asks for one, then enter."""
        screen = self.app.screen
        assert isinstance(screen, ConfirmScreen), type(screen).__name__
        if screen.confirmation.irreversible:
            await self.type(screen.confirmation.phrase)
        await self.press("enter")

    async def save(self) -> LookupSaveScreen:
        """ctrl+s, confirm the diff, let the sends finish; returns the (open) progress screen."""
        await self.press("ctrl+s")
        await self.confirm()
        screen = self.app.screen
        assert isinstance(screen, LookupSaveScreen), type(screen).__name__
        assert screen.finished
        return screen

    async def close_progress(self) -> None:
        assert isinstance(self.app.screen, LookupSaveScreen)
        await self.press("escape")

    @property
    def top(self) -> str:
        return type(self.app.screen).__name__

    @property
    def status(self) -> str:
        return str(self.screen.query_one("#lookup-status").render())

    @property
    def messages(self) -> list[str]:
        return [f"{n.title}: {n.message}" for n in self.app._notifications]


async def settle(pilot: Pilot[Any]) -> None:
    """Let loads and sends finish; flows waiting on a modal (save, leave) stay waiting."""
    for _ in range(3):
        busy = [
            w for w in pilot.app.workers if w.group not in WAITS_ON_A_PERSON and not w.is_finished
        ]
        if not busy:  # (an empty list would mean "every worker")
            break
        await pilot.app.workers.wait_for_complete(busy)
        await pilot.pause()
    await pilot.pause()


def text_of(widget: Static) -> str:
    """A Static's text as shown: plain text, or a Rich renderable printed without colour."""
    visual = widget.render()
    if isinstance(visual, Content):
        return str(visual)
    console = Console(width=SIZE[0], file=io.StringIO(), color_system=None, record=True)
    console.print(widget.content)
    return console.export_text()


async def open_table(pilot: Pilot[Any], name: str) -> None:
    """From the lookup tables view, put the cursor on `name` and press enter."""
    await settle(pilot)
    view = pilot.app.screen.query_one(ResourceView)
    rows = view.table.visible_rows
    index = next(i for i, row in enumerate(rows) if row.name == name)
    view.table.move_cursor(row=index)
    await pilot.press("enter")
