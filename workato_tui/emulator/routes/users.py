"""The workspace the token belongs to."""

from __future__ import annotations

from ..context import Ctx, route
from ..store import Record


@route("users.me")
async def me(ctx: Ctx) -> Record:
    return dict(ctx.store.user)
