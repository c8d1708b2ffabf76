"""Environments: dev/test/prod workspaces, tokens bound to them, deploys that move assets."""

from __future__ import annotations

import json

import httpx
import pytest
from emu_helpers import Api

from workato_tui.emulator import DEV_TOKEN, TEST_TOKEN, Emulator, FakeClock
from workato_tui.emulator.environments import DEPLOY_SECONDS
from workato_tui.emulator.seed_envs import (
    CHANGED_RECIPE,
    CHANGED_TABLE,
    DEV_ONLY_CONNECTION,
    DEV_ONLY_RECIPE,
    REMOVED_RECIPE,
)


@pytest.fixture
def dev(http: httpx.AsyncClient) -> Api:
    return Api(http, DEV_TOKEN)


@pytest.fixture
def test_env(http: httpx.AsyncClient) -> Api:
    return Api(http, TEST_TOKEN)


async def _recipes(api: Api) -> dict[str, dict]:
    items = (await api.get("/api/recipes", params={"per_page": 100})).json()["items"]
    return {r["name"]: r for r in items}


async def _sales_ops(api: Api) -> dict:
    return next(p for p in (await api.get("/api/projects")).json() if p["name"] == "Sales Ops")


async def test_each_token_reaches_its_own_environment(admin: Api, dev: Api, test_env: Api) -> None:
    prod, development, testing = (
        await _recipes(admin),
        await _recipes(dev),
        await _recipes(test_env),
    )
    assert set(prod) == set(testing)
    assert set(development) == set(prod) - {REMOVED_RECIPE} | {DEV_ONLY_RECIPE}
    assert not {r["id"] for r in prod.values()} & {r["id"] for r in development.values()}
    assert development[CHANGED_RECIPE]["version_no"] == prod[CHANGED_RECIPE]["version_no"] + 1
    assert development[CHANGED_RECIPE]["code"] != prod[CHANGED_RECIPE]["code"]
    dev_connections = {c["name"] for c in (await dev.get("/api/connections")).json()}
    prod_connections = {c["name"] for c in (await admin.get("/api/connections")).json()}
    assert dev_connections - prod_connections == {DEV_ONLY_CONNECTION}


async def test_dev_lookup_table_has_changed_and_added_rows(admin: Api, dev: Api) -> None:
    async def rows(api: Api) -> set[tuple]:
        tables = (await api.get("/api/lookup_tables")).json()
        table = next(t for t in tables if t["name"] == CHANGED_TABLE)
        found = (await api.get(f"/api/lookup_tables/{table['id']}/rows")).json()
        return {tuple(sorted(r["data"].items())) for r in found}

    prod_rows, dev_rows = await rows(admin), await rows(dev)
    assert len(dev_rows - prod_rows) == 2 and len(prod_rows - dev_rows) == 1


async def test_users_me_and_api_clients_show_the_environment(admin: Api, dev: Api) -> None:
    assert (await dev.get("/api/users/me")).json()["environment"] == "dev"
    assert (await admin.get("/api/users/me")).json()["environment"] == "prod"
    dev_clients = (await dev.get("/api/developer_api_clients")).json()["result"]["items"]
    assert [c["environment_name"] for c in dev_clients] == ["Development"]
    prod_clients = (await admin.get("/api/developer_api_clients")).json()["result"]["items"]
    assert "Development admin" not in {c["name"] for c in prod_clients}


async def test_a_dev_token_cannot_see_prod_assets(admin: Api, dev: Api) -> None:
    prod_recipe = (await _recipes(admin))[CHANGED_RECIPE]
    assert (await dev.get(f"/api/recipes/{prod_recipe['id']}")).status_code == 404


async def _deploy(emu: Emulator, clock: FakeClock, dev: Api, target: str) -> dict:
    project = await _sales_ops(dev)
    response = await dev.post(
        f"/api/projects/{project['id']}/deploy", params={"environment_type": target}
    )
    assert response.status_code == 200, response.text
    deployment = response.json()
    assert deployment["state"] == "pending"
    build = (await dev.get(f"/api/project_builds/{deployment['project_build_id']}")).json()
    assert build["project_id"] == str(project["id"])
    return deployment


