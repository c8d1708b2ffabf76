"""Saving, discarding and leaving the lookup editor: plain functions its methods call, the
confirmations they show, and the progress screen with the save's phases.

A save reads top to bottom in `save_staged`: refuse (policy, read-only, 403) and say why ->
confirm with the diff -> send with a progress bar and per-row results -> resolve each conflict
side by side (keep theirs, or keep yours and save again).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Button, Label

from ..api.endpoints import endpoint
from ..lookup import Conflict, SaveEngine, SaveReport, Staging
from ..lookup.diff import diff_lines
from ..lookup.save import ENDPOINTS
from ..service.writes import ItemResult
from .confirm import Confirmation, ConfirmScreen
from .lookup_conflict import ConflictScreen
from .progress import BulkScreen

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from ..service.workspace import WorkspaceService
    from .lookup_editor import LookupEditorScreen


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
            report.error or outcome(report) + " Press escape to close, enter to read a result."
        )
        self.query_one("#bulk-close", Button).label = "Close"


def outcome(report: SaveReport) -> str:
    uncertain = sum(r.outcome == "uncertain" for r in report.results)
    text = f"Done: {report.saved} saved, {report.failed - uncertain} failed"
    if uncertain:
        text += f", {uncertain} may have been saved (checked before any resend)"
    if report.conflicts:
        text += f", {len(report.conflicts)} held back as conflicts (you choose next)"
    return text + "."


def save_confirmation(
    service: WorkspaceService, staging: Staging, table_name: str, keys: list[int], partial: bool
) -> Confirmation:
    """Confirm saving `keys`: the calls it makes, the re-reads first, and the diff."""
    kinds = [staging.rows[k].kind for k in keys]
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
    summary = f"{len(keys)} change(s)" if partial else staging.summary()
    plural = "s" if len(keys) != 1 else ""
    return Confirmation(
        action=f"Save {len(keys)} change{plural}",
        items=(table_name,),
        profile=profile_text(service),
        effect=effect,
        endpoint="; ".join(calls),
        irreversible="delete" in kinds,
        details=(summary, *diff_lines(staging, keys=keys)),
    )


def leave_confirmation(
    service: WorkspaceService, staging: Staging, table_name: str, where: Path | None
) -> Confirmation:
    kept = (
        f"the changes stay staged in {where} and come back when you reopen this table"
        if where
        else "this profile has no state directory, so the changes are lost"
    )
    return Confirmation(
        action="Leave with unsaved changes",
        items=(table_name,),
        profile=profile_text(service),
        effect=f"{staging.summary()}. Nothing is sent: {kept}.",
        details=tuple(diff_lines(staging, limit=20)),
    )


def discard_confirmation(
    service: WorkspaceService, staging: Staging, table_name: str
) -> Confirmation:
    return Confirmation(
        action="Discard staged changes",
        items=(table_name,),
        profile=profile_text(service),
        effect=f"{staging.summary()}: all dropped, nothing sent (u brings them back).",
        details=tuple(diff_lines(staging, limit=50)),
    )


def replace_file_confirmation(path: Path) -> Confirmation:
    return Confirmation(
        action="Replace file",
        items=(str(path),),
        profile="this computer",
        effect="The file exists; exporting overwrites it.",
        irreversible=False,
    )


# the flows: refuse and say why -> confirm the diff -> send with progress -> each conflict side
# by side (keep theirs, or keep yours and save those again) ------------------------------------


async def save_staged(editor: LookupEditorScreen) -> None:
    """Save what is staged; then settle conflicts and save the ones kept as yours again."""
    only: list[int] | None = None
    while True:
        report = await _save_once(editor, only)
        if report is None or not report.conflicts:
            return
        only = await _resolve(editor, report.conflicts)
        if not only:
            return


async def _save_once(editor: LookupEditorScreen, only: Collection[int] | None) -> SaveReport | None:
    """Save everything staged (confirmed first), or again the conflicts kept as `only`."""
    staging, table_name = editor.staging, editor.table_name
    if not len(staging):
        editor.notify("Nothing to save: no staged changes.", title="Save")
        return None
    server_keys = [key for key in editor.rows if key > 0]
    engine = SaveEngine(
        editor.service, staging, server_keys=server_keys, store=editor.store, table_name=table_name
    )
    refusal = engine.refusal(only)
    if refusal:
        editor.notify(
            f"Saving is refused: {refusal}", title="Save refused", severity="error", timeout=15
        )
        return None
    if only is None:
        asked = save_confirmation(
            editor.service, staging, table_name, engine.keys(only), partial=False
        )
        if not await editor.app.push_screen_wait(ConfirmScreen(asked)):
            return None
    await editor.app.push_screen_wait(LookupSaveScreen(f"Saving {table_name}", engine, only))
    editor.apply(engine.report.grid)
    _notify_report(editor, engine.report)
    return engine.report


def _notify_report(editor: LookupEditorScreen, report: SaveReport) -> None:
    if report.error:
        editor.notify(report.error, title="Nothing saved", severity="error", timeout=15)
        return
    severity: SeverityLevel = (
        "error" if report.failed else "warning" if report.conflicts else "information"
    )
    failed = " Failed rows stay staged with their error." if report.failed else ""
    editor.notify(outcome(report) + failed, title=f"Save: {editor.table_name}", severity=severity)


async def _resolve(editor: LookupEditorScreen, conflicts: list[Conflict]) -> list[int]:
    """Ask about each conflict; returns the keys to save again (keep yours)."""
    again: list[int] = []
    staging = editor.staging
    for number, conflict in enumerate(conflicts, start=1):
        if conflict.key not in staging:
            continue
        choice = await editor.app.push_screen_wait(
            ConflictScreen(conflict, editor.columns, number, len(conflicts))
        )
        if choice == "theirs":
            editor.apply(staging.take_theirs(conflict.key, conflict.theirs))
        elif choice == "yours":
            key, changes = staging.keep_yours(conflict.key, conflict.theirs)
            editor.apply(changes)
            again.append(key)
        else:
            break  # decide later: the rest stay staged, held back
    return again


async def discard_staged(editor: LookupEditorScreen) -> None:
    if not len(editor.staging):
        editor.notify("Nothing to discard.", title="Discard")
        return
    asked = discard_confirmation(editor.service, editor.staging, editor.table_name)
    if await editor.app.push_screen_wait(ConfirmScreen(asked)):
        editor.apply(editor.staging.discard_all())


async def confirm_leave(editor: LookupEditorScreen) -> bool:
    where = editor.store.path(editor.table_id)
    asked = leave_confirmation(editor.service, editor.staging, editor.table_name, where)
    leave: bool = await editor.app.push_screen_wait(ConfirmScreen(asked))
    return leave
