"""Project builds: `POST /api/projects/:id/build`, `GET /api/project_builds/:id` and
`POST /api/project_builds/:id/deploy` (reference §5), and deploys that go through a build."""

from __future__ import annotations

import httpx
import pytest
from emu_helpers import Api

from workato_tui.emulator import DEV_TOKEN, TEST_TOKEN, Emulator, FakeClock
from workato_tui.emulator.environments import BUILD_SECONDS, DEPLOY_SECONDS
from workato_tui.emulator.seed_envs import DEV_ONLY_RECIPE, REMOVED_RECIPE

BUILD_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "description",
    "project_id",
    "state",
    "performed_by_name",
    "download_url",
}


@pytest.fixture
def dev(http: httpx.AsyncClient) -> Api:
    return Api(http, DEV_TOKEN)


async def _sales_ops(api: Api) -> dict:
    return next(p for p in (await api.get("/api/projects")).json() if p["name"] == "Sales Ops")


async def _build(api: Api, **body: object) -> dict:
    project = await _sales_ops(api)
    response = await api.post(f"/api/projects/{project['id']}/build", json=body)
    assert response.status_code == 200, response.text
    return response.json()


async def _recipe_names(api: Api) -> set[str]:
    items = (await api.get("/api/recipes", params={"per_page": 100})).json()["items"]
    return {r["name"] for r in items}


async def test_a_build_is_pending_then_succeeds_with_a_download_url(
    clock: FakeClock, dev: Api
) -> None:
    build = await _build(dev, description="Release 7", include_test_cases=True)
    assert set(build) == BUILD_FIELDS
    assert (build["state"], build["download_url"]) == ("pending", None)
    assert build["description"] == "Release 7"
    assert build["project_id"] == str((await _sales_ops(dev))["id"])
    assert build["performed_by_name"] == "Development admin"
    clock.advance(BUILD_SECONDS / 2)
    halfway = (await dev.get(f"/api/project_builds/{build['id']}")).json()
    assert (halfway["state"], halfway["download_url"]) == ("pending", None)
    clock.advance(BUILD_SECONDS)
    done = (await dev.get(f"/api/project_builds/{build['id']}")).json()
    assert done["state"] == "success"
    assert done["download_url"].endswith(f"/project_builds/{build['id']}/download")


async def test_deploying_a_build_moves_assets_and_the_deployment_names_the_build(
    clock: FakeClock, dev: Api
) -> None:
    build = await _build(dev)
    response = await dev.post(
        f"/api/project_builds/{build['id']}/deploy", params={"environment_type": "test"}
    )
    assert response.status_code == 200, response.text
    deployment = response.json()
    assert (deployment["project_build_id"], deployment["state"]) == (build["id"], "pending")
    testing = Api(dev.http, TEST_TOKEN)
    assert DEV_ONLY_RECIPE not in await _recipe_names(testing)
    clock.advance(DEPLOY_SECONDS)
    listed = (await dev.get("/api/deployments")).json()
    mine = next(d for d in listed if d["id"] == deployment["id"])
    assert (mine["project_build_id"], mine["state"]) == (build["id"], "success")
    names = await _recipe_names(testing)
    assert DEV_ONLY_RECIPE in names and REMOVED_RECIPE not in names


async def test_a_project_deploy_goes_through_a_build_of_its_own(clock: FakeClock, dev: Api) -> None:
    project = await _sales_ops(dev)
    deployment = (
        await dev.post(f"/api/projects/{project['id']}/deploy", params={"environment_type": "test"})
    ).json()
    build = (await dev.get(f"/api/project_builds/{deployment['project_build_id']}")).json()
    assert build["project_id"] == str(project["id"]) and build["state"] == "pending"
    clock.advance(DEPLOY_SECONDS)
    build = (await dev.get(f"/api/project_builds/{deployment['project_build_id']}")).json()
    assert build["state"] == "success"


async def test_a_deployment_of_a_build_still_building_waits_for_it(
    emu: Emulator, clock: FakeClock, dev: Api
) -> None:
    build = await _build(dev)
    emu.store.environments["dev"].builds[build["id"]]["_t"] += DEPLOY_SECONDS * 10  # a slow build
    deployment = (
        await dev.post(
            f"/api/project_builds/{build['id']}/deploy", params={"environment_type": "test"}
        )
    ).json()
    clock.advance(DEPLOY_SECONDS)
    waiting = (await dev.get(f"/api/deployments/{deployment['id']}")).json()
    assert waiting["state"] == "pending"
    assert DEV_ONLY_RECIPE not in await _recipe_names(Api(dev.http, TEST_TOKEN))
    clock.advance(DEPLOY_SECONDS * 10)
    assert (await dev.get(f"/api/deployments/{deployment['id']}")).json()["state"] == "success"
    assert DEV_ONLY_RECIPE in await _recipe_names(Api(dev.http, TEST_TOKEN))


@pytest.mark.parametrize("how", ["build", "deploy-build", "get-build"])
async def test_without_environments_builds_are_refused(emu: Emulator, dev: Api, how: str) -> None:
    build = await _build(dev)
    project = await _sales_ops(dev)
    emu.store.environments_provisioned = False
    method, path = {
        "build": ("POST", f"/api/projects/{project['id']}/build"),
        "deploy-build": ("POST", f"/api/project_builds/{build['id']}/deploy?environment_type=test"),
        "get-build": ("GET", f"/api/project_builds/{build['id']}"),
    }[how]
    response = await dev.request(method, path)
    assert response.status_code == 400
    assert response.json()["message"] == "Environments not provisioned"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"include_tags": "yes"}, "include_tags"),
        ({"include_test_cases": 1}, "include_test_cases"),
        ({"description": ["a"]}, "description"),
    ],
)
async def test_malformed_build_options_are_a_clear_400(dev: Api, body: dict, field: str) -> None:
    project = await _sales_ops(dev)
    response = await dev.post(f"/api/projects/{project['id']}/build", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["title"].startswith(f"{field}: ")


async def test_deploying_a_build_needs_a_valid_target_and_a_known_build(dev: Api) -> None:
    build = await _build(dev)
    wrong = await dev.post(
        f"/api/project_builds/{build['id']}/deploy", params={"environment_type": "moon"}
    )
    assert wrong.status_code == 400
    unknown = await dev.post(
        f"/api/project_builds/{build['id'] + 999_999}/deploy", params={"environment_type": "test"}
    )
    assert unknown.status_code == 404