async def test_deploy_moves_assets_only_once_it_succeeds(
    emu: Emulator, clock: FakeClock, admin: Api, dev: Api
) -> None:
    before = await _recipes(admin)
    deployment = await _deploy(emu, clock, dev, "prod")
    assert await _recipes(admin) == before  # still pending: nothing moved
    clock.advance(DEPLOY_SECONDS)
    done = (await dev.get(f"/api/deployments/{deployment['id']}")).json()
    assert done["state"] == "success"
    after, source = await _recipes(admin), await _recipes(dev)
    assert set(after) == set(source)
    changed = after[CHANGED_RECIPE]
    assert changed["code"] == source[CHANGED_RECIPE]["code"]
    assert changed["version_no"] == source[CHANGED_RECIPE]["version_no"]
    assert changed["running"] == before[CHANGED_RECIPE]["running"]  # running state kept
    assert after[DEV_ONLY_RECIPE]["running"] is False  # new recipes arrive stopped
    connections = {c["name"]: c for c in (await admin.get("/api/connections")).json()}
    assert connections[DEV_ONLY_CONNECTION]["authorization_status"] is None  # a shell
    assert connections["Salesforce (sales sandbox)"]["authorization_status"] == "success"
    used = {c["account_id"] for c in after[DEV_ONLY_RECIPE]["config"]}
    assert connections[DEV_ONLY_CONNECTION]["id"] in used  # wired to the target's twin


async def test_a_deploy_is_settled_by_any_later_request(
    clock: FakeClock, admin: Api, dev: Api, emu: Emulator
) -> None:
    await _deploy(emu, clock, dev, "test")
    clock.advance(DEPLOY_SECONDS)
    testing = await _recipes(Api(admin.http, TEST_TOKEN))
    assert DEV_ONLY_RECIPE in testing and REMOVED_RECIPE not in testing


async def test_deploy_moves_lookup_table_schemas_not_rows(
    emu: Emulator, clock: FakeClock, admin: Api, dev: Api
) -> None:
    dev_ws, prod_ws = emu.store.environments["dev"], emu.store.main
    sales = next(p for p in dev_ws.projects.values() if p["name"] == "Sales Ops")
    table = next(t for t in dev_ws.lookup_tables.values() if t["project_id"] == str(sales["id"]))
    table["schema"] = json.dumps([*json.loads(table["schema"]), {"label": "dial", "name": "col5"}])
    prod_table = next(t for t in prod_ws.lookup_tables.values() if t["name"] == table["name"])
    prod_rows = dict(prod_ws.lookup_rows[prod_table["id"]])
    await _deploy(emu, clock, dev, "prod")
    clock.advance(DEPLOY_SECONDS)
    await admin.get("/api/users/me")
    assert prod_table["schema"] == table["schema"]
    assert prod_ws.lookup_rows[prod_table["id"]] == prod_rows


async def test_deploy_without_environments_is_refused(emu: Emulator, dev: Api) -> None:
    emu.store.environments_provisioned = False
    project = await _sales_ops(dev)
    response = await dev.post(
        f"/api/projects/{project['id']}/deploy", params={"environment_type": "prod"}
    )
    assert response.status_code == 400
    assert response.json()["message"] == "Environments not provisioned"


async def test_admin_deploys_keep_their_old_behaviour(
    emu: Emulator, clock: FakeClock, admin: Api
) -> None:
    before = await _recipes(Api(admin.http, TEST_TOKEN))
    project = await _sales_ops(admin)
    response = await admin.post(
        f"/api/projects/{project['id']}/deploy", params={"environment_type": "test"}
    )
    assert response.status_code == 200
    clock.advance(DEPLOY_SECONDS)
    assert (await admin.get(f"/api/deployments/{response.json()['id']}")).json()["state"] == (
        "success"
    )
    assert await _recipes(Api(admin.http, TEST_TOKEN)) == before
