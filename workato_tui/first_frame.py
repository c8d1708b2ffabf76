"""The service the app opens first: a `StartingWorkspace` that paints the first frame (with
the last-known rows) and builds the real service after it.

`--demo`: its profile, policy and token are constants, so the snapshot is found and painted
before anything heavy is imported; the client, pydantic, the API models and the emulator come
after that frame. A config profile must first read its config file (with the config models,
so pydantic) and its token (from the environment, a file, the keyring or a command), since
the snapshot is keyed by who the token is; the client, httpx and the API models still wait.
A fresh `--demo` home has no snapshot yet: `prime_demo` makes one in a second process while
Textual is imported here (primer.py), and the app paints it when it is there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from .primer import SnapshotPrimer, save_first_recipes
from .profiles_open import DEMO_PROFILE_TOKENS, Profiles, demo_profile_set
from .service.demo_envs import DEMO_ENVIRONMENT_PROFILES, demo_environment_profile
from .service.paths import Paths
from .service.snapshot import SnapshotStore, snapshot_store
from .starting import StartingWorkspace

if TYPE_CHECKING:
    from pydantic import SecretStr

    from .service.profile import ResolvedProfile
    from .service.workspace import WorkspaceService


def prime_demo(
    paths: Paths,
    read_only: bool,
    profile_name: str | None,
    before_build: Callable[[], None] = lambda: None,
) -> SnapshotPrimer | None:
    """With no last-known snapshot for this demo profile yet, start making one in a forked
    child (see primer.py); call it before importing Textual. None when there is one already
    that this version reads."""
    current = _demo_current(profile_name)
    profile = demo_environment_profile(current, read_only)
    store = _demo_snapshot(paths, profile, current)
    if store.load() is not None:  # (not only there: one of an older format is unreadable)
        return None

    def prime() -> None:
        before_build()
        from .emulator import Emulator, SystemClock

        emulator = Emulator.demo(SystemClock())  # the child's own: seeded as the app's will be
        token = DEMO_PROFILE_TOKENS[current]
        save_first_recipes(emulator.transport(), profile.base_url, token, store)

    return SnapshotPrimer.fork(prime)


def starting_demo(
    paths: Paths,
    read_only: bool,
    profile_name: str | None,
    before_build: Callable[[], None] = lambda: None,
    primer: SnapshotPrimer | None = None,
) -> tuple[WorkspaceService, Profiles]:
    """The service the app opens (a stand-in until built) and the demo's profiles.

    `before_build` runs in the build thread first (the CLI skips two import costs there).
    `primer`: the snapshot being made for this start (`prime_demo`): the app paints its first
    frame meanwhile and the snapshot's rows when it is there (`StartingWorkspace.primed`)."""
    current = _demo_current(profile_name)
    profiles = demo_profile_set(paths, read_only, current)

    def build() -> WorkspaceService:
        before_build()
        return profiles.open(current)

    profile = demo_environment_profile(current, read_only)
    starting = StartingWorkspace(
        profile,
        build,
        snapshot=_demo_snapshot(paths, profile, current),
        freezes_dir=paths.freezes_dir(profile.name),
        primer=primer,
    )
    # It answers for the service (what the first frame reads itself, the rest by delegation).
    return cast("WorkspaceService", starting), profiles


def _demo_current(profile_name: str | None) -> str:
    return profile_name if profile_name in DEMO_ENVIRONMENT_PROFILES else "demo"


def _demo_snapshot(paths: Paths, profile: ResolvedProfile, current: str) -> SnapshotStore:
    return snapshot_store(paths, profile.name, profile.base_url, DEMO_PROFILE_TOKENS[current])


def starting_profile(
    profile: ResolvedProfile,
    token: SecretStr,
    paths: Paths,
    read_only: bool,
    before_build: Callable[[], None] = lambda: None,
) -> WorkspaceService:
    """A config profile's service (a stand-in until built), `read_only` forcing read-only."""
    if read_only and not profile.read_only:
        profile = replace(profile, read_only=True)

    def build() -> WorkspaceService:
        before_build()
        from .service.connect import open_workspace

        return open_workspace(profile, token, paths)

    starting = StartingWorkspace(
        profile,
        build,
        snapshot=snapshot_store(paths, profile.name, profile.base_url, token),
        freezes_dir=paths.freezes_dir(profile.name),
    )
    return cast("WorkspaceService", starting)
