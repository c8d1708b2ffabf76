"""Builds through the facade on the demo's dev environment: build, follow it, deploy that
build and follow the deployment; every call in the call log, and the access report names the
build privileges."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from envs_world import Envs, open_envs

from workato_tui.emulator.seed_envs import DEV_ONLY_RECIPE
from workato_tui.service.access_report import build_report


@pytest.fixture
async def envs(tmp_path: Path) -> AsyncIterator[Envs]:
    async with open_envs(tmp_path) as built:
        yield built


async def test_build_follow_deploy_the_build_and_follow_it(envs: Envs) -> None:
    dev = envs["demo-dev"]
    project = next(p for p in await dev.projects() if p.name == "Sales Ops")
    build = await dev.builds.build_project(project.id, "Release 3")
    assert build.state == "pending" and build.download_url is None
    done = await dev.builds.follow_build(build)
    assert done.state == "success" and done.download_url
    deployment = await dev.builds.deploy_build(build.id, "test", "From build 3")
    assert deployment.project_build_id == build.id
    final = await dev.writes.follow_deployment(deployment)
    assert final.state == "success"
    testing = envs.emu.store.environments["test"]
    assert DEV_ONLY_RECIPE in {r["name"] for r in testing.recipes.values()}
    logged = [e["endpoint"] for e in dev.calls.recent()]
    for endpoint_id in ("projects.build", "project_builds.get", "project_builds.deploy"):
        assert endpoint_id in logged
    report = build_report(dev.calls.recent())
    text = report.text("demo-dev")
    assert "Projects: build" in text and "Project builds: deploy" in text
    assert report.levels()["deployments"] == "write"
