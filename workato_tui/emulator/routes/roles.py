"""Project roles (JSON:API paging) and legacy collaborator roles."""

from __future__ import annotations

from ..context import Ctx, route
from ..store import Record


@route("project_roles.list")
async def list_project_roles(ctx: Ctx) -> Record:
    roles = sorted(ctx.store.project_roles.values(), key=lambda r: r["id"])
    name = ctx.query("name")
    if name:
        roles = [r for r in roles if name.lower() in r["name"].lower()]
    number, size = ctx.page(100, 100, "page[number]", "page[size]")
    page = roles[(number - 1) * size : number * size]
    return {"data": page, "total": len(roles), "page": {"number": number, "size": size}}


@route("roles.list")
async def list_roles(ctx: Ctx) -> list[Record]:
    roles = sorted(ctx.store.roles.values(), key=lambda r: r["id"])
    # Third-party clients send page=0; treat it as the first page.
    number = max(1, ctx.query_int("page", 1))
    size = max(1, min(ctx.query_int("per_page", 100), 500))
    return roles[(number - 1) * size : number * size]
