"""What every write handler has at hand: the rows, the confirm, the service, the notification.

A handler is an async function run in the app's "write" worker, so it reads top to bottom:
`await ctx.confirm(...)` (a `ConfirmScreen` awaited with `push_screen_wait`), then the service
call, then `ctx.notify_done(...)`. It lets a `WorkatoError` escape: the app shows it, titled
by the write's verb (`run_write` below, `WorkatoApp.on_worker_state_changed`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import App

from ..api.endpoints import endpoint as endpoint_named
from ..screens.confirm import Confirmation, ConfirmScreen
from ..screens.progress import BulkScreen, summary
from ..service.bulk import ItemResult, run_bulk
from ..views.spec import Row, ViewContext
from ..write_catalog import WriteAction, label
from . import registry

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService
    from ..views.model_rows import TreeFolder
    from ..widgets.write_request import WriteRequested


@dataclass
class ActionContext:
    app: App[Any]
    service: WorkspaceService
    action: WriteAction
    rows: list[Row]  # the marked rows, or the current one
    view: ViewContext

    @property
    def names(self) -> list[str]:
        """The rows as the confirm and the notifications name them."""
        return [label(r) for r in self.rows]

    def confirmation(
        self,
        items: Sequence[str],
        *,
        verb: str | None = None,
        irreversible: bool | None = None,
        details: Sequence[str] = (),
        endpoint_id: str | None = None,
    ) -> Confirmation:
        endpoint = endpoint_named(endpoint_id) if endpoint_id else self.action.endpoint
        return Confirmation(
            action=verb or self.action.verb,
            items=tuple(items),
            profile=self.service.badge(),
            effect=endpoint.warning or endpoint.summary,
            endpoint=f"{endpoint.method} {endpoint.display_path}",
            irreversible=self.action.irreversible if irreversible is None else irreversible,
            details=tuple(details),
        )

    async def confirm(self, items: Sequence[str], **kw: Any) -> bool:
        confirmed: bool = await self.app.push_screen_wait(
            ConfirmScreen(self.confirmation(items, **kw))
        )
        return confirmed

    def tree_folder(self, what: str = "a folder") -> TreeFolder | None:
        """The folder chosen in the tree, or None after saying to choose `what` first."""
        folder = self.view.folder
        if folder is None:
            self.app.notify(f"Select {what} in the tree first.", severity="warning")
        return folder

    def notify_done(self, message: str) -> None:
        self.app.notify(message, title=self.action.verb)

    async def each(self, call: Callable[[Row], Awaitable[Any]], done: str) -> None:
        """One row: the call, then "Stopped: name". Several: bulk work inside the quota, each
        row's outcome in the bulk screen and a summary."""
        if len(self.rows) == 1:
            await call(self.rows[0])
            self.notify_done(f"{done}: {label(self.rows[0])}")
        else:
            await self.bulk(self.rows, call)

    async def bulk(
        self, rows: list[Row], call: Callable[[Row], Awaitable[Any]]
    ) -> list[ItemResult]:
        async def run(progress: Any, cancelled: Callable[[], bool]) -> list[ItemResult]:
            return await run_bulk(rows, call, label, progress, cancelled)

        results = await self.app.push_screen_wait(BulkScreen(self.action.verb, len(rows), run))
        results = results or []
        failed = sum(not r.ok for r in results)
        self.app.notify(
            summary(results),
            title=self.action.verb,
            severity="error" if failed else "information",
        )
        return results

    async def form(self, form: Any, done: Callable[[Any], str]) -> bool:
        """Show a form (it confirms and sends itself, showing an error in place); on success,
        say what was done."""
        result = await self.app.push_screen_wait(form)
        if result:
            self.notify_done(done(result))
        return bool(result)


async def run_write(app: App[Any], service: WorkspaceService, request: WriteRequested) -> None:
    """Run the write a widget asked for, then tell it whether anything may have changed."""
    ctx = ActionContext(app, service, request.write, request.rows, request.context)
    changed = True  # a write that failed may still have changed something: refresh anyway
    try:
        changed = await registry.HANDLERS[request.write](ctx)
    finally:
        request.done(changed)
