"""Which handler runs each declared write: `@handles(...)` on it.

    @handles(RECIPE_STOP)  # declared in write_catalog: key, label, verb, endpoint, ...
    async def stop(ctx: ActionContext) -> bool:
        if not await ctx.confirm(ctx.names):
            return False
        await ctx.each(lambda row: ctx.service.writes.stop_recipe(row.id), done="Stopped")
        return True

The record (`write_catalog.RECIPE_STOP`) is what the widgets bind and check; the handler runs
in the app's "write" worker, whose description is the write's verb, so an error it lets
escape is shown by the app titled "Stop recipe failed" (see `app.WorkatoApp`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from ..write_catalog import WriteAction

if TYPE_CHECKING:
    from .flow import ActionContext

Handler = Callable[["ActionContext"], Awaitable[bool]]  # True: something may have changed

HANDLERS: dict[WriteAction, Handler] = {}


def handles(action: WriteAction) -> Callable[[Handler], Handler]:
    """Mark the handler that runs a declared write."""

    def register(handler: Handler) -> Handler:
        if action in HANDLERS:
            raise ValueError(f"write {action.id!r} has two handlers")
        HANDLERS[action] = handler
        return handler

    return register
