"""The one Pilot driver for every UI test: presses keys as a person does, waits on what the
screen shows, and reads it back.

    async with world.run() as d:             # World: tests/pilot_world.py
        await d.jump("recipes")
        d.move_to(lambda r: r.name == "…")
        await d.press("t")
        await d.until_screen(ConfirmScreen)

Waiting is on screen state, never on worker names: `settle()` returns once every worker has
finished or is waiting for a person to answer a screen (a confirm, a form, a progress screen
someone must close); `until()` pumps the event loop until a condition on the screen holds.
"""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.console import Console
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Static
from textual.widgets.tree import TreeNode
from textual.worker import Worker

from workato_tui.app import WorkatoApp
from workato_tui.columns import field_value
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.lookup_editor import LookupEditorScreen
from workato_tui.screens.lookup_saving import LookupSaveScreen
from workato_tui.screens.main import MainScreen
from workato_tui.screens.progress import BulkScreen, ResultRow
from workato_tui.screens.recipe_detail import RecipeScreen
from workato_tui.widgets.command_bar import CommandBar
from workato_tui.widgets.folder_tree import FolderTree
from workato_tui.widgets.resource_view import ResourceView
from workato_tui.widgets.table import ResourceTable

if TYPE_CHECKING:
    from pilot_world import World

SIZE = (120, 36)
SETTLE_SECONDS = 20.0  # wall-clock bound on a settle; only reached when something hangs
Row = Any  # a typed row of a view (see workato_tui.views.rows), or a store record


def waits_on_a_screen(worker: Worker[Any]) -> bool:
    """Whether the worker is parked in `push_screen_wait`: a screen is up that a person must
    answer (confirm, fill in, close) before the worker can go on."""
    task = worker._task
    awaiting: Any = task.get_coro() if task is not None else None
    while awaiting is not None:
        code = getattr(awaiting, "cr_code", None)
        if code is not None and code.co_name == "push_screen_wait":
            return True
        awaiting = getattr(awaiting, "cr_await", None)
    return False


