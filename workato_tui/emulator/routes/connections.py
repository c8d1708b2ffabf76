"""Connections: list, create, update, disconnect, delete."""

from __future__ import annotations

from typing import Any

from ...api.ids import as_id
from ..context import Ctx, route
from ..errors import bad_request
from ..records import new_connection
from ..store import Record, public
from ..validate import parse_time

UPDATABLE = ("name", "description", "external_id", "parent_id")


def connection_view(connection: Record, tags: bool = False) -> Record:
    view = public(connection)
    if not tags:
        view.pop("tags", None)
    return view


@route("connections.list")
async def list_connections(ctx: Ctx) -> list[Record]:
    connections = ctx.visible_all(ctx.workspace.connections)
    for key in ("folder_id", "project_id", "parent_id"):
        wanted = ctx.query_id(key)
        if wanted is not None:
            connections = [c for c in connections if c.get(key) == wanted]
    external_id = ctx.query("external_id")
    if external_id:
        connections = [c for c in connections if c.get("external_id") == external_id]
    if not ctx.query_bool("include_runtime_connections"):
        connections = [c for c in connections if not c.get("_runtime")]
    updated_after = ctx.query_time("updated_after")
    if updated_after is not None:
        connections = [
            c for c in connections if parse_time("updated_at", c["updated_at"]) > updated_after
        ]
    tags = "tags" in ctx.query_list("includes")
    return [connection_view(c, tags) for c in sorted(connections, key=lambda c: c["id"])]


def _credentials(ctx: Ctx) -> dict[str, Any] | None:
    raw = ctx.field("input", "connection")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise bad_request(
            "input must be an object of the provider's credential fields",
            "invalid_parameter",
            "input",
        )
    return raw


def _credentials_valid(credentials: dict[str, Any] | None) -> bool:
    """The emulator's stand-in for testing credentials: any value "invalid" fails."""
    if not credentials:
        return False
    return not any(str(v).lower() == "invalid" for v in credentials.values())


def _field(ctx: Ctx, key: str) -> Any:
    """A connection body field, type-checked: text fields are strings, `parent_id` an id."""
    value = ctx.field(key, "connection")
    if value is None:
        return None
    if key == "parent_id":
        parent = as_id(value)
        if parent is None:
            raise bad_request("parent_id must be a connection id", "invalid_parameter", key)
        return parent
    if not isinstance(value, str):
        raise bad_request(f"{key} must be a string", "invalid_parameter", key)
    return value


@route("connections.create")
async def create_connection(ctx: Ctx) -> Record:
    name, provider = _field(ctx, "name"), _field(ctx, "provider")
    if not name:
        raise bad_request("name can't be blank", "missing_parameter", "name")
    if not provider:
        raise bad_request("provider can't be blank", "missing_parameter", "provider")
    folder_id = ctx.require_folder_id(ctx.field("folder_id", "connection"), integer_ok=True)
    shell = bool(ctx.field("shell_connection", "connection"))
    credentials = _credentials(ctx)
    connection = new_connection(
        ctx.store,
        ctx.workspace,
        name=name,
        provider=provider,
        folder_id=folder_id,
        authorized=not shell and _credentials_valid(credentials),
        external_id=_field(ctx, "external_id"),
        parent_id=_field(ctx, "parent_id"),
    )
    if shell or not credentials:
        connection.update(authorization_status=None, authorization_error=None)
    ctx.store.log_activity(ctx.client, "connection_created", _resource(connection))
    return connection_view(connection)


@route("connections.update")
async def update_connection(ctx: Ctx) -> Record:
    connection = ctx.visible(ctx.workspace.connections, ctx.path_int("connection_id"), "Connection")
    changes = {k: _field(ctx, k) for k in UPDATABLE if ctx.field(k, "connection") is not None}
    if changes.get("name") == "":
        raise bad_request("name can't be blank", "invalid_parameter", "name")
    folder = ctx.field("folder_id", "connection")
    if folder not in (None, ""):
        changes["folder_id"] = ctx.require_folder_id(str(folder))
        changes["project_id"] = ctx.workspace.project_of_folder(changes["folder_id"])
    credentials = _credentials(ctx)
    if credentials is not None:
        ok = _credentials_valid(credentials)
        changes.update(
            authorization_status="success" if ok else "failed",
            authorization_error=None if ok else "Invalid credentials",
            authorized_at=ctx.store.now_iso() if ok else None,
        )
    connection.update(changes, updated_at=ctx.store.now_iso())
    ctx.store.log_activity(ctx.client, "connection_updated", _resource(connection))
    return connection_view(connection)


def running_recipes_using(ctx: Ctx, connection_id: int) -> list[Record]:
    return [
        r
        for r in ctx.workspace.recipes.values()
        if r["running"] and any(c.get("account_id") == connection_id for c in r["config"])
    ]


@route("connections.disconnect")
async def disconnect_connection(ctx: Ctx) -> Record:
    connection = ctx.visible(ctx.workspace.connections, ctx.path_int("connection_id"), "Connection")
    force = ctx.field("force") in (True, "true", "1", 1) or ctx.query_bool("force")
    users = running_recipes_using(ctx, connection["id"])
    if users and not force:
        names = ", ".join(r["name"] for r in users)
        raise bad_request(
            f"Connection is used by {len(users)} running recipe(s) ({names}); "
            "send force=true to disconnect anyway",
            "connection_in_use",
        )
    if connection["authorization_status"] == "success":
        connection.update(
            authorization_status=None, authorized_at=None, updated_at=ctx.store.now_iso()
        )
        ctx.store.log_activity(ctx.client, "connection_disconnected", _resource(connection))
    return {"success": True, "status": "disconnected"}


@route("connections.delete")
async def delete_connection(ctx: Ctx) -> Record:
    connection = ctx.visible(ctx.workspace.connections, ctx.path_int("connection_id"), "Connection")
    users = running_recipes_using(ctx, connection["id"])
    if users:
        names = ", ".join(r["name"] for r in users)
        raise bad_request(
            f"Connection is used by {len(users)} running recipe(s) ({names}); "
            "stop them before deleting it",
            "connection_in_use",
        )
    del ctx.workspace.connections[connection["id"]]
    ctx.store.log_activity(ctx.client, "connection_deleted", _resource(connection))
    return {"success": True}


def _resource(connection: Record) -> Record:
    return {"id": connection["id"], "name": connection["name"], "type": "Account"}
