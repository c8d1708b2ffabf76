"""Regenerate screenshots/compare.svg: the demo's dev environment compared with prod.

python screenshots/make_compare.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from pydantic import SecretStr

from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN, DEV_TOKEN, TEST_TOKEN, Emulator, FakeClock
from workato_tui.profiles_open import Profiles
from workato_tui.service.connect import open_workspace
from workato_tui.service.demo_envs import DEMO_ENVIRONMENT_PROFILES, demo_environment_profile
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import WorkspaceService

HERE = Path(__file__).resolve().parent
TOKENS = {"demo": ADMIN_TOKEN, "demo-dev": DEV_TOKEN, "demo-test": TEST_TOKEN}


async def main() -> None:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    with tempfile.TemporaryDirectory() as root:

        def opener(name: str) -> WorkspaceService:
            return open_workspace(
                demo_environment_profile(name),
                SecretStr(TOKENS[name]),
                Paths.under(Path(root)),
                transport=emu.transport(),
                clock=clock,
            )

        environments = {env: name for name, env in DEMO_ENVIRONMENT_PROFILES.items()}
        profiles = Profiles("demo-dev", list(TOKENS), opener, environments)
        app = WorkatoApp(profiles.open("demo-dev"), profiles=profiles)
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(2):
                await app.workers.wait_for_complete()
                await pilot.pause()
            app.screen.jump("compare demo")  # type: ignore[attr-defined]
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            await pilot.press("d")
            await pilot.pause()
            svg = app.export_screenshot(title="workato-tui: compare dev with prod")
    if any(token in svg for token in TOKENS.values()):
        raise SystemExit("refusing to keep a screenshot that shows a token")
    (HERE / "compare.svg").write_text(svg, encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())
