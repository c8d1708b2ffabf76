"""Fixtures for the app's Pilot and snapshot tests: an in-process emulator on a fake clock,
a service wired to it with isolated paths, and a `UI` driver that presses keys and reads what
the app shows.

    async def test_something(harness: Harness) -> None:
        async with harness.run() as ui:
            await ui.jump("connections")
            assert ui.crumbs.startswith("Connections")

Test modules reach these helpers through the `harness` fixture (tests/tui is not a package).
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from rich.console import Console
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from workato_tui.app import WorkatoApp
from workato_tui.columns import field_value
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.seed import add_api_client
from workato_tui.emulator.store import ClientRole
from workato_tui.service.config import ResolvedProfile
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import WorkspaceService
from workato_tui.widgets.resource_view import ResourceView
from workato_tui.widgets.table import ResourceTable

SIZE = (120, 36)
Row = Any  # a typed row of a view (see workato_tui.views.rows)


@dataclass
class Harness:
    """One emulator, one data directory, and the services and apps built on them."""

    root: Path
    clock: FakeClock = field(default_factory=FakeClock)
    emu: Emulator = field(init=False)

    def __post_init__(self) -> None:
        self.emu = Emulator.demo(clock=self.clock)

    @property
    def paths(self) -> Paths:
        return Paths.under(self.root)

    @property
    def ui_state_file(self) -> Path:
        return self.root / "ui.json"

    def service(
        self,
        token: str = ADMIN_TOKEN,
        *,
        profile: ResolvedProfile | None = None,
        timeout: float = 40.0,
        read_only: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> WorkspaceService:
        """A service on the emulator; retries and quota waits run on the fake clock."""
        profile = profile or replace(demo_profile(), read_only=read_only)
        return open_workspace(
            profile,
            SecretStr(token),
            self.paths,
            transport=transport or self.emu.transport(),
            clock=self.clock,
            timeout=timeout,
        )

    def gated(self, path: str) -> GatedTransport:
        """The emulator's transport, holding requests to `path` until the test opens the gate."""
        return GatedTransport(self.emu.transport(), path)

    def app(self, service: WorkspaceService | None = None, **kwargs: Any) -> WorkatoApp:
        kwargs.setdefault("ui_state_file", self.ui_state_file)
        return WorkatoApp(service or self.service(), **kwargs)

    def ui(self, pilot: Pilot[Any]) -> UI:
        return UI(pilot, self)

    @asynccontextmanager
    async def run(
        self, app: WorkatoApp | None = None, size: tuple[int, int] = SIZE
    ) -> AsyncIterator[UI]:
        """Run `app` (a default one on the admin token) headless, after its first load."""
        app = app or self.app()
        async with app.run_test(size=size) as pilot:
            ui = self.ui(pilot)
            await ui.settle()
            yield ui

    def requests(self, path: str | None = None) -> list[Any]:
        """What reached the emulator (optionally only one path)."""
        return [r for r in self.emu.store.requests if path is None or r.path == path]

    def client_with_endpoints(self, *endpoint_ids: str) -> str:
        """A new API client whose role allows only `endpoint_ids`; returns its token."""
        store = self.emu.store
        role = ClientRole(store.new_id(), "Narrow role", frozenset(endpoint_ids))
        store.client_roles[role.id] = role
        token = f"narrow-token-{role.id}"
        add_api_client(store, "Narrow client", role, token)
        return token


class GatedTransport(httpx.AsyncBaseTransport):
    """A slow network without real time: requests to one path wait for `release()`."""

    def __init__(self, inner: httpx.AsyncBaseTransport, path: str) -> None:
        self.inner = inner
        self.path = path
        self._open = asyncio.Event()

    def release(self) -> None:
        self._open.set()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == self.path:
            await self._open.wait()
        return await self.inner.handle_async_request(request)


@dataclass
class UI:
    """Drives a running app with keys and reads back what it shows."""

    pilot: Pilot[Any]
    harness: Harness

    @property
    def app(self) -> WorkatoApp:
        return self.pilot.app  # type: ignore[no-any-return]

    # driving ------------------------------------------------------------------------------

    async def settle(self) -> None:
        """Let workers finish and screens switch (Textual 8 switches screens after 50 ms)."""
        for _ in range(2):
            await self.app.workers.wait_for_complete()
            await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.settle()

    async def goto(self, name: str) -> None:
        """`:` + name + enter, typed as a person types it, then wait for the view."""
        await self.press("colon", *name, "enter")

    async def jump(self, name: str) -> None:
        """Go to a view the way the command palette does (`MainScreen.jump`)."""
        self.app.screen.jump(name)  # type: ignore[attr-defined]
        await self.settle()

    def move_to(self, predicate: Callable[[Row], bool]) -> Row:
        """Put the table cursor on the first visible row matching `predicate`."""
        for index, row in enumerate(self.table.visible_rows):
            if predicate(row):
                self.table.move_cursor(row=index)
                return row
        raise AssertionError("no visible row matches")

    # reading ------------------------------------------------------------------------------

    @property
    def screen_name(self) -> str:
        return type(self.app.screen).__name__

    @property
    def view(self) -> ResourceView:
        """The resource view of the screen on top (main screen or recipe screen)."""
        return self.app.screen.query_one(ResourceView)

    @property
    def table(self) -> ResourceTable:
        return self.view.table

    @property
    def rows(self) -> list[Row]:
        """The visible rows: typed rows (models or `views.rows` classes)."""
        return self.table.visible_rows

    def cell(self, row: Row, key: str) -> Any:
        """The raw value of `row` in the column `key` (computed cells come from getters)."""
        column = next((c for c in self.table.columns if c.key == key), None)
        return column.value(row) if column is not None else field_value(row, key)

    def column(self, key: str) -> list[Any]:
        """The raw values of the column `key` (through its getter), else of the field `key`."""
        column = next((c for c in self.table.columns if c.key == key), None)
        if column is not None:
            return [column.value(row) for row in self.table.visible_rows]
        return [field_value(row, key) for row in self.table.visible_rows]

    @property
    def crumbs(self) -> str:
        return str(self.view.query_one("#crumbs", Static).render())

    @property
    def text(self) -> str:
        """Every Static's text on the top screen (details, notes, errors)."""
        return "\n".join(widget_text(w) for w in self.app.screen.query(Static))

    @property
    def messages(self) -> list[str]:
        """Notifications so far, as 'title: message'."""
        return [f"{n.title}: {n.message}" for n in self.app._notifications]


def widget_text(widget: Static) -> str:
    """A Static's text as shown: plain text, or a Rich renderable printed without colour."""
    visual = widget.render()
    if isinstance(visual, Content):
        return str(visual)
    console = Console(width=SIZE[0], file=io.StringIO(), color_system=None, record=True)
    console.print(widget.content)
    return console.export_text()


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path)
