"""On-prem agent groups and their status."""

from __future__ import annotations

from ..context import Ctx, route
from ..errors import not_found
from ..store import Record


@route("on_prem.list")
async def list_groups(ctx: Ctx) -> list[Record]:
    return [dict(g) for g in sorted(ctx.store.on_prem_groups.values(), key=lambda g: g["id"])]


@route("on_prem.status")
async def group_status(ctx: Ctx) -> Record:
    group = ctx.store.on_prem_groups.get(ctx.path_int("group_id", "On-prem group not found"))
    if group is None:
        raise not_found("On-prem group not found")
    agents = ctx.store.on_prem_agents.get(group["id"], [])
    active = sum(a["status"] == "active" for a in agents)
    return {
        "id": group["id"],
        "name": group["name"],
        "status": "active" if active else "inactive",
        "total_agents": len(agents),
        "active_agents": active,
        "agents": [dict(a) for a in agents],
    }
