"""API client writes: create, regenerate, delete. A new token is shown once, never stored."""

from __future__ import annotations

from typing import Any

from ..api.ids import ascii_int
from ..screens.form import Field, FormScreen, Values
from ..screens.token import TokenScreen
from ..write_catalog import API_CLIENT_DELETE, API_CLIENT_NEW, API_CLIENT_REGENERATE
from .flow import ActionContext
from .registry import handles


async def _role_options(ctx: ActionContext) -> tuple[tuple[str, Any], ...]:
    """Client roles in use (the API lists no roles endpoint in scope), by id."""
    used: dict[int, list[str]] = {}
    for client in await ctx.service.api_clients():
        if client.api_privilege_group_id is not None:
            used.setdefault(client.api_privilege_group_id, []).append(client.name)
    return tuple(
        (f"role {role} (used by {', '.join(names)})", role) for role, names in sorted(used.items())
    )


async def _project_options(ctx: ActionContext) -> str:
    projects = await ctx.service.projects()
    return ", ".join(f"{p.name}={p.folder_id}" for p in projects)


def folder_ids(text: str | None) -> list[int]:
    """The project folder ids typed in a form ("12, 34"); anything else (even "²") is skipped."""
    found = (ascii_int(part) for part in (text or "").replace(",", " ").split())
    return [number for number in found if number is not None]


@handles(API_CLIENT_NEW)
async def create(ctx: ActionContext) -> bool:
    fields = [
        Field("name", "Name", required=True),
        Field("role", "Client role", "select", required=True, options=await _role_options(ctx)),
        Field("all_folders", "All projects", "checkbox"),
        Field(
            "folder_ids",
            "…or these project folder ids (space separated)",
            help=f"Projects: {await _project_options(ctx)}",
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
        if not values["all_folders"] and not folder_ids(values.get("folder_ids")):
            return "Choose all projects, or list at least one project folder id."
        return None

    async def submit(values: Values) -> Any:
        return await ctx.service.create_api_client(
            name=values["name"].strip(),
            role_id=int(values["role"]),
            all_folders=bool(values["all_folders"]),
            folder_ids=[] if values["all_folders"] else folder_ids(values.get("folder_ids")),
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
    client = await ctx.service.regenerate_api_client(row.id)
    if client.secret is not None:
        await ctx.app.push_screen_wait(TokenScreen(client.name or row.name, client.secret))
    return True


@handles(API_CLIENT_DELETE)
async def delete(ctx: ActionContext) -> bool:
    if not await ctx.confirm(ctx.names):
        return False
    await ctx.each(lambda row: ctx.service.delete_api_client(row.id), done="Deleted")
    return True
