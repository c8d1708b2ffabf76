"""The one way a write runs: check it is allowed, ask (form and/or confirm), send, report.

Every action is an async function run from a worker, so it reads top to bottom:
`await push_screen_wait(ConfirmScreen(...))`, then the service call, then a notification.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import App

from ..api.endpoints import endpoint as endpoint_named
from ..api.errors import Uncertain, WorkatoError
from ..screens.confirm import Confirmation, ConfirmScreen
from ..screens.progress import BulkScreen, summary
from ..service.writes import ItemResult
from ..views.spec import Row, ViewContext
from ..write_catalog import WriteAction, label

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


@dataclass
class ActionContext:
    app: App[Any]
    service: WorkspaceService
    action: WriteAction
    rows: list[Row]  # the marked rows, or the current one
    view: ViewContext

    @property
    def profile(self) -> str:
        p = self.service.profile
        where = p.data_center or p.base_url
        mode = ", read-only" if self.service.policy.read_only else ""
        return f"{p.label} ({where}{mode})"

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
            profile=self.profile,
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

    def notify_error(self, error: WorkatoError, title: str | None = None) -> None:
        """What failed, why, what to do, and the correlation id. A write whose answer was
        lost says so (checked, or "refresh and check"), never "retry"."""
        if isinstance(error, Uncertain):
            lost = "not applied (checked)" if error.not_applied else "may have been applied"
            self.app.notify(
                error.describe(),
                title=title or f"{self.action.verb}: {lost}",
                severity="warning",
                timeout=20,
            )
            return
        self.app.notify(
            error.describe(),
            title=title or f"{self.action.verb} failed",
            severity="error",
            timeout=15,
        )

    def notify_done(self, message: str) -> None:
        self.app.notify(message, title=self.action.verb)


async def submit_form(ctx: ActionContext, form: Any, done: Callable[[Any], str]) -> bool:
    """Show a form (it confirms and sends itself); on success, say what was done."""
    result = await ctx.app.push_screen_wait(form)
    if result:
        ctx.notify_done(done(result))
    return bool(result)


async def run_simple(ctx: ActionContext, call: Callable[[Row], Awaitable[Any]], done: str) -> bool:
    """Confirm, then one call per row; several rows run as bulk work inside the quota."""
    names = [label(r) for r in ctx.rows]
    if not await ctx.confirm(names):
        return False
    if len(ctx.rows) == 1:
        try:
            await call(ctx.rows[0])
        except WorkatoError as error:
            ctx.notify_error(error)
            return True  # refresh anyway: a failed write may still have changed something
        ctx.notify_done(f"{done}: {names[0]}")
        return True
    await run_bulk(ctx, ctx.rows, call)
    return True


async def run_bulk(
    ctx: ActionContext, rows: list[Row], call: Callable[[Row], Awaitable[Any]]
) -> list[ItemResult]:
    async def run(progress: Any, cancelled: Callable[[], bool]) -> list[ItemResult]:
        return await ctx.service.bulk(rows, call, label, progress, cancelled)

    results = await ctx.app.push_screen_wait(BulkScreen(ctx.action.verb, len(rows), run)) or []
    failed = sum(not r.ok for r in results)
    ctx.app.notify(
        summary(results),
        title=ctx.action.verb,
        severity="error" if failed else "information",
    )
    return results
