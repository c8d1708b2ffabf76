"""Deployment history writes: deploy a past deployment's build again, to the same environment
(POST /api/project_builds/:id/deploy), then follow it as the tree's deploy does."""

from __future__ import annotations

from ..api.models import Deployment
from ..write_catalog import DEPLOYMENT_REDEPLOY
from .flow import ActionContext
from .folders import follow
from .registry import handles


def describe(deployment: Deployment) -> str:
    """What the confirm names: the build, its project and where it goes."""
    title = deployment.title or f"project {deployment.project_id}"
    return f"Build {deployment.project_build_id} ({title}) -> {deployment.environment_type}"


@handles(DEPLOYMENT_REDEPLOY)
async def deploy_again(ctx: ActionContext) -> bool:
    deployment: Deployment = ctx.rows[0]
    environment = deployment.environment_type or ""
    details = (
        f"Deployment {deployment.id} was {deployment.state}; "
        f"this deploys the same build to {environment} again.",
    )
    if not await ctx.confirm([describe(deployment)], details=details):
        return False
    build_id = int(deployment.project_build_id or 0)  # the key is disabled without one
    description = f"Again: {deployment.description or deployment.title or ''}".strip()
    made = await ctx.service.builds.deploy_build(build_id, environment, description)
    await follow(ctx, deployment.title or str(build_id), made)
    return True
