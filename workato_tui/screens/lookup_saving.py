"""Saving staged lookup edits: the diff in the confirm modal, progress, then conflicts.

Mixed into `LookupEditorScreen`. The flow reads top to bottom: refuse (policy, read-only, 403)
and say why -> confirm with the diff -> send with a progress bar and per-row results -> resolve
each conflict side by side (keep theirs, or keep yours and save again).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from textual import work
from textual.widgets import Button, Label

from ..api.endpoints import endpoint
from ..lookup import Conflict, SaveEngine, SaveReport, StagedStore, Staging
from ..lookup.diff import diff_lines
from ..lookup.save import ENDPOINTS
from ..service.writes import ItemResult
from .confirm import Confirmation, ConfirmScreen
from .lookup_conflict import ConflictScreen
from .progress import BulkScreen

if TYPE_CHECKING:
    from textual.app import App

    from ..lookup import GridChange
    from ..service.workspace import WorkspaceService


def profile_text(service: WorkspaceService) -> str:
    """`DEMO (emulator)`, with `, read-only` when the profile is."""
    return service.badge()


class LookupSaveScreen(BulkScreen):
    """The bulk progress screen, with the save's phases (checking, sending) and conflicts."""

    def __init__(self, title: str, engine: SaveEngine, only: Collection[int] | None) -> None:
        super().__init__(title, len(engine.keys(only)), self._run)
        self.engine = engine
        self.only = only

    async def _run(
        self, progress: Callable[[int, int, ItemResult | None], None], cancelled: Callable[[], bool]
    ) -> list[ItemResult]:
        return await self.engine.run(progress, cancelled, phase=self.set_phase, only=self.only)

    def set_phase(self, text: str) -> None:
        self.query_one("#bulk-status", Label).update(text)

    @work(exclusive=True, group="bulk", exit_on_error=False)
    async def execute(self) -> None:
        self.results = await self.run_watched()
        self.finished = True
        report = self.engine.report
        self.set_phase(
            report.error or _outcome(report) + " Press escape to close, enter to read a result."
        )
        self.query_one("#bulk-close", Button).label = "Close"


def _outcome(report: SaveReport) -> str:
    uncertain = sum(r.outcome == "uncertain" for r in report.results)
    text = f"Done: {report.saved} saved, {report.failed - uncertain} failed"
    if uncertain:
        text += f", {uncertain} may have been saved (checked before any resend)"
    if report.conflicts:
        text += f", {len(report.conflicts)} held back as conflicts (you choose next)"
    return text + "."


