"""PUT /api/recipes/:id/connect: point a step at another connection (decisions #36).

Body `{"adapter_name", "connection_id"}`. A running recipe is refused with HTTP 200 and
`success: false`; the connection must exist, be in the token's scope and be of the same app.
"""

from __future__ import annotations

from typing import Any

from ...api.ids import as_id
from ..context import Ctx, route
from ..errors import Refused, bad_request, not_found
from ..store import Record

RUNNING = "Cannot change the connections of a running recipe. Stop the recipe first."


def _connection_id(raw: Any) -> int:
    if isinstance(raw, bool) or raw in (None, ""):
        raise bad_request("connection_id is required", "missing_parameter", "connection_id")
    connection_id = as_id(raw)
    if connection_id is not None:
        return connection_id
    raise bad_request("connection_id must be a connection id", "invalid_parameter", "connection_id")


def _adapter(ctx: Ctx, recipe: Record) -> str:
    adapter = ctx.field("adapter_name")
    if not isinstance(adapter, str) or not adapter.strip():
        raise bad_request("adapter_name is required", "missing_parameter", "adapter_name")
    used = {c.get("provider") for c in recipe["config"]} | set(recipe["applications"])
    if adapter not in used:
        raise bad_request(f"the recipe has no {adapter} step", "invalid_parameter", "adapter_name")
    return adapter


@route("recipes.connect")
async def connect_recipe(ctx: Ctx) -> Record:
    recipe = ctx.visible(ctx.workspace.recipes, ctx.path_int("recipe_id"), "Recipe")
    adapter = _adapter(ctx, recipe)
    connection_id = _connection_id(ctx.field("connection_id"))
    connection = ctx.workspace.connections.get(connection_id)
    if not ctx.scope.allows(connection):
        raise not_found("Connection not found")
    assert connection is not None
    if connection["provider"] != adapter:
        raise bad_request(
            f"connection {connection_id} is a {connection['provider']} connection, not {adapter}",
            "invalid_parameter",
            "connection_id",
        )
    if recipe["running"]:
        raise Refused(message=RUNNING)
    entry = next((c for c in recipe["config"] if c.get("provider") == adapter), None)
    if entry is None:
        entry = {"keyword": "application", "name": adapter, "provider": adapter}
        recipe["config"].append(entry)
    entry.update(account_id=connection_id, skip_validation=False)
    recipe["updated_at"] = ctx.store.now_iso()
    ctx.store.log_activity(
        ctx.client, "recipe_updated", {"id": recipe["id"], "name": recipe["name"], "type": "flow"}
    )
    return {"success": True}
