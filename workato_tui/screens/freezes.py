"""Incident freezes: stop what runs in a scope, list the freezes, and thaw exactly what was frozen.

`:freeze` freezes the recipes marked in the recipes view, or else every recipe in the folder or
project chosen in the tree (with its sub-folders); `:freezes` lists freezes with when, what, by
which profile and their state. `t` thaws the highlighted freeze, `f` finishes one that a crash
interrupted; the app opens this screen at start when such a freeze exists.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from ..api.endpoints import endpoint
from ..api.models import Recipe
from ..columns import Column
from ..service.freeze import (
    FREEZING,
    THAWING,
    UNFINISHED,
    Freeze,
    FreezeStore,
    new_freeze,
    run_freeze,
    run_thaw,
    unfinished_freezes,
)
from ..service.writes import ItemResult
from ..views import format as fmt
from ..widgets.keys_footer import KeysFooter
from ..widgets.table import ResourceTable
from .confirm import Confirmation, ConfirmScreen
from .lookup_saving import profile_text
from .progress import BulkScreen

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService

COLUMNS = (
    Column("when", "WHEN", width=16, get=lambda f: fmt.when(datetime.fromisoformat(f.created_at))),
    Column("scope", "WHAT", width=30),
    Column("count", "RECIPES", width=7, align="right", get=lambda f: len(f.recipes)),
    Column("state", "STATE", width=13),
    Column("profile", "PROFILE", width=10),
    Column("summary", "DETAIL", width=70, get=lambda f: f.summary() + _problems(f)),
)
Step = Callable[["WorkspaceService", FreezeStore, Freeze, Any], Awaitable[Freeze]]


class FreezesScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="freezes-back"),
        Binding("t", "thaw", "Thaw", id="freezes-thaw"),
        Binding("f", "finish", "Finish", id="freezes-finish"),
    ]

    def __init__(
        self,
        service: WorkspaceService,
        *,
        freeze_recipes: list[Recipe] | None = None,
        scope: str = "",
    ) -> None:
        super().__init__()
        self.service = service
        self.store = FreezeStore(service.freezes_dir) if service.freezes_dir else None
        self.freeze_recipes = freeze_recipes
        self.scope = scope

    def compose(self) -> ComposeResult:
        yield Static(" Freezes", classes="screen-title")
        yield Static("", id="freezes-status", classes="detail-fields", markup=False)
        yield ResourceTable(
            COLUMNS,
            empty_text="No freezes yet. :freeze stops what runs in the chosen folder.",
            id="freezes-table",
        )
        yield KeysFooter()

    @property
    def table(self) -> ResourceTable:
        return self.query_one("#freezes-table", ResourceTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.show_freezes()
        if self.freeze_recipes is not None:
            self.freeze(self.freeze_recipes, self.scope)

    def show_freezes(self) -> None:
        freezes = self.store.load_all() if self.store else []
        self.table.set_rows(freezes)  # typed rows: the columns read each Freeze
        unfinished = [f for f in freezes if f.state in UNFINISHED]
        status = self.query_one("#freezes-status", Static)
        if unfinished:
            f = unfinished[0]
            status.update(
                f"The {f.state} of {f.scope} ({f.created_at[:16]}) did not finish: "
                f"{f.summary()}. f finishes it, t thaws it."
            )
            self.table.move_to_key(f.id)
        else:
            status.update("t: thaw the highlighted freeze (starts exactly the recipes it stopped)")

    def _current(self) -> Freeze | None:
        freeze: Freeze | None = self.table.current_row
        return freeze

    # freeze ---------------------------------------------------------------------------

    @work(exclusive=True, group="freeze", exit_on_error=False)
    async def freeze(self, recipes: list[Recipe], scope: str) -> None:
        if self.store is None or self._refused("recipes.stop", "Freeze"):
            return
        running = [r for r in recipes if r.running]
        if not running:
            self.notify(f"Nothing runs in {scope}: nothing to freeze", title="Freeze")
            return
        names = tuple(r.name for r in running)
        confirmation = self._confirmation("recipes.stop", f"Freeze {scope}: stop", names, True)
        if not await self.app.push_screen_wait(ConfirmScreen(confirmation)):
            return
        profile = self.service.profile.name
        record = new_freeze(running, profile=profile, scope=scope, now=self.service.now())
        await self._run("Freeze: stopping", record, run_freeze)

    # thaw and finish ------------------------------------------------------------------

    @work(exclusive=True, group="freeze", exit_on_error=False)
    async def action_thaw(self) -> None:
        record = self._current()
        if record is None or self._refused("recipes.start", "Thaw"):
            return
        todo = [r for r in record.recipe_ids if r not in record.started + record.gone]
        if not todo:
            self.notify("Everything in this freeze was started again", title="Thaw")
            return
        names = tuple(record.name(r) for r in todo)
        confirmation = self._confirmation("recipes.start", f"Thaw {record.scope}: start", names)
        if await self.app.push_screen_wait(ConfirmScreen(confirmation)):
            await self._run("Thaw: starting", record, run_thaw)

    @work(exclusive=True, group="freeze", exit_on_error=False)
    async def action_finish(self) -> None:
        record = self._current()
        if record is None or record.state not in UNFINISHED:
            self.notify("Only a freeze or thaw that did not finish can be finished", title="Finish")
            return
        endpoint_id = "recipes.stop" if record.state == FREEZING else "recipes.start"
        if self._refused(endpoint_id, "Finish"):
            return
        step: Step = run_freeze if record.state == FREEZING else run_thaw
        verb = "Freeze: stopping" if record.state == FREEZING else "Thaw: starting"
        names = tuple(record.name(r) for r in record.recipe_ids)
        confirmation = self._confirmation(endpoint_id, f"Finish: {verb.lower()}", names)
        if await self.app.push_screen_wait(ConfirmScreen(confirmation)):
            await self._run(verb, record, step)

    async def _run(self, title: str, record: Freeze, step: Step) -> None:
        assert self.store is not None
        store = self.store
        total = len(record.recipes)

        async def run(progress: Any, cancelled: Any) -> list[ItemResult]:
            results: list[ItemResult] = []

            def note(done: int, count: int, text: str) -> None:
                ok = text.endswith(("stopped", "started"))
                results.append(ItemResult(record, ok, text))
                progress(len(results), count, results[-1])

            await step(self.service, store, record, note)
            return results

        await self.app.push_screen_wait(BulkScreen(title, total, run))
        self.show_freezes()
        self.notify(f"{record.scope}: {record.state}. {record.summary()}", title=title)

    def _refused(self, endpoint_id: str, title: str) -> bool:
        reason = self.service.denied(endpoint_id)
        if reason:
            self.notify(reason, title=f"{title}: unavailable", severity="warning")
        return reason is not None

    def _confirmation(
        self, endpoint_id: str, action: str, names: tuple[str, ...], typed: bool = False
    ) -> Confirmation:
        target = endpoint(endpoint_id)
        return Confirmation(
            action=f"{action} {len(names)} recipe(s)",
            items=names,
            profile=profile_text(self.service),
            effect=target.warning or target.summary,
            endpoint=f"{target.method} {target.display_path}",
            irreversible=typed,
            why_typed="This stops live automations until you thaw them.",
        )


def _problems(freeze: Freeze) -> str:
    if not freeze.problems:
        return ""
    first_id, first = next(iter(freeze.problems.items()))
    return f" · {freeze.name(int(first_id))}: {first}"


__all__ = ["THAWING", "FreezesScreen", "unfinished_freezes"]
