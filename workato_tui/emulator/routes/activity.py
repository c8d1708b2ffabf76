"""The activity audit log: newest first, `page[after]` cursor, type and time filters."""

from __future__ import annotations

from ..context import Ctx, route
from ..errors import bad_request
from ..store import Record
from ..validate import parse_time


@route("activity.list")
async def list_activity(ctx: Ctx) -> Record:
    size = ctx.query_int("page[size]", 100)
    if size < 1:
        raise bad_request("page[size] must be at least 1", "invalid_parameter", "page[size]")
    size = min(size, 100)
    after = ctx.query_id("page[after]")
    entries = _filtered(ctx, reversed(ctx.store.activity))
    if after is not None:
        entries = [e for e in entries if e["id"] < after]
    page = entries[:size]
    return {"data": page, "total": len(page)}


def _filtered(ctx: Ctx, entries: object) -> list[Record]:
    result = list(entries)  # type: ignore[call-overload]
    start, end = ctx.query_time("from"), ctx.query_time("to")
    if start is not None:
        result = [e for e in result if parse_time("timestamp", e["timestamp"]) >= start]
    if end is not None:
        result = [e for e in result if parse_time("timestamp", e["timestamp"]) <= end]
    for key, field in (("resource_types", "resource"), ("event_types", None)):
        include, exclude = ctx.query_list(f"include_{key}"), ctx.query_list(f"exclude_{key}")
        pick = (lambda e: e["resource"]["type"]) if field else (lambda e: e["event_type"])
        if include:
            result = [e for e in result if pick(e) in include]
        if exclude:
            result = [e for e in result if pick(e) not in exclude]
    users = ctx.query_list("users_ids")
    if users:
        result = [e for e in result if str(e["user"]["id"]) in users]
    return result
