"""How each list view loads its rows: typed rows (models or `views.rows` classes), page by page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from ..service.scope import recipe_pages_under
from .rows import CallRow, JobRow, RecipeRow
from .spec import Row, ViewContext

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


async def load_recipes(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    """The chosen folder's recipes, with its sub-folders' unless `this_folder_only`; without
    their code (the recipe screen reads what it shows; 10,000 recipes' code is megabytes)."""
    folder_id = ctx.folder.id if ctx.folder else None
    pages = (
        service.recipe_pages(folder_id, exclude_code=True)
        if ctx.this_folder_only
        else recipe_pages_under(service, folder_id, exclude_code=True)
    )
    async for page in pages:
        yield [RecipeRow.of(recipe) for recipe in page]


async def load_jobs(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    assert ctx.recipe is not None
    async for page in service.job_pages(ctx.recipe.id, customer=ctx.customer_ref):
        yield [JobRow.of(job, ctx.recipe.id) for job in page]


async def load_connections(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    """A project shows the connections of all its folders; a folder only its own."""
    folder = ctx.folder
    if folder is None:
        yield await service.connections()
    elif folder.is_project and folder.project_id is not None:
        yield await service.connections(project_id=int(folder.project_id))
    else:
        yield await service.connections(folder.id)


async def load_lookup_tables(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    tables = await service.lookup_tables()
    project = ctx.folder.project_id if ctx.folder else None
    yield [table for table in tables if project is None or table.project_id == project]


async def load_rows(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    assert ctx.table is not None
    async for page in service.lookup_row_pages(ctx.table.id):
        yield page


async def load_deployments(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield await service.deployments()


async def load_project_roles(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    yield await service.project_roles()


async def load_roles(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield await service.roles()


async def load_api_clients(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield await service.api_clients()


async def load_on_prem(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    from .model_rows import OnPremRow  # a model: not for the first frame (see rows.py)

    yield [
        OnPremRow.of(group, await service.on_prem_status(group.id))
        for group in await service.on_prem_groups()
    ]


async def load_activity(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    async for page in service.activity_pages():
        yield page


async def load_customers(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield await service.customers()


async def load_customer_recipes(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    assert ctx.customer_ref is not None
    yield [RecipeRow.of(recipe) for recipe in await service.customer_recipes(ctx.customer_ref)]


def follow_calls(
    service: WorkspaceService, arrived: Callable[[Row], None]
) -> tuple[list[Row], Callable[[], None]]:
    """The call log as a live view: the session's calls so far, then each new one."""
    rows: list[Row] = [CallRow.of(entry) for entry in service.recent_calls()]
    unsubscribe = service.follow_calls(lambda entry: arrived(CallRow.of(entry)))
    return rows, unsubscribe
