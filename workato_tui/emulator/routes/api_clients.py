"""Developer API clients: list, create (mints a token), regenerate, delete; client roles."""

from __future__ import annotations

from typing import Any

from ...api.ids import as_id
from ..context import Ctx, route
from ..errors import bad_request, not_found
from ..seed import add_api_client
from ..store import ApiClient, Record

ENVIRONMENTS = {"DEV": "Development", "TEST": "Test", "PROD": "Production"}


def _view(client: ApiClient) -> Record:
    return dict(client.record)


def _with_secret(client: ApiClient) -> Record:
    """Create and regenerate answers: the only place the token's value is ever sent."""
    return {"result": {**_view(client), "token": {**client.record["token"], "value": client.token}}}


@route("api_clients.list")
async def list_clients(ctx: Ctx) -> Record:
    clients = sorted(
        (c for c in ctx.store.api_clients.values() if c.environment == ctx.client.environment),
        key=lambda c: c.id,
    )
    return {
        "result": {
            "count": len(clients),
            "items": [_view(c) for c in ctx.paginate(clients, 100, 100)],
        }
    }


@route("api_clients.roles")
async def list_client_roles(ctx: Ctx) -> Record:
    """The client roles (API privilege groups), in the same envelope as the clients."""
    roles = sorted(ctx.store.client_roles.values(), key=lambda r: r.id)
    items = [{"id": r.id, "name": r.name} for r in ctx.paginate(roles, 100, 100)]
    return {"result": {"count": len(roles), "items": items}}


def _folder_ids(ctx: Ctx, raw: Any) -> list[int]:
    if not isinstance(raw, list) or not raw:
        raise bad_request(
            "folder_ids must list at least one project folder id, or send all_folders=true",
            "invalid_parameter",
            "folder_ids",
        )
    ids = []
    for value in raw:
        folder_id = as_id(value)
        folder = ctx.workspace.folders.get(folder_id) if folder_id is not None else None
        if folder is None or not folder["is_project"]:
            raise bad_request(
                f"folder {value} is not a project folder", "invalid_parameter", "folder_ids"
            )
        ids.append(folder["id"])
    return ids


@route("api_clients.create")
async def create_client(ctx: Ctx) -> Record:
    name = ctx.field("name", "api_client")
    if not isinstance(name, str) or not name.strip():
        raise bad_request("name can't be blank", "missing_parameter", "name")
    role_id = as_id(ctx.field("api_privilege_group_id", "api_client"))
    role = ctx.store.client_roles.get(role_id) if role_id is not None else None
    if role is None:
        raise bad_request(
            "api_privilege_group_id must name an existing client role",
            "invalid_parameter",
            "api_privilege_group_id",
        )
    all_folders = ctx.field("all_folders", "api_client") in (True, "true")
    folder_ids = None if all_folders else _folder_ids(ctx, ctx.field("folder_ids", "api_client"))
    environment = ctx.field("environment", "api_client") or "DEV"
    if not isinstance(environment, str) or environment not in ENVIRONMENTS:
        raise bad_request(
            "environment must be DEV, TEST or PROD", "invalid_parameter", "environment"
        )
    client = add_api_client(
        ctx.store, name.strip(), role, None, folder_ids, ENVIRONMENTS[environment]
    )
    client.environment = ctx.client.environment  # listed beside the clients of its caller
    ctx.store.log_activity(
        ctx.client,
        "api_client_created",
        {"id": client.id, "name": client.record["name"], "type": "ApiClient"},
    )
    return _with_secret(client)


def _client(ctx: Ctx) -> ApiClient:
    client = ctx.store.api_clients.get(ctx.path_int("client_id", "API client not found"))
    if client is None:
        raise not_found("API client not found")
    return client


@route("api_clients.regenerate")
async def regenerate_client(ctx: Ctx) -> Record:
    client = _client(ctx)
    ctx.store.issue_token(client)
    ctx.store.log_activity(
        ctx.client,
        "api_client_token_regenerated",
        {"id": client.id, "name": client.record["name"], "type": "ApiClient"},
    )
    return _with_secret(client)


@route("api_clients.delete")
async def delete_client(ctx: Ctx) -> Record:
    client = _client(ctx)
    ctx.store.revoke(client)
    ctx.store.log_activity(
        ctx.client,
        "api_client_deleted",
        {"id": client.id, "name": client.record["name"], "type": "ApiClient"},
    )
    return {"result": "success"}
