"""Project deployments and builds: build a project, deploy it or a build, list and get.

A client bound to an environment (dev) deploys into another (test, prod): the deployment
records a move that `environments.settle` carries out once the deployment reaches success.
"""

from __future__ import annotations

from ...api.ids import ascii_int
from ..context import Ctx, route
from ..environments import build_view, settle
from ..errors import bad_request, not_found
from ..records import new_build, new_deployment
from ..store import Record, public
from ..validate import parse_time
from .folders import project_at

ENVIRONMENTS = ("test", "prod")


def _provisioned(ctx: Ctx) -> None:
    if not ctx.store.environments_provisioned:
        raise bad_request("Environments not provisioned", "environments_not_provisioned")


def _target(ctx: Ctx) -> str:
    environment = ctx.query("environment_type") or ctx.field("environment_type")
    if environment not in ENVIRONMENTS:
        raise bad_request(
            "environment_type must be test or prod", "invalid_parameter", "environment_type"
        )
    target = ctx.store.environments.get(environment)
    if ctx.client.environment is not None and target is ctx.workspace:
        raise bad_request(
            f"the project is already in {environment}: deploy from another environment",
            "invalid_parameter",
            "environment_type",
        )
    return str(environment)


def _text(ctx: Ctx, name: str) -> str:
    value = ctx.field(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise bad_request(f"{name} must be a String", "invalid_parameter", name)
    return value


def _flag(ctx: Ctx, name: str) -> bool:
    value = ctx.field(name)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise bad_request(f"{name} must be true or false", "invalid_parameter", name)
    return value


@route("projects.build")
async def build_project(ctx: Ctx) -> Record:
    """Build the project into a package (pending for a moment, then success)."""
    _provisioned(ctx)
    project = project_at(ctx)
    description = _text(ctx, "description")
    options = {"_include_test_cases": _flag(ctx, "include_test_cases")}
    options["_include_tags"] = _flag(ctx, "include_tags")
    by = ctx.client.record["name"]
    build = new_build(ctx.store, project, description, performed_by=by, ws=ctx.workspace)
    build.update(options)
    ctx.store.log_activity(
        ctx.client,
        "project_built",
        {"id": project["id"], "name": project["name"], "type": "Project"},
    )
    return build_view(ctx.store, build)


@route("projects.deploy")
async def deploy_project(ctx: Ctx) -> Record:
    """Build the project and deploy that build."""
    _provisioned(ctx)
    project = project_at(ctx)
    environment = _target(ctx)
    return _deploy(ctx, project, environment, _text(ctx, "description"), None)


@route("project_builds.deploy")
async def deploy_build(ctx: Ctx) -> Record:
    """Deploy a build made before (a pending build's deployment waits for it)."""
    _provisioned(ctx)
    build = ctx.visible(ctx.workspace.builds, ctx.path_int("build_id"), "Project build")
    environment = _target(ctx)
    project = ctx.workspace.projects.get(ascii_int(build["project_id"]) or 0)
    if project is None:
        raise not_found("Project not found")
    return _deploy(ctx, project, environment, _text(ctx, "description"), build)


def _deploy(
    ctx: Ctx, project: Record, environment: str, description: str, build: Record | None
) -> Record:
    target = ctx.store.environments.get(environment)
    by = ctx.client.record["name"]
    deployment = new_deployment(
        ctx.store, project, environment, description, performed_by=by, ws=ctx.workspace, build=build
    )
    if ctx.client.environment is not None and target is not None:
        deployment["_move"] = {"project_id": project["id"], "target": environment}
        ctx.store.pending_moves.append((ctx.workspace, deployment["id"]))
    ctx.store.log_activity(
        ctx.client,
        "project_deployed",
        {"id": project["id"], "name": project["name"], "type": "Project"},
    )
    return deployment_view(ctx, deployment)


def deployment_view(ctx: Ctx, deployment: Record) -> Record:
    """Deploys are asynchronous: pending for a few seconds, then success."""
    settle(ctx.store, ctx.workspace, deployment)
    return public(deployment)


@route("deployments.list")
async def list_deployments(ctx: Ctx) -> list[Record]:
    deployments = [d for d in ctx.workspace.deployments.values() if ctx.scope.allows(d)]
    for key in ("project_id", "environment_type", "state"):
        value = ctx.query(key)
        if value:
            deployments = [d for d in deployments if str(d[key]) == value]
    folder = ctx.query_id("folder_id")
    if folder is not None:
        project_id = ctx.workspace.project_of_folder(folder)
        deployments = [d for d in deployments if d["project_id"] == str(project_id)]
    start, end = ctx.query_time("from"), ctx.query_time("to")
    if start is not None:
        deployments = [d for d in deployments if parse_time("created_at", d["created_at"]) >= start]
    if end is not None:
        deployments = [d for d in deployments if parse_time("created_at", d["created_at"]) <= end]
    deployments.sort(key=lambda d: d["id"], reverse=True)
    return [deployment_view(ctx, d) for d in ctx.paginate(deployments, 100, 100)]


@route("deployments.get")
async def get_deployment(ctx: Ctx) -> Record:
    deployment = ctx.visible(ctx.workspace.deployments, ctx.path_int("deployment_id"), "Deployment")
    return deployment_view(ctx, deployment)


@route("project_builds.get")
async def get_build(ctx: Ctx) -> Record:
    _provisioned(ctx)
    build = ctx.visible(ctx.workspace.builds, ctx.path_int("build_id"), "Project build")
    return build_view(ctx.store, build)
