"""Shared helpers for the write-action tests: an app on the emulator, and a driver for it.

    async with running(World(tmp_path)) as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == "…")
        await d.press("t")
        await d.until_screen(ConfirmScreen)

Write flows run in workers that wait on modals, so `settle()` only waits for workers when no
modal is open; otherwise it pumps the event loop (`until`).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static
from textual.widgets.tree import TreeNode
from textual.worker import WorkerState

from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.faults import EmulatorTransport
from workato_tui.emulator.seed import add_api_client
from workato_tui.emulator.store import ClientRole, SeenRequest, Store
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.progress import BulkScreen
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import WorkspaceService
from workato_tui.widgets.folder_tree import FolderTree
from workato_tui.widgets.resource_view import ResourceView
from workato_tui.widgets.table import ResourceTable

SIZE = (120, 36)
Row = Any  # a typed row of a view (see workato_tui.views.rows)


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


@dataclass
class World:
    """One emulator on a fake clock, one data directory, and the service and app on them."""

    root: Path
    clock: FakeClock = field(default_factory=FakeClock)
    emu: Emulator = field(init=False)
    timed: list[Timed] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.emu = Emulator.demo(clock=self.clock)

    @property
    def store(self) -> Store:
        return self.emu.store

    @property
    def paths(self) -> Paths:
        return Paths.under(self.root)

    def service(self, token: str = ADMIN_TOKEN, *, read_only: bool = False) -> WorkspaceService:
        profile = replace(demo_profile(), read_only=read_only)
        transport = EmulatorTransport(app=TimedApp(self.emu.app, self.clock, self.timed))
        return open_workspace(
            profile, SecretStr(token), self.paths, transport=transport, clock=self.clock
        )

    def app(self, service: WorkspaceService | None = None) -> WorkatoApp:
        return WorkatoApp(service or self.service(), ui_state_file=self.root / "ui.json")

    def sent(self, endpoint_id: str) -> list[SeenRequest]:
        """Requests the emulator received for one endpoint."""
        return [r for r in self.store.requests if r.endpoint_id == endpoint_id]

    def narrow_token(self, *denied: str) -> str:
        """A new API client whose role allows every endpoint except `denied`; its token."""
        from workato_tui.api.endpoints import ENDPOINTS

        allowed = frozenset(e.id for e in ENDPOINTS if e.id not in denied)
        role = ClientRole(self.store.new_id(), "Operator without start", allowed)
        self.store.client_roles[role.id] = role
        token = f"narrow-token-{role.id}"
        add_api_client(self.store, "Narrow operator", role, token)
        return token


class Driver:
    """Drives a running app with keys and reads back what it shows."""

    def __init__(self, pilot: Pilot[Any], world: World) -> None:
        self.pilot = pilot
        self.world = world
        self.notes: list[str] = []  # every notification, kept (the app's own list expires)
        self.bulk_rows: list[Row] = []  # the last BulkScreen's results, as it showed them
        self.bulk_status = ""
        app_notify = self.app.notify

        def notify(message: str, *args: Any, **kwargs: Any) -> None:
            self.notes.append(f"{kwargs.get('title') or ''}: {message}")
            app_notify(message, *args, **kwargs)

        self.app.notify = notify  # type: ignore[method-assign]

    @property
    def app(self) -> WorkatoApp:
        return self.pilot.app  # type: ignore[return-value]

    @property
    def modal(self) -> bool:
        return isinstance(self.app.screen, ModalScreen)

    # waiting ------------------------------------------------------------------------------

    async def until(
        self,
        predicate: Callable[[], bool],
        what: str = "condition",
        seconds: float = 5.0,
        idle: float = 1.0,
    ) -> None:
        """Pump the event loop until `predicate()` holds. Give up after `seconds`, or once no
        worker has been running for `idle` seconds (nothing left that could make it true)."""
        deadline = time.monotonic() + seconds
        idle_since: float | None = None
        while not predicate():
            now = time.monotonic()
            idle_since = None if self.busy else (idle_since or now)
            if now > deadline or (idle_since is not None and now - idle_since > idle):
                raise AssertionError(
                    f"timed out waiting for {what}; screen is "
                    f"{type(self.app.screen).__name__}; notes: {self.notes}"
                )
            await self.pilot.pause(0.01)

    @property
    def busy(self) -> bool:
        """Whether any worker (a load, a write waiting on a modal) is still going."""
        return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in self.app.workers)

    async def settle(self) -> None:
        """Let loads finish: wait for workers when no modal is open, else just pump."""
        for _ in range(2):
            if self.modal:
                for _ in range(3):
                    await self.pilot.pause(0.01)
            else:
                await self.app.workers.wait_for_complete()
                await self.pilot.pause()

    async def until_screen(self, kind: type[Screen[Any]]) -> Screen[Any]:
        await self.until(lambda: isinstance(self.app.screen, kind), kind.__name__)
        await self.pilot.pause()
        return self.app.screen

    async def until_main(self) -> None:
        """Wait until every modal is closed and the app's loads have finished."""
        await self.until(lambda: not self.modal, "no modal")
        await self.settle()

    async def back_to_main(self) -> None:
        """Leave pushed screens (escape; confirm leaving with staged edits) for the main one."""
        from workato_tui.screens.main import MainScreen

        for _ in range(6):
            if isinstance(self.app.screen, MainScreen):
                return
            screen = self.app.screen
            await self.press("enter" if isinstance(screen, ConfirmScreen) else "escape")
            await self.until(self._left(screen), f"leaving {type(screen).__name__}")
        raise AssertionError(f"stuck on {type(self.app.screen).__name__}")

    def _left(self, screen: Screen[Any]) -> Callable[[], bool]:
        return lambda: self.app.screen is not screen

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        await self.pilot.press(*text)
        await self.pilot.pause()

    # navigating ---------------------------------------------------------------------------

    async def goto(self, name: str) -> None:
        """`:` + name + enter: the command bar opens with `:`, its text is set (typing each
        key costs ~50 ms), enter goes there. ~0.5 s, so most tests use `jump`."""
        from workato_tui.widgets.command_bar import CommandBar

        await self.press("colon")
        bar = self.app.screen.query_one(CommandBar)
        assert self.app.focused is bar, "':' did not open the command bar"
        bar.value = name
        await self.press("enter")
        await self.settle()
        self.assert_on(name)

    async def jump(self, name: str) -> None:
        """Go to a view by name through `MainScreen.jump`, what `:name` + enter calls
        (`test_writes_endpoints` checks `:` itself reaches every view used here)."""
        self.app.screen.jump(name)  # type: ignore[attr-defined]
        await self.settle()
        self.assert_on(name)

    def assert_on(self, name: str) -> None:
        spec = self.view.spec
        assert spec is not None and name in (spec.name, *spec.aliases), f"not on :{name}"

    @property
    def view(self) -> ResourceView:
        return self.app.screen.query_one(ResourceView)

    @property
    def table(self) -> ResourceTable:
        return self.view.table

    @property
    def rows(self) -> list[Row]:
        """The visible rows: typed rows (models or `views.rows` classes)."""
        return self.table.visible_rows

    def move_to(self, predicate: Callable[[Row], bool]) -> Row:
        """Put the table cursor on the first visible row matching `predicate`."""
        for index, row in enumerate(self.table.visible_rows):
            if predicate(row):
                self.table.move_cursor(row=index)
                self.table.focus()
                return row
        raise AssertionError("no visible row matches")

    async def mark(self, predicate: Callable[[Row], bool], pressed: int = 3) -> list[Row]:
        """Mark every visible row matching `predicate`, in table order: the first `pressed`
        with the space key, the rest with the action space is bound to (~0.1 s a key)."""
        marked = []
        for index, row in enumerate(list(self.table.visible_rows)):
            if predicate(row):
                self.table.move_cursor(row=index)
                if len(marked) < pressed:
                    await self.pilot.press("space")
                else:
                    self.table.action_toggle_mark()
                marked.append(row)
        await self.pilot.pause()
        assert len(self.table.marked_keys) == len(marked)
        return marked

    async def filter(self, text: str) -> None:
        await self.press("slash")
        await self.type(text)
        await self.press("enter")

    @property
    def tree(self) -> FolderTree:
        return self.app.screen.query_one(FolderTree)

    async def tree_node(self, *path: str) -> TreeNode[Any]:
        """Focus the tree (ctrl+t) and put its cursor on the node at `path` (names),
        expanding (space) the nodes on the way."""
        await self.press("ctrl+t")
        node = self.tree.root
        for depth, name in enumerate(path):
            found = next((c for c in node.children if c.data and c.data.name == name), None)
            assert found is not None, f"no tree node {name!r} under {node.label}"
            node = found
            self.tree.move_cursor(node)
            if depth < len(path) - 1 and not node.is_expanded:
                await self.press("space")
                await self.settle()
        await self.pilot.pause()
        return node

    # forms and confirms -------------------------------------------------------------------

    @property
    def form(self) -> FormScreen:
        assert isinstance(self.app.screen, FormScreen), type(self.app.screen).__name__
        return self.app.screen

    def set_field(self, name: str, value: Any) -> None:
        """Set a form field's widget value directly (Input, Select, Checkbox)."""
        widget = self.form.query_one(f"#field-{name}")
        if isinstance(widget, Input) and not isinstance(value, str):
            value = str(value)
        widget.value = value  # type: ignore[attr-defined]

    async def submit_form(self) -> None:
        """ctrl+s on the open form."""
        await self.press("ctrl+s")

    @property
    def confirm_screen(self) -> ConfirmScreen:
        assert isinstance(self.app.screen, ConfirmScreen), type(self.app.screen).__name__
        return self.app.screen

    def confirm_button(self) -> Button:
        return self.confirm_screen.query_one("#confirm", Button)

    async def type_phrase(self, phrase: str) -> None:
        """Fill the confirm's typed box: all but the last character set, the last one typed
        (typing long names key by key costs ~50 ms a key)."""
        typed = self.confirm_screen.query_one("#typed", Input)
        typed.focus()
        typed.value = phrase[:-1]
        typed.cursor_position = len(typed.value)
        await self.type(phrase[-1])

    async def confirm(self, phrase: str | None = None) -> None:
        """Confirm the open ConfirmScreen: type `phrase` + enter when it asks for one."""
        screen = self.confirm_screen
        if screen.confirmation.irreversible:
            assert phrase is not None, "an irreversible confirm needs the typed phrase"
            await self.type_phrase(phrase)
            await self.press("enter")
        else:
            assert self.app.focused is self.confirm_button()
            await self.press("enter")
        await self.until(lambda: self.app.screen is not screen, "the confirm to close")

    async def confirm_bulk(self) -> BulkScreen:
        """Confirm the open ConfirmScreen and wait for the bulk work it starts to finish;
        returns the (still open) BulkScreen."""
        await self.until_screen(ConfirmScreen)
        await self.confirm()
        screen = await self.until_screen(BulkScreen)
        assert isinstance(screen, BulkScreen)
        await self.until(lambda: screen.finished, "the bulk work")
        return screen

    async def close_bulk(self, expect: bool = False) -> BulkScreen | None:
        """If a BulkScreen is up (or `expect`ed), wait for it to finish and close it (escape);
        return it."""
        if expect:
            await self.until_screen(BulkScreen)
        await self.pilot.pause()
        screen = self.app.screen
        if not isinstance(screen, BulkScreen):
            return None
        await self.until(lambda: screen.finished, "the bulk work to finish")
        await self.pilot.pause()
        table = screen.query_one("#bulk-results", ResourceTable)
        self.bulk_rows = [dict(r) for r in table.visible_rows]
        self.bulk_status = str(screen.query_one("#bulk-status", Label).render())
        await self.press("escape")
        await self.until(lambda: self.app.screen is not screen, "the bulk screen to close")
        return screen

    # reading ------------------------------------------------------------------------------

    @property
    def messages(self) -> list[str]:
        """Every notification so far, as 'title: message'."""
        return list(self.notes)

    def screen_text(self, screen: Screen[Any] | None = None) -> str:
        """Every Static's plain text on a screen (default: the top one)."""
        target = screen or self.app.screen
        return "\n".join(str(w.render()) for w in target.query(Static))


@asynccontextmanager
async def running(
    world: World, service: WorkspaceService | None = None, size: tuple[int, int] = SIZE
) -> AsyncIterator[Driver]:
    """Run the app headless on `world` and yield a driver once the first load is done."""
    app = world.app(service)
    async with app.run_test(size=size) as pilot:
        driver = Driver(pilot, world)
        await driver.settle()
        yield driver


def recipe_named(store: Store, name: str) -> Row:
    return next(r for r in store.main.recipes.values() if r["name"] == name)


def connection_named(store: Store, name: str) -> Row:
    return next(c for c in store.main.connections.values() if c["name"] == name)
