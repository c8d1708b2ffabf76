"""DELETE /api/folders/:id and DELETE /api/projects/:id (decisions #37).

Deleting removes the folder's sub-folders and the recipes (with their jobs) and connections in
any of them; deleting a project (or its folder) also removes the project. A folder that still
holds running recipes, or a project the token may not destroy (one scoped to projects), is
refused with 403 `{"message": "Cannot destroy folder"}`.
"""

from __future__ import annotations

from ..context import Ctx, route
from ..errors import ApiError
from ..store import Record
from .folders import project_at

CANNOT_DESTROY = "Cannot destroy folder"


def _destroy(ctx: Ctx, folder: Record) -> None:
    ws = ctx.workspace
    if folder["is_project"] and not ctx.scope.unrestricted:
        raise ApiError(403, CANNOT_DESTROY)
    folders = ws.subtree(folder["id"])
    recipes = [r for r in ws.recipes.values() if r["folder_id"] in folders]
    if any(r["running"] for r in recipes):
        raise ApiError(403, CANNOT_DESTROY)
    for recipe in recipes:
        del ws.recipes[recipe["id"]]
        ws.jobs.pop(recipe["id"], None)
    for connection_id in [c["id"] for c in ws.connections.values() if c["folder_id"] in folders]:
        del ws.connections[connection_id]
    for folder_id in folders:
        del ws.folders[folder_id]
    if folder["is_project"]:
        ws.projects.pop(folder["project_id"], None)
    kind = "Project" if folder["is_project"] else "Folder"
    ctx.store.log_activity(
        ctx.client, "folder_deleted", {"id": folder["id"], "name": folder["name"], "type": kind}
    )


@route("folders.delete")
async def delete_folder(ctx: Ctx) -> Record:
    folder = ctx.visible(ctx.workspace.folders, ctx.path_int("folder_id"), "Folder")
    _destroy(ctx, folder)
    return {"success": True}


@route("projects.delete")
async def delete_project(ctx: Ctx) -> Record:
    project = project_at(ctx)  # by project id, or `f` + its folder's id
    _destroy(ctx, ctx.workspace.folders[project["folder_id"]])
    return {"success": True}
