"""The workspace the token belongs to."""

from __future__ import annotations

from ..context import Ctx, route
from ..store import Record


@route("users.me")
async def me(ctx: Ctx) -> Record:
    recipes = ctx.workspace.recipes.values()
    environment = (
        {"environment": ctx.client.environment or "prod"} if ctx.store.environments else {}
    )
    return {
        **ctx.store.user,
        **environment,
        "recipes_count": len(recipes),
        "active_recipes_count": sum(bool(r["running"]) for r in recipes),
    }