class LookupSaving:
    """Save, discard and leave, for `LookupEditorScreen`."""

    app: App[Any]
    service: WorkspaceService
    staging: Staging
    store: StagedStore
    table_name: str
    table_id: int
    columns: list[str]
    rows: dict[int, dict[str, Any]]

    if TYPE_CHECKING:

        def apply(self, changes: list[GridChange], *, persist: bool = True) -> None: ...
        def notify(self, message: str, **kw: Any) -> None: ...
        def commit_pending_edit(self) -> None: ...

    def server_keys(self) -> list[int]:
        return [key for key in self.rows if key > 0]

    def action_save(self) -> None:
        self.commit_pending_edit()
        self.save_changes()

    @work(group="lookup-save", exclusive=True, exit_on_error=False)
    async def save_changes(self) -> None:
        only: list[int] | None = None
        confirm = True
        while True:
            report = await self._save_once(only, confirm)
            if report is None or not report.conflicts:
                return
            only = await self._resolve(report.conflicts)
            if not only:
                return
            confirm = False

    async def _save_once(self, only: Collection[int] | None, confirm: bool) -> SaveReport | None:
        if not len(self.staging):
            self.notify("Nothing to save: no staged changes.", title="Save")
            return None
        engine = SaveEngine(
            self.service,
            self.staging,
            server_keys=self.server_keys(),
            store=self.store,
            table_name=self.table_name,
        )
        refusal = engine.refusal(only)
        if refusal:
            self.notify(
                f"Saving is refused: {refusal}", title="Save refused", severity="error", timeout=15
            )
            return None
        if confirm and not await self.app.push_screen_wait(
            ConfirmScreen(self.save_confirmation(engine, only))
        ):
            return None
        title = f"Saving {self.table_name}"
        await self.app.push_screen_wait(LookupSaveScreen(title, engine, only))
        report = engine.report
        self.apply(report.grid)
        self._notify_report(report)
        return report

    def save_confirmation(self, engine: SaveEngine, only: Collection[int] | None) -> Confirmation:
        keys = engine.keys(only)
        kinds = [self.staging.rows[k].kind for k in keys]
        calls = [
            f"{endpoint(ENDPOINTS[kind]).method} {endpoint(ENDPOINTS[kind]).display_path}"
            f" x{kinds.count(kind)}"
            for kind in ("delete", "update", "add")
            if kind in kinds
        ]
        checks = len(kinds) - kinds.count("add")
        effect = endpoint(ENDPOINTS["delete" if "delete" in kinds else "update"]).warning
        if checks:
            effect += (
                f" First re-reads {checks} row(s) to check for changes by others; those "
                "are held back for you to decide."
            )
        summary = self.staging.summary() if only is None else f"{len(keys)} change(s)"
        plural = "s" if len(keys) != 1 else ""
        return Confirmation(
            action=f"Save {len(keys)} change{plural}",
            items=(self.table_name,),
            profile=profile_text(self.service),
            effect=effect,
            endpoint="; ".join(calls),
            irreversible="delete" in kinds,
            details=(summary, *diff_lines(self.staging, keys=keys)),
        )

    def _notify_report(self, report: SaveReport) -> None:
        if report.error:
            self.notify(report.error, title="Nothing saved", severity="error", timeout=15)
            return
        severity = "error" if report.failed else "warning" if report.conflicts else "information"
        self.notify(
            _outcome(report)
            + (" Failed rows stay staged with their error." if report.failed else ""),
            title=f"Save: {self.table_name}",
            severity=severity,
        )

    async def _resolve(self, conflicts: list[Conflict]) -> list[int]:
        """Ask about each conflict; returns the keys to save again (keep yours)."""
        again: list[int] = []
        for number, conflict in enumerate(conflicts, start=1):
            if conflict.key not in self.staging:
                continue
            choice = await self.app.push_screen_wait(
                ConflictScreen(conflict, self.columns, number, len(conflicts))
            )
            if choice == "theirs":
                self.apply(self.staging.take_theirs(conflict.key, conflict.theirs))
            elif choice == "yours":
                key, changes = self.staging.keep_yours(conflict.key, conflict.theirs)
                self.apply(changes)
                again.append(key)
            else:
                break  # decide later: the rest stay staged, held back
        return again

    # leaving and discarding ---------------------------------------------------------------

    async def confirm_leave(self) -> bool:
        where = self.store.path(self.table_id)
        kept = (
            f"the changes stay staged in {where} and come back when you reopen this table"
            if where
            else "this profile has no state directory, so the changes are lost"
        )
        leave: bool = await self.app.push_screen_wait(
            ConfirmScreen(
                Confirmation(
                    action="Leave with unsaved changes",
                    items=(self.table_name,),
                    profile=profile_text(self.service),
                    effect=f"{self.staging.summary()}. Nothing is sent: {kept}.",
                    details=tuple(diff_lines(self.staging, limit=20)),
                )
            )
        )
        return leave

    def action_discard(self) -> None:
        self.discard()

    @work(group="lookup-discard", exclusive=True, exit_on_error=False)
    async def discard(self) -> None:
        if not len(self.staging):
            self.notify("Nothing to discard.", title="Discard")
            return
        confirmed = await self.app.push_screen_wait(
            ConfirmScreen(
                Confirmation(
                    action="Discard staged changes",
                    items=(self.table_name,),
                    profile=profile_text(self.service),
                    effect=(
                        f"{self.staging.summary()}: all dropped, nothing sent (u brings them back)."
                    ),
                    details=tuple(diff_lines(self.staging, limit=50)),
                )
            )
        )
        if confirmed:
            self.apply(self.staging.discard_all())
