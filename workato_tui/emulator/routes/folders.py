"""Folders, projects and deployments."""

from __future__ import annotations

from ...api.ids import as_id, ascii_int
from ..context import Ctx, route
from ..environments import DEPLOY_SECONDS  # noqa: F401  (where the tests look)
from ..errors import ApiError, bad_request, not_found
from ..records import new_folder, new_project
from ..store import Record, public


@route("folders.list")
async def list_folders(ctx: Ctx) -> list[Record]:
    parent = ctx.query_id("parent_id")
    if parent is None:
        parent = ctx.store.root_folder_id
    if parent != ctx.store.root_folder_id:
        ctx.visible(ctx.workspace.folders, parent, "Folder")
    folders = [f for f in ctx.workspace.folders.values() if f["parent_id"] == parent]
    folders = sorted((f for f in folders if ctx.scope.allows(f)), key=lambda f: f["id"])
    return [public(f) for f in ctx.paginate(folders, 100, 100)]


@route("folders.create")
async def create_folder(ctx: Ctx) -> Record:
    name = ctx.field("name", "folder")
    if not isinstance(name, str) or not name.strip():
        raise bad_request("name can't be blank", "missing_parameter", "name")
    parent = ctx.field("parent_id", "folder")
    if parent in (None, "", str(ctx.store.root_folder_id), ctx.store.root_folder_id):
        if not ctx.scope.unrestricted:
            raise ApiError(
                403, "This API client is scoped to projects and cannot create new projects"
            )
        project = new_project(ctx.store, ctx.workspace, name.strip())
        folder = ctx.workspace.folders[project["folder_id"]]
    else:
        parent_id = _id_field(parent)
        ctx.visible(ctx.workspace.folders, parent_id, "Parent folder")
        folder = new_folder(ctx.store, ctx.workspace, name.strip(), parent_id)
    ctx.store.log_activity(
        ctx.client, "folder_created", {"id": folder["id"], "name": folder["name"], "type": "Folder"}
    )
    return public(folder)


def _id_field(value: object) -> int:
    """A folder id sent in a body as a string or an integer; -1 (no folder) when neither."""
    found = as_id(value)
    return -1 if found is None else found


@route("folders.update")
async def update_folder(ctx: Ctx) -> Record:
    folder = ctx.visible(ctx.workspace.folders, ctx.path_int("folder_id"), "Folder")
    name = ctx.field("name", "folder")
    if name is not None:
        if not str(name).strip():
            raise bad_request("name can't be blank", "invalid_parameter", "name")
        folder["name"] = str(name).strip()
        if folder["is_project"]:
            ctx.workspace.projects[folder["project_id"]]["name"] = folder["name"]
    parent = ctx.field("parent_id", "folder")
    if parent not in (None, ""):
        if folder["is_project"]:
            raise bad_request(
                "a project cannot be moved into a folder", "invalid_parameter", "parent_id"
            )
        parent_id = _id_field(parent)
        target = ctx.visible(ctx.workspace.folders, parent_id, "Parent folder")
        if parent_id in ctx.workspace.subtree(folder["id"]):
            raise bad_request(
                "a folder cannot be moved into itself", "invalid_parameter", "parent_id"
            )
        if target["project_id"] != folder["project_id"]:
            raise bad_request(
                "a folder can only move within its project", "invalid_parameter", "parent_id"
            )
        folder["parent_id"] = parent_id
    folder["updated_at"] = ctx.store.now_iso()
    return public(folder)


def project_view(project: Record) -> Record:
    return public(project)


@route("projects.list")
async def list_projects(ctx: Ctx) -> list[Record]:
    projects = sorted(ctx.visible_all(ctx.workspace.projects), key=lambda p: p["id"])
    return [project_view(p) for p in ctx.paginate(projects, 100, 100)]


def project_at(ctx: Ctx) -> Record:
    raw = ctx.params["project_id"]
    folder_id = ascii_int(raw[1:]) if raw.startswith("f") else None
    if folder_id is not None:
        folder = ctx.visible(ctx.workspace.folders, folder_id, "Project")
        if not folder["is_project"]:
            raise not_found("Project not found")
        return ctx.workspace.projects[folder["project_id"]]
    return ctx.visible(ctx.workspace.projects, ctx.path_int("project_id"), "Project")


@route("projects.update")
async def update_project(ctx: Ctx) -> Record:
    project = project_at(ctx)
    name, description = ctx.field("name", "project"), ctx.field("description", "project")
    if name is not None:
        if not str(name).strip():
            raise bad_request("name can't be blank", "invalid_parameter", "name")
        project["name"] = str(name).strip()
        ctx.workspace.folders[project["folder_id"]]["name"] = project["name"]
    if description is not None:
        project["description"] = str(description)
    return project_view(project)
