"""Which function runs each write action."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual.app import App

from . import (
    api_clients,
    connections,
    folder_delete,
    folders,
    jobs,
    project_build,
    recipe_connect,
    recipes,
)
from .flow import ActionContext

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService
    from ..widgets.write_request import WriteRequested

Runner = Callable[[ActionContext], Awaitable[bool]]

RUNNERS: dict[str, Runner] = {
    "recipe-new": recipes.create,
    "recipe-copy": recipes.copy,
    "recipe-edit": recipes.update,
    "recipe-start": recipes.start,
    "recipe-stop": recipes.stop,
    "recipe-delete": recipes.delete,
    "job-repeat": jobs.repeat,
    "job-resume": jobs.resume,
    "connection-new": connections.create,
    "connection-edit": connections.update,
    "connection-disconnect": connections.disconnect,
    "connection-delete": connections.delete,
    "api-client-new": api_clients.create,
    "api-client-regenerate": api_clients.regenerate,
    "api-client-delete": api_clients.delete,
    "folder-new": lambda ctx: folders.create(ctx, project=False),
    "project-new": lambda ctx: folders.create(ctx, project=True),
    "folder-rename": folders.rename,
    "project-deploy": folders.deploy,
    "project-build": project_build.build,
    "folder-delete": folder_delete.delete,
    "recipe-connect": recipe_connect.connect,
}


async def run_requested(app: App[Any], service: WorkspaceService, request: WriteRequested) -> None:
    """Run the write a widget asked for, then tell the widget whether anything changed."""
    context = ActionContext(app, service, request.write, request.rows, request.context)
    request.done(await RUNNERS[request.write.id](context))
