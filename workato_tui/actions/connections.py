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


@handles(CONNECTION_NEW)
async def create(ctx: ActionContext) -> bool:
    fields = [
        Field(
            "provider",
            "Provider (connector)",
            required=True,
            help="e.g. salesforce, netsuite, slack, jira, service_now, snowflake",
        ),
        Field("name", "Name", required=True),
        await folder_field(ctx),
        Field("credentials", "Credentials", "password", help=CREDENTIALS_HELP),
        Field("shell", "Shell connection (credentials entered later in Workato)", "checkbox"),
    ]

    async def submit(values: Values) -> Any:
        return await ctx.service.create_connection(
            name=values["name"].strip(),
            provider=values["provider"].strip(),
            folder_id=int(values["folder_id"]),
            shell_connection=bool(values["shell"]),
            input=parse_credentials(values.get("credentials")),
        )

    form = FormScreen(
        "New connection",
        fields,
        submit,
        validate=_credentials_problem,
        confirm=lambda v: ctx.confirmation([v["name"]]),
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
        return await ctx.service.update_connection(
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


@handles(CONNECTION_DISCONNECT)
async def disconnect(ctx: ActionContext) -> bool:
    """Disconnect; when recipes run on it, Workato refuses, and forcing it is asked apart."""
    connection = ctx.rows[0]
    name = label(connection)
    if not await ctx.confirm([name]):
        return False
    try:
        await ctx.service.disconnect_connection(connection.id)
    except BadRequest as error:
        if "running recipe" not in error.message:
            raise
        if not await ctx.confirm(
            [name],
            verb="Force disconnect",
            irreversible=True,
            details=(
                f"Workato refused: {error.message}",
                "Forcing it stops those running recipes from authenticating.",
            ),
        ):
            return False
        await ctx.service.disconnect_connection(connection.id, force=True)
        ctx.notify_done(f"Disconnected {name} (forced).")
        return True
    ctx.notify_done(f"Disconnected {name}.")
    return True


@handles(CONNECTION_DELETE)
async def delete(ctx: ActionContext) -> bool:
    if not await ctx.confirm(ctx.names):
        return False
    await ctx.each(lambda row: ctx.service.delete_connection(row.id), done="Deleted")
    return True
