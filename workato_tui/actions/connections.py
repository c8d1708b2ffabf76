"""Connection writes: create, update, disconnect (force when recipes use it), delete."""

from __future__ import annotations

from typing import Any

from ..api.errors import BadRequest
from ..screens.form import Field, FormScreen, Values
from ..write_catalog import (
    CONNECTION_DELETE,
    CONNECTION_DISCONNECT,
    CONNECTION_EDIT,
    CONNECTION_NEW,
    label,
)
from .flow import ActionContext
from .recipes import folder_field
from .registry import handles

CREDENTIALS_HELP = (
    "Masked. Provider fields as key=value pairs separated by ';', "
    "e.g. client_id=abc;client_secret=xyz. Sent once, never stored or logged."
)


def parse_credentials(text: str | None) -> dict[str, str] | None:
    if not text or not text.strip():
        return None
    pairs = {}
    for part in text.split(";"):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"credential {part.strip()!r} is not key=value")
        pairs[key.strip()] = value.strip()
    return pairs


def _credentials_problem(values: Values) -> str | None:
    try:
        parse_credentials(values.get("credentials"))
    except ValueError as exc:
        return f"Credentials: {exc}."
    return None


OTHER = "__other__"  # the provider list's "another provider" entry
OTHER_HELP = "A connector's name (e.g. jira, snowflake) when it is not in the list above."


async def provider_field(ctx: ActionContext) -> Field:
    """The providers the workspace's connections already use, then "another" (typed)."""
    used = sorted({c.provider for c in await ctx.service.connections() if c.provider})
    options = (*((p, p) for p in used), ("another provider (type it below)", OTHER))
    return Field(
        "provider",
        "Provider (connector)",
        "select",
        required=True,
        value=used[0] if used else OTHER,
        options=options,
    )


def chosen_provider(values: Values) -> str:
    if values.get("provider") == OTHER:
        return str(values.get("other_provider") or "").strip()
    return str(values.get("provider") or "")


def _provider_problem(values: Values) -> str | None:
    if chosen_provider(values):
        return None
    return "Type the provider's name under '…or another provider'."


@handles(CONNECTION_NEW)
async def create(ctx: ActionContext) -> bool:
    fields = [
        await provider_field(ctx),
        Field("other_provider", "…or another provider", help=OTHER_HELP),
        Field("name", "Name", required=True),
        await folder_field(ctx),
        Field("credentials", "Credentials", "password", help=CREDENTIALS_HELP),
        Field("shell", "Shell connection (credentials entered later in Workato)", "checkbox"),
    ]

    async def submit(values: Values) -> Any:
        return await ctx.service.writes.create_connection(
            name=values["name"].strip(),
            provider=chosen_provider(values),
            folder_id=int(values["folder_id"]),
            shell_connection=bool(values["shell"]),
            input=parse_credentials(values.get("credentials")),
        )

    form = FormScreen(
        "New connection",
        fields,
        submit,
        validate=lambda v: _provider_problem(v) or _credentials_problem(v),
        confirm=lambda v: ctx.confirmation([f"{v['name']} ({chosen_provider(v)})"]),
        submit_label="Create",
    )
    return await ctx.form(
        form,
        lambda r: (
            f"Created connection {r.name} ({r.authorization_status or 'not authorized yet'})."
        ),
    )


@handles(CONNECTION_EDIT)
async def update(ctx: ActionContext) -> bool:
    connection = ctx.rows[0]
    fields = [
        Field("name", "Name", required=True, value=connection.name),
        await folder_field(ctx, connection.folder_id),
        Field(
            "credentials",
            "New credentials (leave empty to keep)",
            "password",
            help=CREDENTIALS_HELP,
        ),
    ]

    async def submit(values: Values) -> Any:
        folder = int(values["folder_id"])
        return await ctx.service.writes.update_connection(
            connection.id,
            name=values["name"].strip(),
            folder_id=folder if folder != connection.folder_id else None,
            input=parse_credentials(values.get("credentials")),
        )

    form = FormScreen(
        f"Edit {connection.name}",
        fields,
        submit,
        validate=_credentials_problem,
        confirm=lambda v: ctx.confirmation([connection.name]),
        submit_label="Save",
    )
    return await ctx.form(form, lambda r: f"Updated {connection.name}.")


async def running_recipes_using(ctx: ActionContext, connection_id: int) -> list[str]:
    """The running recipes whose steps use the connection (from the recipes' config)."""
    names: list[str] = []
    async for page in ctx.service.recipe_pages():
        names += [
            r.name
            for r in page
            if r.running and any(c.account_id == connection_id for c in r.config)
        ]
    return names


def _users_said(names: list[str]) -> tuple[str, ...]:
    if not names:
        return ("No running recipe uses it.",)
    return (
        f"{len(names)} running recipe(s) use it: {', '.join(names)}.",
        "Workato refuses to disconnect it unless forced; forcing it stops them authenticating.",
    )


@handles(CONNECTION_DISCONNECT)
async def disconnect(ctx: ActionContext) -> bool:
    """Disconnect, saying first which running recipes use it; when any do, Workato refuses,
    and forcing it is asked apart."""
    connection = ctx.rows[0]
    name = label(connection)
    users = await running_recipes_using(ctx, connection.id)
    if not await ctx.confirm([name], details=_users_said(users)):
        return False
    try:
        await ctx.service.writes.disconnect_connection(connection.id)
    except BadRequest as error:
        if "running recipe" not in error.message:
            raise
        if not await ctx.confirm(
            [name],
            verb="Force disconnect",
            irreversible=True,
            details=(f"Workato refused: {error.message}", *_users_said(users)[1:]),
        ):
            return False
        await ctx.service.writes.disconnect_connection(connection.id, force=True)
        ctx.notify_done(f"Disconnected {name} (forced).")
        return True
    ctx.notify_done(f"Disconnected {name}.")
    return True


@handles(CONNECTION_DELETE)
async def delete(ctx: ActionContext) -> bool:
    if not await ctx.confirm(ctx.names):
        return False
    await ctx.each(lambda row: ctx.service.writes.delete_connection(row.id), done="Deleted")
    return True
