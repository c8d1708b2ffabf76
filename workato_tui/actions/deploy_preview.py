"""The deploy confirmation's preview: the project compared in source and target environments.

For each target environment with a profile (the demo's, or a profile named for it), the
summary of what the deploy will change; no other profiles, no preview (and no requests).
After a deploy, `deployed_to` forgets what the target's profile had cached.
"""

from __future__ import annotations

from typing import Any

from ..api.errors import WorkatoError
from ..service.deploy_preview import preview_deploy
from ..service.families import Family

TARGETS = ("test", "prod")


async def deploy_previews(app: Any, service: Any, project: str) -> dict[str, tuple[str, ...]]:
    profiles = getattr(app, "profiles", None)
    if profiles is None:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for environment in TARGETS:
        name = profiles.for_environment(environment)
        if name is None:
            found[environment] = (f"No profile for {environment}: the changes are not previewed.",)
            continue
        if name == profiles.current:
            continue
        try:
            preview = await preview_deploy(service, profiles.open(name), project, environment)
        except (WorkatoError, ValueError) as error:
            found[environment] = (f"Preview unavailable: {error}",)
            continue
        found[environment] = tuple(preview.lines())
    return found


def deployed_to(app: Any, environment: str) -> None:
    """After a deploy into `environment`: its profile's cached reads are stale (the preview
    read them), so the next compare reads the target again."""
    profiles = getattr(app, "profiles", None)
    if profiles is None:
        return
    name = profiles.for_environment(environment)
    if name is None or name == profiles.current:
        return
    try:
        target = profiles.open(name)
    except (WorkatoError, ValueError):
        return
    target.refresh(*Family)
