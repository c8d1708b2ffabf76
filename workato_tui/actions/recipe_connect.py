"""Switch the connection a recipe's step uses (PUT /api/recipes/:id/connect, decisions #36):
pick another connection of the same app from a list, confirm, send. A running recipe is
refused by Workato, so it is stopped here first with the reason, before anything is sent."""

from __future__ import annotations

from typing import Any

from ..api.models import Connection
from ..screens.form import Field, FormScreen, Values
from ..write_catalog import RECIPE_CONNECT
from .flow import ActionContext
from .registry import handles

RUNNING = (
    "{name} is running: Workato only changes the connections of a stopped recipe. "
    "Stop it first (x in :recipes), then switch."
)


def choices(config: list[dict[str, Any]], connections: list[Connection]) -> list[tuple[str, str]]:
    """(label, "adapter:connection id") for every connection a step could switch to."""
    options = []
    for step in config:
        provider = step.get("provider")
        for candidate in sorted(connections, key=lambda c: c.name.lower()):
            if candidate.provider != provider or candidate.id == step.get("account_id"):
                continue
            state = (
                ""
                if candidate.connected
                else f" ({candidate.authorization_status or 'not authorized'})"
            )
            options.append(
                (f"{provider} step → {candidate.name}{state}", f"{provider}:{candidate.id}")
            )
    return options


@handles(RECIPE_CONNECT)
async def connect(ctx: ActionContext) -> bool:
    recipe = ctx.rows[0]
    fresh = await ctx.service.recipe(recipe.id)
    connections = await ctx.service.connections()
    if fresh.running:
        ctx.app.notify(
            RUNNING.format(name=fresh.name), title=f"{ctx.action.verb}: refused", severity="warning"
        )
        return False
    config = [c.model_dump() for c in fresh.config]
    options = choices(config, connections)
    if not options:
        apps = ", ".join(str(c.get("provider")) for c in config) or "none"
        ctx.app.notify(
            f"No other connection of the same app to switch to (this recipe's apps: {apps}). "
            "Create one in :connections first.",
            title=ctx.action.verb,
            severity="warning",
        )
        return False
    names = {c.id: c.name for c in connections}

    def describe(values: Values) -> str:
        adapter, _, connection_id = str(values["connection"]).partition(":")
        return f"{fresh.name}: {adapter} step → {names.get(int(connection_id), connection_id)}"

    chosen: list[str] = []

    async def submit(values: Values) -> Any:
        adapter, _, connection_id = str(values["connection"]).partition(":")
        answer = await ctx.service.writes.connect_recipe(recipe.id, adapter, int(connection_id))
        chosen.append(describe(values))
        return answer

    form = FormScreen(
        f"Switch a connection of {fresh.name}",
        [
            Field(
                "connection",
                "Step and new connection",
                "select",
                required=True,
                options=tuple(options),
            )
        ],
        submit,
        confirm=lambda v: ctx.confirmation([describe(v)]),
        submit_label="Switch",
    )
    return await ctx.form(form, lambda r: f"Switched {chosen[-1]}.")
