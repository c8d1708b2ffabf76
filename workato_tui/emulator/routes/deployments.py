"""Project deployments and builds: deploy, list and get deployments, get a build.

A client bound to an environment (dev) deploys into another (test, prod): the deployment
records a move that `environments.settle` carries out once the deployment reaches success.
"""

from __future__ import annotations

from ..context import Ctx, route
from ..environments import build_view, settle
from ..errors import bad_request
from ..records import new_deployment
from ..store import Record, public
from ..validate import parse_time
from .folders import project_at

ENVIRONMENTS = ("test", "prod")


@route("projects.deploy")
async def deploy_project(ctx: Ctx) -> Record:
    if not ctx.store.environments_provisioned:
        raise bad_request("Environments not provisioned", "environments_not_provisioned")
    project = project_at(ctx)
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
    description = str(ctx.field("description") or "")
    by = ctx.client.record["name"]
    deployment = new_deployment(
        ctx.store, project, environment, description, performed_by=by, ws=ctx.workspace
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
    if not ctx.store.environments_provisioned:
        raise bad_request("Environments not provisioned", "environments_not_provisioned")
    build = ctx.visible(ctx.workspace.builds, ctx.path_int("build_id"), "Project build")
    return build_view(ctx.store, build)
