"""The world every UI test runs the app in: the demo emulator on a fake clock, one data
directory, and the services and apps built on them. `World.run()` and `World.editor()` start the
app headless and hand back a `Driver` (tests/pilot_driver.py).

    async with world.run() as d:
        await d.jump("recipes")

(A uniquely named module on the pytest path, not a conftest: conftest names collide across
test directories. The `world` fixture lives in tests/conftest.py.)
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
from pilot_driver import SIZE, Driver, Row
from pydantic import SecretStr

from workato_tui.api.endpoints import ENDPOINTS
from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.faults import EmulatorTransport
from workato_tui.emulator.seed import add_api_client
from workato_tui.emulator.store import ClientRole, SeenRequest, Store
from workato_tui.service.config import ResolvedProfile
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import WorkspaceService

COST_CENTERS = "Cost centers"
LOOKUP_TABLES = "lookup-tables"


@dataclass
class Timed:
    """A request as it reached the emulator, stamped with the fake clock's monotonic time."""

    method: str
    path: str
    at: float


class TimedApp:
    """ASGI wrapper that stamps every request with the fake clock before the emulator sees it."""

    def __init__(self, app: Any, clock: FakeClock, log: list[Timed]) -> None:
        self.app, self.clock, self.log = app, clock, log

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.log.append(Timed(scope["method"], scope["path"], self.clock.monotonic()))
        await self.app(scope, receive, send)


def record_frames(
    monkeypatch: Any, note: Callable[[WorkatoApp], None], on: type[Any] | None = None
) -> None:
    """Call `note(app)` at each frame the app sends to its terminal while a screen of type
    `on` (default: the main screen) is showing: what did the frames show?

    Textual drops frames drawn during a batch update (the app's own mount is one); those never
    reach the terminal, so they are not noted."""
    from workato_tui.screens.main import MainScreen

    original = WorkatoApp._display
    shown = on or MainScreen

    def display(app: WorkatoApp, screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count and isinstance(app.screen, shown):
            note(app)
        original(app, screen, renderable)

    monkeypatch.setattr(WorkatoApp, "_display", display)


def shown_rows(app: WorkatoApp) -> int:
    """How many rows the main screen's view holds."""
    return app.screen.view.table.total_count  # type: ignore[attr-defined, no-any-return]


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
class World:
    """One emulator (demo, or `large`) on a fake clock, and one data directory.

    `first_view`: the view the apps built here open on (None: the app's default)."""

    root: Path
    clock: FakeClock = field(default_factory=FakeClock)
    large: bool = False
    first_view: str | None = None
    emu: Emulator = field(init=False)
    timed: list[Timed] = field(default_factory=list)

    def __post_init__(self) -> None:
        build = Emulator.large if self.large else Emulator.demo
        self.emu = build(clock=self.clock)

    # building -----------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self.emu.store

    @property
    def paths(self) -> Paths:
        return Paths.under(self.root)

    @property
    def ui_state_file(self) -> Path:
        return self.root / "ui.json"

    def transport(self) -> httpx.AsyncBaseTransport:
        """The emulator's transport, stamping each request into `timed`."""
        return EmulatorTransport(app=TimedApp(self.emu.app, self.clock, self.timed))

    def gated(self, path: str) -> GatedTransport:
        """The emulator's transport, holding requests to `path` until the test opens the gate."""
        return GatedTransport(self.transport(), path)

    def service(
        self,
        token: str = ADMIN_TOKEN,
        *,
        profile: ResolvedProfile | None = None,
        read_only: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 40.0,
    ) -> WorkspaceService:
        """A service on the emulator; retries and quota waits run on the fake clock."""
        profile = profile or replace(demo_profile(), read_only=read_only)
        return open_workspace(
            profile,
            SecretStr(token),
            self.paths,
            transport=transport or self.transport(),
            clock=self.clock,
            timeout=timeout,
        )

    def app(self, service: WorkspaceService | None = None, **kwargs: Any) -> WorkatoApp:
        kwargs.setdefault("ui_state_file", self.ui_state_file)
        if self.first_view is not None:
            kwargs.setdefault("first_view", self.first_view)
        return WorkatoApp(service or self.service(), **kwargs)

    def driver(self, pilot: Any) -> Driver:
        """A driver for an app already running under `pilot` (snapshot `run_before`s)."""
        return Driver(pilot, self)

    # running ------------------------------------------------------------------------------

    @asynccontextmanager
    async def run(
        self,
        app: WorkatoApp | None = None,
        *,
        service: WorkspaceService | None = None,
        size: tuple[int, int] = SIZE,
        notifications: bool = False,
    ) -> AsyncIterator[Driver]:
        """Run `app` (default: one on `service`, or on the admin token) headless; yield a driver
        once the first load is done. `notifications`: draw toasts (test mode hides them)."""
        app = app or self.app(service)
        async with app.run_test(size=size, notifications=notifications) as pilot:
            driver = Driver(pilot, self)
            await driver.settle()
            yield driver

    @asynccontextmanager
    async def editor(
        self, name: str = COST_CENTERS, app: WorkatoApp | None = None, size: tuple[int, int] = SIZE
    ) -> AsyncIterator[Driver]:
        """Run the app and open lookup table `name`'s editor (pick it, enter)."""
        async with self.run(app or self.app(first_view=LOOKUP_TABLES), size=size) as driver:
            await driver.open_table(name)
            yield driver

    # reading the emulator -----------------------------------------------------------------

    def requests(self, path: str | None = None, *, method: str | None = None) -> list[Any]:
        """What reached the emulator (optionally only one path, or one method)."""
        return [
            r
            for r in self.store.requests
            if (path is None or r.path == path) and (method is None or r.method == method)
        ]

    def sent(self, endpoint_id: str) -> list[SeenRequest]:
        """Requests the emulator received for one endpoint."""
        return [r for r in self.store.requests if r.endpoint_id == endpoint_id]

    def table_id(self, name: str = COST_CENTERS) -> int:
        tables = self.store.main.lookup_tables
        return next(i for i, t in tables.items() if t["name"] == name)

    def stored(self, name: str = COST_CENTERS) -> dict[int, dict[str, Any]]:
        """The emulator's rows of a lookup table: id -> data."""
        rows = self.store.main.lookup_rows[self.table_id(name)]
        return {row_id: row["data"] for row_id, row in rows.items()}

    # tokens -------------------------------------------------------------------------------

    def client_with_endpoints(self, *endpoint_ids: str) -> str:
        """A new API client whose role allows only `endpoint_ids`; returns its token."""
        return self._client(frozenset(endpoint_ids), "Narrow role", "Narrow client")

    def narrow_token(self, *denied: str) -> str:
        """A new API client whose role allows every endpoint except `denied`; its token."""
        allowed = frozenset(e.id for e in ENDPOINTS if e.id not in denied)
        return self._client(allowed, "Operator without start", "Narrow operator")

    def _client(self, allowed: frozenset[str], role_name: str, client_name: str) -> str:
        role = ClientRole(self.store.new_id(), role_name, allowed)
        self.store.client_roles[role.id] = role
        token = f"narrow-token-{role.id}"
        add_api_client(self.store, client_name, role, token)
        return token


def recipe_named(store: Store, name: str) -> Row:
    return next(r for r in store.main.recipes.values() if r["name"] == name)


def connection_named(store: Store, name: str) -> Row:
    return next(c for c in store.main.connections.values() if c["name"] == name)
