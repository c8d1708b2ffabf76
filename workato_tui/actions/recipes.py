"""Recipe writes: create, copy, update, start, stop, delete."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..screens.form import Field, FormScreen, Values
from ..write_catalog import (
    RECIPE_COPY,
    RECIPE_DELETE,
    RECIPE_EDIT,
    RECIPE_NEW,
    RECIPE_START,
    RECIPE_STOP,
)
from .flow import ActionContext
from .registry import handles

CODE_TEMPLATE = json.dumps(
    {
        "number": 0,
        "provider": "workato_webhooks",
        "name": "new_event",
        "keyword": "trigger",
        "as": "trigger",
        "input": {},
        "block": [],
    },
    indent=2,
)


async def folder_field(ctx: ActionContext, current: Any = None) -> Field:
    paths = await ctx.service.folder_paths()
    folder = ctx.view.folder
    value = current if current is not None else (folder.id if folder else None)
    return Field(
        "folder_id",
        "Folder",
        "select",
        required=True,
        value=value,
        options=tuple(paths),
        help="Workato requires a folder for new assets.",
    )


def _code(values: Values) -> str | None:
    path = (values.get("code_file") or "").strip()
    if path:
        return Path(path).expanduser().read_text(encoding="utf-8")
    return values.get("code") or None


def _code_problem(values: Values) -> str | None:
    try:
        code = _code(values)
    except OSError as exc:
        return f"Cannot read the code file: {exc.strerror or exc}."
    if not code:
        return "Recipe code is required (paste it, open $EDITOR with ctrl+e, or give a file)."
    try:
        json.loads(code)
    except ValueError as exc:
        return f"The recipe code is not valid JSON: {exc}."
    return None


@handles(RECIPE_NEW)
async def create(ctx: ActionContext) -> bool:
    fields = [
        Field("name", "Name", required=True),
        await folder_field(ctx),
        Field("description", "Description"),
        Field(
            "code", "Code (JSON)", "code", value=CODE_TEMPLATE, help="ctrl+e edits it in $EDITOR."
        ),
        Field(
            "code_file", "…or read the code from a file", help="A path; wins over the code above."
        ),
    ]

    async def submit(values: Values) -> Any:
        return await ctx.service.writes.create_recipe(
            name=values["name"].strip(),
            folder_id=int(values["folder_id"]),
            code=_code(values) or "",
            description=values.get("description") or None,
        )

    form = FormScreen(
        "New recipe",
        fields,
        submit,
        validate=_code_problem,
        confirm=lambda v: ctx.confirmation([v["name"]]),
        submit_label="Create",
    )
    return await ctx.form(form, lambda r: f"Created recipe {r.id} (stopped).")


@handles(RECIPE_COPY)
async def copy(ctx: ActionContext) -> bool:
    recipe = ctx.rows[0]

    async def submit(values: Values) -> Any:
        return await ctx.service.writes.copy_recipe(recipe.id, int(values["folder_id"]))

    folder = await folder_field(ctx, recipe.folder_id)
    path_of = {folder_id: path for path, folder_id in folder.options}

    def confirmation(values: Values) -> Any:
        where = path_of.get(int(values["folder_id"]), f"folder {values['folder_id']}")
        return ctx.confirmation([recipe.name], details=(f"Copy into: {where}",))

    form = FormScreen(
        f"Copy {recipe.name}",
        [folder],
        submit,
        confirm=confirmation,
        submit_label="Copy",
    )
    return await ctx.form(form, lambda r: f"Copied as recipe {r.new_flow_id}.")


@handles(RECIPE_EDIT)
async def update(ctx: ActionContext) -> bool:
    recipe = ctx.rows[0]
    fields = [
        Field("name", "Name", required=True, value=recipe.name),
        Field("description", "Description", value=recipe.description or ""),
        await folder_field(ctx, recipe.folder_id),
    ]

    async def submit(values: Values) -> Any:
        folder = int(values["folder_id"])
        return await ctx.service.writes.update_recipe(
            recipe.id,
            name=values["name"].strip(),
            description=values.get("description") or "",
            folder_id=folder if folder != recipe.folder_id else None,
        )

    form = FormScreen(
        f"Edit {recipe.name}",
        fields,
        submit,
        confirm=lambda v: ctx.confirmation([recipe.name]),
        submit_label="Save",
    )
    return await ctx.form(form, lambda r: f"Updated {recipe.name}.")


@handles(RECIPE_START)
async def start(ctx: ActionContext) -> bool:
    if not await ctx.confirm(ctx.names):
        return False
    await ctx.each(lambda row: ctx.service.writes.start_recipe(row.id), done="Started")
    return True


@handles(RECIPE_STOP)
async def stop(ctx: ActionContext) -> bool:
    if not await ctx.confirm(ctx.names):
        return False
    await ctx.each(lambda row: ctx.service.writes.stop_recipe(row.id), done="Stopped")
    return True


@handles(RECIPE_DELETE)
async def delete(ctx: ActionContext) -> bool:
    if not await ctx.confirm(ctx.names):
        return False
    await ctx.each(lambda row: ctx.service.writes.delete_recipe(row.id), done="Deleted")
    return True
