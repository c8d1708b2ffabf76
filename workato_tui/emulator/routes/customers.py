"""Embedded customers (managed users): list them, their recipes, and their recipes' jobs."""

from __future__ import annotations

from ...api.ids import ascii_int
from ..context import Ctx, route
from ..errors import not_found
from ..store import Customer, Record
from .jobs import get_job, list_jobs, repeat_jobs
from .recipes import recipe_view


def _customer(ctx: Ctx) -> Customer:
    customer = ctx.store.customer(ctx.params["managed_user_id"])
    if customer is None:
        raise not_found("Customer not found")
    return customer


def _recipe(ctx: Ctx, customer: Customer) -> Record:
    recipe_id = ascii_int(ctx.params["recipe_id"])
    recipe = customer.workspace.recipes.get(recipe_id) if recipe_id is not None else None
    if recipe is None:
        raise not_found("Recipe not found")
    return recipe


@route("customers.list")
async def list_customers(ctx: Ctx) -> Record:
    customers = sorted((c.record for c in ctx.store.customers.values()), key=lambda r: r["id"])
    return {"result": ctx.paginate(customers, 100, 100)}


@route("customers.recipes")
async def list_customer_recipes(ctx: Ctx) -> Record:
    customer = _customer(ctx)
    recipes = sorted(customer.workspace.recipes.values(), key=lambda r: r["id"], reverse=True)
    return {"result": [recipe_view(r) for r in ctx.paginate(recipes, 100, 100)]}


@route("customers.recipe")
async def get_customer_recipe(ctx: Ctx) -> Record:
    customer = _customer(ctx)
    return recipe_view(_recipe(ctx, customer))


@route("customers.jobs.list")
async def list_customer_jobs(ctx: Ctx) -> Record:
    customer = _customer(ctx)
    return list_jobs(ctx, customer.workspace, _recipe(ctx, customer))


@route("customers.jobs.get")
async def get_customer_job(ctx: Ctx) -> Record:
    customer = _customer(ctx)
    return get_job(ctx, customer.workspace, _recipe(ctx, customer))


@route("customers.jobs.repeat")
async def repeat_customer_jobs(ctx: Ctx) -> Record:
    customer = _customer(ctx)
    return repeat_jobs(ctx, customer.workspace, _recipe(ctx, customer))
