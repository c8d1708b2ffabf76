"""Other profiles, opened on demand: what compare and the deploy preview read.

`Profiles` knows the profile names and opens each one's `WorkspaceService` once (its own
token, quota, cache and call log). The demo's three environments share one emulator; config
profiles are resolved from the config file and their own tokens.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from .emulator.tokens import ADMIN_TOKEN, DEV_TOKEN, TEST_TOKEN
from .service.demo_envs import DEMO_ENVIRONMENT_PROFILES, demo_environment_profile
from .service.paths import Paths

if TYPE_CHECKING:  # light to import: `--demo` builds its services after the first frame
    from .emulator.lazy import LazyEmulator
    from .service.workspace import WorkspaceService

DEMO_PROFILE_TOKENS = {"demo": ADMIN_TOKEN, "demo-dev": DEV_TOKEN, "demo-test": TEST_TOKEN}

Opener = Callable[[str], "WorkspaceService"]


class Profiles:
    def __init__(
        self,
        current: str,
        names: list[str],
        opener: Opener,
        environments: Mapping[str, str] | None = None,
    ) -> None:
        self.current = current
        self.names = names
        self._opener = opener
        self.environments = dict(environments or {})  # environment type -> profile name
        self._open: dict[str, WorkspaceService] = {}

    def others(self) -> list[str]:
        return [n for n in self.names if n != self.current]

    def open(self, name: str) -> WorkspaceService:
        """The profile's service (opened once); raises ValueError naming the known profiles."""
        if name not in self.names:
            known = ", ".join(self.others()) or "none"
            raise ValueError(f"no profile named {name!r} (other profiles: {known})")
        if name not in self._open:
            self._open[name] = self._opener(name)
        return self._open[name]

    def adopt(self, name: str, service: WorkspaceService) -> None:
        self._open[name] = service

    def for_environment(self, environment: str) -> str | None:
        return self.environments.get(environment)

    async def aclose(self) -> None:
        for name, service in list(self._open.items()):
            if name != self.current:
                await service.aclose()


def demo_profiles(
    paths: Paths, read_only: bool = False, current: str = "demo"
) -> tuple[WorkspaceService, Profiles]:
    """The demo's prod (`demo`), dev and test on one emulator, `current` opened first."""
    profiles = demo_profile_set(paths, read_only, current)
    return profiles.open(current), profiles


def demo_profile_set(paths: Paths, read_only: bool = False, current: str = "demo") -> Profiles:
    """The demo's profiles, none opened yet; the first one opened builds the emulator they
    share (seeded on its first request) and imports the client."""
    shared: list[LazyEmulator] = []  # the one emulator, built when a profile is opened
    lock = threading.Lock()  # the first one may be opened in a thread (see starting.py)

    def opener(name: str) -> WorkspaceService:
        from pydantic import SecretStr

        from .service.connect import open_workspace

        with lock:
            if not shared:
                from .emulator import Emulator, SystemClock
                from .emulator.lazy import LazyEmulator

                shared.append(LazyEmulator(lambda: Emulator.demo(SystemClock())))  # seeded later
        profile = demo_environment_profile(name, read_only)
        token = SecretStr(DEMO_PROFILE_TOKENS[name])
        return open_workspace(profile, token, paths, transport=shared[0].transport())

    environments = {env: name for name, env in DEMO_ENVIRONMENT_PROFILES.items()}
    return Profiles(current, list(DEMO_PROFILE_TOKENS), opener, environments)


def config_profiles(paths: Paths, current: str) -> Profiles:
    """The config file's profiles; each opened with its own token when first compared."""
    from .service.config import load_config, resolve_profile
    from .service.tokens import get_token

    config = load_config(paths.config_file)

    def opener(name: str) -> WorkspaceService:
        from .service.connect import open_workspace  # the client: after the first frame

        profile = resolve_profile(config, name)
        token = get_token(profile)
        return open_workspace(profile, token.secret, paths)

    return Profiles(current, sorted(config.profiles), opener)
