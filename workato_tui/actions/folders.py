"""Folder and project writes from the tree: create, rename, deploy (and follow it)."""

from __future__ import annotations

from typing import Any, Literal

from ..screens.form import Field, FormScreen, Values
from ..write_catalog import (
    BY_ID,
    FOLDER_NEW,
    FOLDER_RENAME,
    PROJECT_BUILD,
    PROJECT_DEPLOY,
    PROJECT_NEW,
)
from .deploy_preview import deploy_previews, deployed_to
from .flow import ActionContext
from .project_build import build_id, build_problem, project_folder
from .registry import handles


@handles(FOLDER_NEW)
async def create_folder(ctx: ActionContext) -> bool:
    return await _create(ctx, project=False)


@handles(PROJECT_NEW)
async def create_project(ctx: ActionContext) -> bool:
    return await _create(ctx, project=True)


async def _create(ctx: ActionContext, project: bool) -> bool:
    parent = None if project else ctx.tree_folder("a project or folder")
    if not project and parent is None:
        return False
    # A project has no parent; a folder's parent was checked above.
    parent_id = None if parent is None else parent.id
    where = "a new project" if parent is None else f"in {parent.path}"

    async def submit(values: Values) -> Any:
        return await ctx.service.writes.create_folder(values["name"].strip(), parent_id)

    title = "New project" if parent is None else f"New folder in {parent.path}"
    form = FormScreen(
        title,
        [Field("name", "Name", required=True)],
        submit,
        confirm=lambda v: ctx.confirmation([f"{v['name']} ({where})"]),
        submit_label="Create",
    )
    return await ctx.form(form, lambda r: f"Created {r.name}.")


@handles(FOLDER_RENAME)
async def rename(ctx: ActionContext) -> bool:
    folder = ctx.tree_folder()
    if folder is None:
        return False
    is_project = folder.is_project

    async def submit(values: Values) -> Any:
        name = values["name"].strip()
        if is_project:
            return await ctx.service.writes.update_project(folder.project, name=name)
        return await ctx.service.writes.rename_folder(folder.id, name)

    form = FormScreen(
        f"Rename {folder.name}",
        [Field("name", "Name", required=True, value=folder.name)],
        submit,
        confirm=lambda v: ctx.confirmation([f"{folder.name} -> {v['name']}"]),
        submit_label="Rename",
    )
    return await ctx.form(form, lambda r: f"Renamed to {r.name}.")


DEPLOY_FIELDS = (
    Field(
        "environment",
        "Target environment",
        "select",
        required=True,
        value="test",
        options=(("Test", "test"), ("Production", "prod")),
    ),
    Field("description", "Description"),
    Field("build", "Build to deploy", help="A build id (from b); empty: build it now."),
)


@handles(PROJECT_DEPLOY)
async def deploy(ctx: ActionContext) -> bool:
    folder = project_folder(ctx, "deploy")
    if folder is None:
        return False
    previews = await deploy_previews(ctx.app, ctx.service, folder.name)

    async def submit(values: Values) -> Any:
        environment, description = values["environment"], values.get("description") or None
        build = build_id(values)
        if build is not None:
            return await ctx.service.builds.deploy_build(build, environment, description)
        return await ctx.service.writes.deploy_project(folder.project, environment, description)

    def confirmation(values: Values) -> Any:
        build = build_id(values)
        source = folder.name if build is None else f"Build {build} of {folder.name}"
        return ctx.confirmation(
            [f"{source} -> {values['environment']}"],
            details=previews.get(values["environment"], ()),
            endpoint_id=None if build is None else "project_builds.deploy",
        )

    form = FormScreen(
        f"Deploy {folder.name}",
        list(DEPLOY_FIELDS),
        submit,
        confirm=confirmation,
        validate=build_problem,
        submit_label="Deploy",
    )
    deployment = await ctx.app.push_screen_wait(form)
    if not deployment:
        return False
    await follow(ctx, folder.name, deployment)
    return True


async def follow(ctx: ActionContext, project: str, deployment: Any) -> None:
    """Say the deployment started, follow it to its end, and say how it ended."""
    ctx.notify_done(f"Deployment {deployment.id} started ({deployment.state}); following it…")
    final = await ctx.service.writes.follow_deployment(deployment)
    if final.state == "success" and final.environment_type:
        deployed_to(ctx.app, final.environment_type)
    severity: Literal["information", "error"] = (
        "information" if final.state == "success" else "error"
    )
    ctx.app.notify(
        f"Deployment {final.id} of {project} to {final.environment_type}: {final.state}",
        title="Deploy",
        severity=severity,
        timeout=15,
    )


@handles(PROJECT_BUILD)
async def build(ctx: ActionContext) -> bool:
    folder = project_folder(ctx, "build")
    if folder is None:
        return False

    async def submit(values: Values) -> Any:
        description = values.get("description") or None
        return await ctx.service.builds.build_project(folder.project, description)

    form = FormScreen(
        f"Build {folder.name}",
        [Field("description", "Description")],
        submit,
        confirm=lambda v: ctx.confirmation([folder.name]),
        submit_label="Build",
    )
    made = await ctx.app.push_screen_wait(form)
    if not made:
        return False
    ctx.notify_done(f"Build {made.id} of {folder.name} started ({made.state}); following it…")
    final = await ctx.service.builds.follow_build(made)
    deploy_key = BY_ID["project-deploy"].key
    where = f" Package: {final.download_url}." if final.download_url else ""
    ctx.app.notify(
        f"Build {final.id} of {folder.name}: {final.state}.{where} To deploy it, press "
        f"{deploy_key} and give build {final.id}.",
        title="Build",
        severity="information" if final.state == "success" else "error",
        timeout=15,
    )
    return True
