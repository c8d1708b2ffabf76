"""Recipes: list, get, create, copy, update, start, stop, delete."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..context import Ctx, route
from ..errors import Refused, bad_request
from ..records import code_applications, new_recipe
from ..store import Record, public


def recipe_view(recipe: Record, tags: bool = True, code: bool = True) -> Record:
    view = public(recipe)
    if not tags:
        view.pop("tags", None)
    if not code:
        view["code"] = ""  # exclude_code keeps the key, as a string (decisions #29)
    return view


def _filters(ctx: Ctx) -> list[Any]:
    checks: list[Callable[[Record], bool]] = []
    folder = ctx.query_id("folder_id")
    if folder is not None:
        checks.append(lambda r: r["folder_id"] == folder)
    running = ctx.query_bool("running")
    running = ctx.query_bool("active") if running is None else running
    if running is not None:
        checks.append(lambda r: r["running"] == running)
    since_id = ctx.query_id("since_id")
    if since_id is not None:
        checks.append(lambda r: r["id"] < since_id)
    stop_cause = ctx.query("stop_cause")
    if stop_cause:
        checks.append(lambda r: r["stop_cause"] == stop_cause)
    for name, key in (("updated_after", "updated_at"), ("stopped_after", "stopped_at")):
        moment = ctx.query_time(name)
        if moment is not None:
            checks.append(_later_than(key, moment))
    any_apps = ctx.query_list("adapter_names_any")
    if any_apps:
        checks.append(lambda r: bool(set(r["applications"]) & set(any_apps)))
    all_apps = ctx.query_list("adapter_names_all")
    if all_apps:
        checks.append(lambda r: set(all_apps) <= set(r["applications"]))
    return checks


@route("recipes.list")
async def list_recipes(ctx: Ctx) -> Record:
    checks = _filters(ctx)
    recipes = [r for r in ctx.visible_all(ctx.workspace.recipes) if all(c(r) for c in checks)]
    if ctx.query("order") == "activity":
        recipes.sort(key=lambda r: r["last_run_at"] or "", reverse=True)
    else:
        recipes.sort(key=lambda r: r["id"], reverse=True)
    tags = "tags" in ctx.query_list("includes")
    code = not ctx.query_bool("exclude_code")
    page = ctx.paginate(recipes, 100, 100)
    return {"items": [recipe_view(r, tags, code) for r in page]}


@route("recipes.get")
async def get_recipe(ctx: Ctx) -> Record:
    recipe = ctx.visible(ctx.workspace.recipes, ctx.path_int("recipe_id"), "Recipe")
    return recipe_view(recipe, tags="tags" in ctx.query_list("includes"))


def _config(raw: Any) -> list[Record]:
    if raw in (None, ""):
        return []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise bad_request(
                "config must be a JSON array", "invalid_parameter", "config"
            ) from None
    if not isinstance(raw, list):
        raise bad_request("config must be a JSON array", "invalid_parameter", "config")
    return raw


def _code(raw: Any) -> str:
    if isinstance(raw, (dict, list)):
        return json.dumps(raw)
    if not isinstance(raw, str) or not raw.strip():
        raise bad_request(
            "code is required: a JSON string of the recipe's lines", "missing_parameter", "code"
        )
    try:
        json.loads(raw)
    except ValueError:
        raise bad_request("code must be valid JSON", "invalid_parameter", "code") from None
    return raw


@route("recipes.create")
async def create_recipe(ctx: Ctx) -> Record:
    folder_id = ctx.require_folder_id(ctx.field("folder_id", "recipe"))
    code = _code(ctx.field("code", "recipe"))
    name = ctx.field("name", "recipe") or "Untitled recipe"
    recipe = new_recipe(
        ctx.store,
        ctx.workspace,
        name=str(name),
        folder_id=folder_id,
        code=code,
        description=str(ctx.field("description", "recipe") or ""),
        config=_config(ctx.field("config", "recipe")),
    )
    ctx.store.log_activity(ctx.client, "recipe_created", _resource(recipe))
    return {"success": True, "id": recipe["id"]}


@route("recipes.copy")
async def copy_recipe(ctx: Ctx) -> Record:
    original = ctx.visible(ctx.workspace.recipes, ctx.path_int("recipe_id"), "Recipe")
    folder_id = ctx.require_folder_id(ctx.field("folder_id"))
    copy = new_recipe(
        ctx.store,
        ctx.workspace,
        name=f"{original['name']} (copy)",
        folder_id=folder_id if folder_id is not None else original["folder_id"],
        code=original["code"],
        description=original["description"],
        config=[dict(c) for c in original["config"]],
    )
    original["copy_count"] += 1
    ctx.store.log_activity(ctx.client, "recipe_copied", _resource(copy))
    return {"success": True, "new_flow_id": copy["id"]}


@route("recipes.update")
async def update_recipe(ctx: Ctx) -> Record:
    recipe = ctx.visible(ctx.workspace.recipes, ctx.path_int("recipe_id"), "Recipe")
    if recipe["running"]:
        raise Refused(errors={"running": ["can't modify running recipe"]})
    changes: Record = {}
    for key in ("name", "description"):
        value = ctx.field(key, "recipe")
        if value is not None:
            changes[key] = str(value)
    if ctx.field("name", "recipe") == "":
        raise Refused(errors={"name": ["can't be blank"]})
    if ctx.field("code", "recipe") is not None:
        changes["code"] = _code(ctx.field("code", "recipe"))
        trigger, actions = code_applications(changes["code"])
        changes.update(
            trigger_application=trigger,
            action_applications=actions,
            applications=list(dict.fromkeys(([trigger] if trigger else []) + actions)),
        )
    if ctx.field("config", "recipe") is not None:
        changes["config"] = _config(ctx.field("config", "recipe"))
    folder = ctx.field("folder_id", "recipe")
    if folder not in (None, ""):
        changes["folder_id"] = ctx.require_folder_id(str(folder))
        changes["project_id"] = ctx.workspace.project_of_folder(changes["folder_id"])
    recipe.update(changes, updated_at=ctx.store.now_iso(), version_no=recipe["version_no"] + 1)
    ctx.store.log_activity(ctx.client, "recipe_updated", _resource(recipe))
    return {"success": True}


UNCONNECTED_KEY = "packages.recipe_source_code.flow_validations.errors.config_unconnected"


def _provider_steps(code: str) -> dict[str, int]:
    """The first step at which each provider appears in a recipe's code, numbered as the
    recipe editor shows them: the trigger (code line 0) is step 1."""
    try:
        parsed = json.loads(code)
    except (TypeError, ValueError):
        return {}
    lines = [parsed, *(parsed.get("block") or [])] if isinstance(parsed, dict) else []
    steps: dict[str, int] = {}
    for line in lines:
        if isinstance(line, dict) and line.get("provider") and isinstance(line.get("number"), int):
            steps.setdefault(str(line["provider"]), line["number"] + 1)
    return steps


def config_errors(ctx: Ctx, recipe: Record) -> list[Any]:
    """Steps whose connection is missing or not authorized, in the live layout (decisions #26):
    `[step_number, [[field, value, message, {"key": ...}], ...]]`."""
    steps = _provider_steps(recipe["code"])
    problems: dict[int, list[Any]] = {}
    for entry in recipe["config"]:
        connection = ctx.workspace.connections.get(entry.get("account_id") or -1)
        if connection is not None and connection["authorization_status"] == "success":
            continue
        step = steps.get(str(entry.get("provider")), 1)
        problems.setdefault(step, []).append(
            ["account_id", entry.get("account_id"), "unconnected", {"key": UNCONNECTED_KEY}]
        )
    return [[step, fields] for step, fields in sorted(problems.items())]


@route("recipes.start")
async def start_recipe(ctx: Ctx) -> Record:
    recipe = ctx.visible(ctx.workspace.recipes, ctx.path_int("recipe_id"), "Recipe")
    problems = config_errors(ctx, recipe)
    if problems:
        raise Refused(code_errors=[], config_errors=problems)
    if not recipe["running"]:
        recipe.update(
            running=True, stopped_at=None, stop_cause=None, updated_at=ctx.store.now_iso()
        )
        ctx.store.log_activity(ctx.client, "recipe_started", _resource(recipe))
    return {"success": True}


@route("recipes.stop")
async def stop_recipe(ctx: Ctx) -> Record:
    recipe = ctx.visible(ctx.workspace.recipes, ctx.path_int("recipe_id"), "Recipe")
    if not recipe["running"]:
        raise bad_request("Recipe is not running, so it cannot be stopped", "invalid_state")
    recipe.update(running=False, stopped_at=ctx.store.now_iso(), updated_at=ctx.store.now_iso())
    ctx.store.log_activity(ctx.client, "recipe_stopped", _resource(recipe))
    return {"success": True}


@route("recipes.delete")
async def delete_recipe(ctx: Ctx) -> Record:
    recipe = ctx.visible(ctx.workspace.recipes, ctx.path_int("recipe_id"), "Recipe")
    if recipe["running"]:
        raise Refused(errors={"running": ["Can't change the recipe state: invalid state running"]})
    del ctx.workspace.recipes[recipe["id"]]
    ctx.workspace.jobs.pop(recipe["id"], None)
    ctx.store.log_activity(ctx.client, "recipe_deleted", _resource(recipe))
    return {"success": True}


def _resource(recipe: Record) -> Record:
    return {"id": recipe["id"], "name": recipe["name"], "type": "flow"}


def _later_than(key: str, moment: datetime) -> Callable[[Record], bool]:
    """Records whose timestamp under `key` is set and after `moment`."""
    return lambda r: bool(r[key]) and datetime.fromisoformat(r[key]) > moment
