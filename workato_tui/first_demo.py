"""`--demo`'s start: its first frame from light modules, the client and emulator after it.

The demo's profile, policy and token are constants, so the last-known snapshot can be found
and painted before anything heavy is imported; `StartingWorkspace` builds the service (httpx,
pydantic, the API models, the emulator) in a thread once that frame is out. A config profile
starts the ordinary way: its token (maybe from a command or the keyring) and config file must
be read, with the config models, before its snapshot can even be found.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from .profiles_open import DEMO_PROFILE_TOKENS, Profiles, demo_profile_set
from .service.demo_envs import DEMO_ENVIRONMENT_PROFILES, demo_environment_profile
from .service.paths import Paths
from .service.snapshot import snapshot_store
from .starting import StartingWorkspace

if TYPE_CHECKING:
    from .service.workspace import WorkspaceService


def starting_demo(
    paths: Paths,
    read_only: bool,
    profile_name: str | None,
    before_build: Callable[[], None] = lambda: None,
) -> tuple[WorkspaceService, Profiles]:
    """The service the app opens (a stand-in until built) and the demo's profiles.

    `before_build` runs in the build thread first (the CLI skips two import costs there)."""
    current = profile_name if profile_name in DEMO_ENVIRONMENT_PROFILES else "demo"
    profile = demo_environment_profile(current, read_only)
    profiles = demo_profile_set(paths, read_only, current)

    def build() -> WorkspaceService:
        before_build()
        return profiles.open(current)

    token = DEMO_PROFILE_TOKENS[current]
    starting = StartingWorkspace(
        profile,
        build,
        snapshot=snapshot_store(paths, profile.name, profile.base_url, token),
        freezes_dir=paths.freezes_dir(profile.name),
    )
    # It answers for the service (what the first frame reads itself, the rest by delegation).
    return cast("WorkspaceService", starting), profiles
