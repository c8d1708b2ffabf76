"""A folder or project with everything under it: the scope of the failures inbox and of a freeze."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # light to import: the views catalog names recipe_pages_under
    from ..api.models import Recipe
    from .workspace import WorkspaceService


async def folder_ids_under(service: WorkspaceService, folder_id: int | None) -> list[int | None]:
    """`folder_id` and every folder below it ([None] for the whole workspace)."""
    if folder_id is None:
        return [None]
    found: list[int | None] = []
    pending = [folder_id]
    while pending:
        current = pending.pop(0)
        found.append(current)
        pending.extend(child.id for child in await service.folders(current))
    return found


async def recipe_pages_under(
    service: WorkspaceService, folder_id: int | None, *, exclude_code: bool = False
) -> AsyncIterator[list[Recipe]]:
    """The recipes in `folder_id` and its sub-folders (or in the workspace), page by page."""
    for current in await folder_ids_under(service, folder_id):
        async for page in service.recipe_pages(current, exclude_code=exclude_code):
            yield page


async def recipes_under(service: WorkspaceService, folder_id: int | None) -> list[Recipe]:
    """Every recipe in `folder_id` and its sub-folders (or in the workspace)."""
    return [recipe async for page in recipe_pages_under(service, folder_id) for recipe in page]
