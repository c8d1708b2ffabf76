"""API client writes: create, regenerate, delete. A new token is shown once, never stored."""

from __future__ import annotations

from typing import Any

from ..api.errors import WorkatoError
from ..api.ids import ascii_int
from ..screens.form import Field, FormScreen, Values
from ..screens.token import TokenScreen
from ..write_catalog import API_CLIENT_DELETE, API_CLIENT_NEW, API_CLIENT_REGENERATE
from .flow import ActionContext
from .registry import handles


async def _role_options(ctx: ActionContext) -> tuple[tuple[str, Any], ...]:
    """Client roles by name (GET /api/developer_api_client_roles), with the clients using
    each; the roles in use, by id, when this token may not list roles."""
    used: dict[int, list[str]] = {}
    for client in await ctx.service.api_clients():
        if client.api_privilege_group_id is not None:
            used.setdefault(client.api_privilege_group_id, []).append(client.name)
    try:
        named = {role.id: role.name for role in await ctx.service.api_client_roles()}
    except WorkatoError:
        named = {}
    roles = sorted(named or used, key=lambda role: (named.get(role, ""), role))

    def label(role: int) -> str:
        users = f" (used by {', '.join(used[role])})" if role in used else ""
        return f"{named.get(role) or f'role {role}'}{users}"

    return tuple((label(role), role) for role in roles)


async def _projects(ctx: ActionContext) -> dict[str, int]:
    """Each project's name -> its project folder id (what an API client is scoped by)."""
    projects = await ctx.service.projects()
    return {p.name: p.folder_id for p in projects if p.folder_id is not None}


def folder_ids(text: str | None, projects: dict[str, int] | None = None) -> list[int]:
    """The projects typed in a form, by name or project folder id ("Finance Ops, 34"); an
    unknown name or anything else (even "²") is skipped."""
    by_name = {name.lower(): folder for name, folder in (projects or {}).items()}
    found: list[int] = []
    for part in (text or "").replace(";", ",").split(","):
        name = part.strip().lower()
        if name in by_name:
            found.append(by_name[name])
            continue
        found.extend(n for n in (ascii_int(x) for x in name.split()) if n is not None)
    return found


@handles(API_CLIENT_NEW)
async def create(ctx: ActionContext) -> bool:
    projects = await _projects(ctx)
    fields = [
        Field("name", "Name", required=True),
        Field("role", "Client role", "select", required=True, options=await _role_options(ctx)),
        Field("all_folders", "All projects", "checkbox"),
        Field(
            "folder_ids",
            "…or these projects (names or project folder ids, comma separated)",
            help="Projects: " + ", ".join(f"{name}={i}" for name, i in projects.items()),
        ),
        Field(
            "environment",
            "Environment",
            "select",
            value="DEV",
            options=(("Development", "DEV"), ("Test", "TEST"), ("Production", "PROD")),
        ),
    ]

    def problem(values: Values) -> str | None:
        if not values["all_folders"] and not folder_ids(values.get("folder_ids"), projects):
            return "Choose all projects, or list at least one project (name or project folder id)."
        return None

    async def submit(values: Values) -> Any:
        return await ctx.service.writes.create_api_client(
            name=values["name"].strip(),
            role_id=int(values["role"]),
            all_folders=bool(values["all_folders"]),
            folder_ids=[]
            if values["all_folders"]
            else folder_ids(values.get("folder_ids"), projects),
            environment=values.get("environment"),
        )

    form = FormScreen(
        "New API client",
        fields,
        submit,
        validate=problem,
        confirm=lambda v: ctx.confirmation([v["name"]]),
        submit_label="Create",
    )
    client = await ctx.app.push_screen_wait(form)
    if client and client.secret is not None:
        await ctx.app.push_screen_wait(TokenScreen(client.name, client.secret))
    return bool(client)


@handles(API_CLIENT_REGENERATE)
async def regenerate(ctx: ActionContext) -> bool:
    row = ctx.rows[0]
    if not await ctx.confirm([row.name]):
        return False
    client = await ctx.service.writes.regenerate_api_client(row.id)
    if client.secret is not None:
        await ctx.app.push_screen_wait(TokenScreen(client.name or row.name, client.secret))
    return True


@handles(API_CLIENT_DELETE)
async def delete(ctx: ActionContext) -> bool:
    if not await ctx.confirm(ctx.names):
        return False
    await ctx.each(lambda row: ctx.service.writes.delete_api_client(row.id), done="Deleted")
    return True
