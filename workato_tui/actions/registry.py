"""Where each write is declared: `@write(...)` on its handler.

    @write(id="recipe-stop", key="x", label="Stop", verb="Stop recipe", views=RECIPES,
           endpoint="recipes.stop", bulk=True, refuses=already_stopped)
    async def stop(ctx: ActionContext) -> bool:
        if not await ctx.confirm(ctx.names):
            return False
        await ctx.each(lambda row: ctx.service.stop_recipe(int(row["id"])), done="Stopped")
        return True

The record (`write_catalog.WriteAction`) is what the widgets bind and check; the handler runs
in the app's "write" worker, whose description is the write's verb, so an error it lets
escape is shown by the app titled "Stop recipe failed" (see `app.WorkatoApp`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from ..write_catalog import RowRule, Where, WriteAction, declare

if TYPE_CHECKING:
    from .flow import ActionContext

Handler = Callable[["ActionContext"], Awaitable[bool]]  # True: something may have changed

HANDLERS: dict[WriteAction, Handler] = {}


def write(
    *,
    id: str,
    key: str,
    label: str,
    verb: str,
    endpoint: str,
    views: tuple[str, ...] = (),
    on: Where = "views",
    bulk: bool = False,
    irreversible: bool = False,
    refuses: RowRule | None = None,
    creates: bool = False,
) -> Callable[[Handler], Handler]:
    """Declare a write and the handler that runs it."""
    action = WriteAction(
        id, key, label, verb, endpoint, views, on, bulk, irreversible, refuses, creates
    )

    def register(handler: Handler) -> Handler:
        HANDLERS[declare(action)] = handler
        return handler

    return register
