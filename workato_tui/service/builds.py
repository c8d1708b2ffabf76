"""Project builds as the screens call them: build a project, follow the build, deploy it.

A build cannot be checked after a lost answer (no API lists builds), so it stays "may have
been applied" (building again only makes another package). A lost deploy of a build is
checked by the deployments list: a deployment of that build, to that environment, since.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .gateway import Gateway
from .landing import SKEW, Check

if TYPE_CHECKING:
    from ..api import WorkatoClient
    from ..api.models import Deployment, ProjectBuild

BUILD_POLL_SECONDS = 2.0


def build_deployed(
    client: WorkatoClient, build_id: int, environment_type: str, since: datetime
) -> Check:
    """A deployment of that very build to that environment, started since the request."""

    async def run() -> Any | None:
        found = [
            d
            for d in await client.list_deployments(environment_type=environment_type)
            if d.project_build_id == build_id
            and d.created_at is not None
            and d.created_at >= since - SKEW
        ]
        return max(found, key=lambda d: d.id) if found else None

    return Check(run, f"no deployment of build {build_id} to {environment_type} was started")


class Builds:
    """The build writes, sent through `gateway` (the service owns one: `service.builds`)."""

    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway
        self.client: WorkatoClient = gateway.client

    async def build_project(self, project_id: int, description: str | None = None) -> ProjectBuild:
        """Build a package of the project. No API lists builds, so a lost answer stays
        uncertain (building again is harmless: it only makes another package)."""
        send = self.client.build_project(project_id, description=description)
        return await self.gateway.write("projects.build", send)

    async def follow_build(
        self,
        build: ProjectBuild,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        timeout: float = 600.0,
    ) -> ProjectBuild:
        """Poll a build until it leaves `pending` (or `timeout` seconds pass)."""
        read_again = self.client.get_project_build
        return await self.gateway.follow(
            build, read_again, every=BUILD_POLL_SECONDS, sleep=sleep, timeout=timeout
        )

    async def deploy_build(
        self, build_id: int, environment_type: str, description: str | None = None
    ) -> Deployment:
        def send() -> Awaitable[Deployment]:
            return self.client.deploy_build(
                build_id, environment_type=environment_type, description=description
            )

        def check(since: datetime) -> Check:
            return build_deployed(self.client, build_id, environment_type, since)

        key = ("project_builds.deploy", build_id, environment_type, description)
        return await self.gateway.once(key, send, check)
