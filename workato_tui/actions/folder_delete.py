"""Delete a folder or project from the tree: count what goes with it, ask for its typed name,
and say plainly when Workato refuses (403 "Cannot destroy folder")."""

from __future__ import annotations

from ..api.errors import Forbidden, Refused
from ..service.folder_census import FolderContents, folder_contents
from ..service.writes import CANNOT_DESTROY
from ..write_catalog import FOLDER_DELETE, notify_unavailable
from .flow import ActionContext
from .registry import handles

LISTED = 5


def _listed(title: str, names: list[str]) -> list[str]:
    if not names:
        return []
    more = f" … and {len(names) - LISTED} more" if len(names) > LISTED else ""
    return [f"{title}: {', '.join(names[:LISTED])}{more}"]


def details(contents: FolderContents) -> list[str]:
    lines = [f"Goes with it: {contents.summary()}."]
    lines += _listed("Sub-folders", contents.folders)
    lines += _listed("Recipes", contents.recipes)
    lines += _listed("Connections", contents.connections)
    if contents.running:
        lines.append(
            "Running recipes keep a folder from being deleted: Workato will refuse until "
            "they are stopped."
        )
    return lines


def refusal(name: str, is_project: bool, contents: FolderContents) -> str:
    """What a 403 "Cannot destroy folder" means here, in plain words."""
    if contents.running:
        why = f"it still holds running recipes ({', '.join(contents.running[:LISTED])}); stop them"
    elif is_project:
        why = "this token may not delete projects (its API client is limited to some projects)"
    else:
        why = "Workato gave no other reason"
    return f"Workato refused to delete {name!r} ({CANNOT_DESTROY}): {why}."


def refused(error: Forbidden, name: str, is_project: bool, contents: FolderContents) -> Refused:
    """Workato's 403 "Cannot destroy folder", with what it means here."""
    return Refused(
        refusal(name, is_project, contents),
        status=error.status,
        endpoint=error.endpoint,
        method=error.method,
        path=error.path,
        correlation_id=error.correlation_id,
    )


@handles(FOLDER_DELETE)
async def delete(ctx: ActionContext) -> bool:
    """Delete a folder or a project: count what goes with it, then ask for its typed name."""
    folder = ctx.tree_folder("a folder or project")
    if folder is None:
        return False
    is_project = bool(folder.is_project)
    endpoint_id = "projects.delete" if is_project else "folders.delete"
    reason = ctx.service.denied(endpoint_id)
    if reason:
        notify_unavailable(ctx.app, ctx.action, reason)
        return False
    contents = await folder_contents(ctx.service, folder.id)
    verb = "Delete project" if is_project else "Delete folder"
    if not await ctx.confirm(
        [folder.name], verb=verb, details=details(contents), endpoint_id=endpoint_id
    ):
        return False
    try:
        if is_project:
            await ctx.service.writes.delete_project(folder.project)
        else:
            await ctx.service.writes.delete_folder(folder.id)
    except Forbidden as error:
        if error.message != CANNOT_DESTROY:
            raise
        raise refused(error, folder.name, is_project, contents) from error
    ctx.notify_done(f"Deleted {folder.name} with {contents.summary()}.")
    return True