class Driver:
    """Drives a running app with keys and reads back what it shows."""

    def __init__(self, pilot: Pilot[Any], world: World | None = None) -> None:
        self.pilot = pilot
        self.world = world
        self.bulk_rows: list[ResultRow] = []  # the last BulkScreen's results, as it showed them
        self.bulk_status = ""

    @property
    def app(self) -> WorkatoApp:
        return self.pilot.app  # type: ignore[return-value]

    @property
    def modal(self) -> bool:
        return isinstance(self.app.screen, ModalScreen)

    # waiting ------------------------------------------------------------------------------

    @property
    def working(self) -> list[Worker[Any]]:
        """Workers still going that are not parked on a screen waiting for a person."""
        return [w for w in self.app.workers if not w.is_finished and not waits_on_a_screen(w)]

    async def settle(self) -> None:
        """Until the app is at rest: loads and sends done, screens switched, and any flow
        left waits on a screen for a person (its confirm, form or progress screen is up)."""
        deadline = time.monotonic() + SETTLE_SECONDS
        quiet = 0
        while quiet < 2:  # at rest twice in a row: a finished load may push a screen
            await self.pilot.pause()
            working = self.working
            quiet = 0 if working else quiet + 1
            if working:
                if time.monotonic() > deadline:
                    raise AssertionError(f"still working: {working}; screen {self.screen_name}")
                tasks = [w._task for w in working if w._task is not None]
                if tasks:
                    await asyncio.wait(tasks, timeout=0.02)

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
            idle_since = None if self.working else (idle_since or now)
            if now > deadline or (idle_since is not None and now - idle_since > idle):
                raise AssertionError(
                    f"timed out waiting for {what}; screen is {self.screen_name}; "
                    f"notes: {self.messages}"
                )
            await self.pilot.pause(0.01)

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
        for _ in range(6):
            if isinstance(self.app.screen, MainScreen):
                return
            screen = self.app.screen
            await self.press("enter" if isinstance(screen, ConfirmScreen) else "escape")
            await self.until(self._left(screen), f"leaving {type(screen).__name__}")
        raise AssertionError(f"stuck on {self.screen_name}")

    def _left(self, screen: Screen[Any]) -> Callable[[], bool]:
        return lambda: self.app.screen is not screen

    # keys ---------------------------------------------------------------------------------

    async def press(self, *keys: str) -> None:
        """Press keys, then settle."""
        await self.pilot.press(*keys)
        await self.settle()

    async def type(self, text: str) -> None:
        await self.press(*text)

    # navigating ---------------------------------------------------------------------------

    async def goto(self, name: str) -> None:
        """`:` + name + enter: the command bar opens with `:`, its text is set (typing each
        key costs ~50 ms), enter goes there; then check the view is `name`."""
        await self.press("colon")
        bar = self.app.screen.query_one(CommandBar)
        assert self.app.focused is bar, "':' did not open the command bar"
        bar.value = name
        await self.press("enter")
        self.assert_on(name)

    async def jump(self, name: str, *, arrive: bool = True) -> None:
        """Go to a view by name through `MainScreen.jump`, what `:name` + enter calls; check
        the view is `name` (unless the test expects the jump to be refused: `arrive=False`)."""
        self.app.screen.jump(name)  # type: ignore[attr-defined]
        await self.settle()
        if arrive:
            self.assert_on(name)

    def assert_on(self, name: str) -> None:
        spec = self.view.spec
        assert spec is not None and name in (spec.name, *spec.aliases), f"not on :{name}"

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
        await self.pilot.pause()
        return node

    # reading ------------------------------------------------------------------------------

    @property
    def screen_name(self) -> str:
        return type(self.app.screen).__name__

    top = screen_name

    @property
    def view(self) -> ResourceView:
        """The resource view of the screen on top (main screen or recipe screen)."""
        return self.app.screen.query_one(ResourceView)

    @property
    def table(self) -> ResourceTable:
        return self.view.table

    @property
    def header(self) -> str:
        """The table's header line as drawn (labels, sort arrow, the note of hidden columns)."""
        return self.table.render_line(0).text

    @property
    def rows(self) -> list[Row]:
        """The visible rows: typed rows (models or `views.rows` classes)."""
        return list(self.table.visible_rows)

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
    def tree(self) -> FolderTree:
        return self.app.screen.query_one(FolderTree)

    @property
    def text(self) -> str:
        """Every Static's text on the top screen (details, notes, errors)."""
        return self.screen_text()

    def screen_text(self, screen: Screen[Any] | None = None) -> str:
        """Every Static's text on a screen (default: the top one)."""
        target = screen or self.app.screen
        return "\n".join(widget_text(w) for w in target.query(Static))

    @property
    def messages(self) -> list[str]:
        """Every notification since the app started, as 'title: message' (the app keeps them
        all for `:messages`; Textual's own list drops them as they expire)."""
        return [f"{n.title}: {n.message}" for n in self.app.notices]

    # forms and confirms -------------------------------------------------------------------

    @property
    def form(self) -> FormScreen:
        assert isinstance(self.app.screen, FormScreen), self.screen_name
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
        assert isinstance(self.app.screen, ConfirmScreen), self.screen_name
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
        """Confirm the open ConfirmScreen (typing `phrase`, default the one it asks for, when
        it is irreversible) and wait for it to close."""
        screen = self.confirm_screen
        if screen.confirmation.irreversible:
            await self.type_phrase(phrase or screen.confirmation.phrase)
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
        self.bulk_rows = list(table.visible_rows)
        self.bulk_status = str(screen.query_one("#bulk-status", Label).render())
        await self.press("escape")
        await self.until(lambda: self.app.screen is not screen, "the bulk screen to close")
        return screen

    # the lookup editor --------------------------------------------------------------------

    @property
    def editor(self) -> LookupEditorScreen:
        screen = self.app.screen
        assert isinstance(screen, LookupEditorScreen), type(screen).__name__
        return screen

    @property
    def status(self) -> str:
        """The lookup editor's status line."""
        return str(self.editor.query_one("#lookup-status").render())

    async def open_recipe(self, name: str) -> RecipeScreen:
        """From the recipes view, open recipe `name`'s detail screen, loaded."""
        await self.jump("recipes")
        self.move_to(lambda row: row.name == name)
        await self.press("enter")
        screen = await self.until_screen(RecipeScreen)
        await self.settle()
        assert isinstance(screen, RecipeScreen)
        return screen

    async def open_table(self, name: str) -> None:
        """On the lookup tables view, put the cursor on table `name` and press enter."""
        await self.settle()  # the view's first load (a snapshot's run_before comes straight in)
        self.move_to(lambda row: row.name == name)
        await self.press("enter")

    def move_to_cell(self, key: int, column: str | None = None) -> None:
        """Put the editor's cursor on row `key` (and `column`)."""
        screen = self.editor
        assert screen.move_to_key(key), key
        if column is not None:
            keys = [c.key for c in screen.grid.columns]
            screen.grid.move_cursor(column=keys.index(column))

    async def edit(self, key: int, column: str, value: str) -> None:
        """Put the cursor on a cell, press enter, replace its text, press enter."""
        self.move_to_cell(key, column)
        await self.press("enter")
        await self.press("ctrl+u")  # clear the prefilled value left of the cursor
        await self.type(value)
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
        assert isinstance(self.app.screen, LookupSaveScreen), self.screen_name
        await self.press("escape")


def widget_text(widget: Static) -> str:
    """A Static's text as shown: plain text, or a Rich renderable printed without colour."""
    visual = widget.render()
    if isinstance(visual, Content):
        return str(visual)
    console = Console(width=SIZE[0], file=io.StringIO(), color_system=None, record=True)
    console.print(widget.content)
    return console.export_text()
