"""The demo's environments as profiles: `demo` (prod), `demo-dev` and `demo-test`.

All three talk to the same in-process emulator, each with its environment's token (the
tokens themselves are the emulator's; the caller passes them in). Light to import: `--demo`
paints its first frame with these profiles before the client exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .profile import ResolvedProfile

DEMO_ENVIRONMENT_PROFILES = {"demo": "prod", "demo-dev": "dev", "demo-test": "test"}
LABELS = {"prod": "DEMO PROD", "dev": "DEMO DEV", "test": "DEMO TEST"}


def demo_profile(read_only: bool = False) -> ResolvedProfile:
    """The demo workspace: the in-process emulator, signed in as the admin API client."""
    return ResolvedProfile(
        name="demo",
        label="DEMO",
        color="green",
        base_url="http://127.0.0.1",
        data_center="emulator",
        token_source="built-in demo token",
        read_only=read_only,
        access={},
        keymap={},
    )


def demo_environment_profile(name: str, read_only: bool = False) -> ResolvedProfile:
    environment = DEMO_ENVIRONMENT_PROFILES[name]
    base = demo_profile(read_only)
    if environment == "prod":
        return base  # the admin profile exactly as before environments
    return replace(base, name=name, label=LABELS[environment], color="yellow")


ProfileOpener = Callable[[str], object]
"""Opens another profile's `WorkspaceService` by name (for compare and deploy previews)."""
