"""Services for the demo's three environments on one emulator and one fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from pydantic import SecretStr

from workato_tui.emulator import ADMIN_TOKEN, DEV_TOKEN, TEST_TOKEN, Emulator, FakeClock
from workato_tui.service.connect import open_workspace
from workato_tui.service.demo_envs import demo_environment_profile
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import WorkspaceService

TOKENS = {"demo": ADMIN_TOKEN, "demo-dev": DEV_TOKEN, "demo-test": TEST_TOKEN}


class Envs:
    def __init__(self, tmp_path: Path) -> None:
        self.clock = FakeClock()
        self.emu = Emulator.demo(clock=self.clock)
        paths = Paths.under(tmp_path / "home")
        self.services: dict[str, WorkspaceService] = {
            name: open_workspace(
                demo_environment_profile(name),
                SecretStr(token),
                paths,
                transport=self.emu.transport(),
                clock=self.clock,
            )
            for name, token in TOKENS.items()
        }

    def __getitem__(self, name: str) -> WorkspaceService:
        return self.services[name]


@asynccontextmanager
async def open_envs(tmp_path: Path) -> AsyncIterator[Envs]:
    built = Envs(tmp_path)
    try:
        yield built
    finally:
        for service in built.services.values():
            await service.aclose()
