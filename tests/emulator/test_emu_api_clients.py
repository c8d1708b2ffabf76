"""Developer API clients: the secret appears once; regenerate and delete revoke tokens."""

from __future__ import annotations

from typing import Any

import httpx
from emu_helpers import Api, DemoIds, assert_bad_request

from workato_tui.emulator import ADMIN_TOKEN, FINANCE_TOKEN, READONLY_TOKEN, Emulator


async def _create(admin: Api, ids: DemoIds, **fields: Any) -> dict[str, Any]:
    body = {
        "name": "Reporting bot",
        "api_privilege_group_id": ids.client_role("Administrator"),
        "all_folders": True,
        **fields,
    }
    response = await admin.post("/api/developer_api_clients", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json()["result"])


async def test_list_never_shows_a_token_value(admin: Api) -> None:
    body = (await admin.get("/api/developer_api_clients")).json()
    items = body["result"]["items"]
    assert body["result"]["count"] == len(items) >= 3
    text = str(body)
    for token in (ADMIN_TOKEN, READONLY_TOKEN, FINANCE_TOKEN):
        assert token not in text
    assert all("value" not in item["token"] for item in items)


async def test_create_answers_the_token_value_once(
    admin: Api, ids: DemoIds, http: httpx.AsyncClient
) -> None:
    client = await _create(admin, ids, environment="PROD")
    value = client["token"]["value"]
    assert value.startswith("wrkaus-") and len(value) > 20
    assert client["environment_name"] == "Production" and client["all_folders"] is True
    listed = (await admin.get("/api/developer_api_clients")).json()["result"]["items"]
    mine = next(c for c in listed if c["id"] == client["id"])
    assert mine["name"] == "Reporting bot" and "value" not in mine["token"]
    assert value not in str(listed)
    assert (await Api(http, value).get("/api/recipes")).status_code == 200


async def test_a_scoped_client_sees_only_its_project(
    admin: Api, ids: DemoIds, http: httpx.AsyncClient
) -> None:
    client = await _create(
        admin, ids, all_folders=False, folder_ids=[ids.project_folder("HR Onboarding")]
    )
    scoped = Api(http, client["token"]["value"])
    projects = (await scoped.get("/api/projects")).json()
    assert [p["name"] for p in projects] == ["HR Onboarding"]
    recipes = (await scoped.get("/api/recipes")).json()["items"]
    assert {r["project_id"] for r in recipes} == {ids.project("HR Onboarding")["id"]}


async def test_a_read_only_client_cannot_write(
    admin: Api, ids: DemoIds, http: httpx.AsyncClient
) -> None:
    client = await _create(admin, ids, api_privilege_group_id=ids.client_role("Read only"))
    reader = Api(http, client["token"]["value"])
    assert (await reader.get("/api/folders")).status_code == 200
    assert (await reader.post("/api/folders", json={"name": "x"})).status_code == 403


async def test_create_validates_its_body(admin: Api, ids: DemoIds) -> None:
    path = "/api/developer_api_clients"
    role = ids.client_role("Administrator")
    assert_bad_request(
        await admin.post(path, json={"api_privilege_group_id": role, "all_folders": True}), "name"
    )
    assert_bad_request(
        await admin.post(
            path, json={"name": "x", "api_privilege_group_id": 1, "all_folders": True}
        ),
        "privilege",
    )
    assert_bad_request(
        await admin.post(path, json={"name": "x", "api_privilege_group_id": role}), "folder"
    )
    assert_bad_request(
        await admin.post(
            path,
            json={
                "name": "x",
                "api_privilege_group_id": role,
                "folder_ids": [ids.folder("Invoices")],
            },
        ),
        "project folder",
    )
    assert_bad_request(
        await admin.post(
            path,
            json={
                "name": "x",
                "api_privilege_group_id": role,
                "all_folders": True,
                "environment": "STAGE",
            },
        ),
        "environment",
    )


async def test_regenerate_revokes_the_old_token(
    admin: Api, ids: DemoIds, http: httpx.AsyncClient
) -> None:
    client = await _create(admin, ids)
    old = client["token"]["value"]
    response = await admin.post(f"/api/developer_api_clients/{client['id']}/regenerate")
    new = response.json()["result"]["token"]["value"]
    assert new and new != old
    assert (await Api(http, old).get("/api/recipes")).status_code == 401
    assert (await Api(http, new).get("/api/recipes")).status_code == 200


async def test_regenerating_a_demo_client_revokes_its_demo_token(
    admin: Api, ids: DemoIds, http: httpx.AsyncClient
) -> None:
    finance_id = ids.api_client("Finance automation")
    new = (await admin.post(f"/api/developer_api_clients/{finance_id}/regenerate")).json()
    assert (await Api(http, FINANCE_TOKEN).get("/api/recipes")).status_code == 401
    fresh = Api(http, new["result"]["token"]["value"])
    assert [p["name"] for p in (await fresh.get("/api/projects")).json()] == ["Finance Ops"]


async def test_delete_revokes_the_token(
    emu: Emulator, admin: Api, ids: DemoIds, http: httpx.AsyncClient
) -> None:
    client = await _create(admin, ids)
    response = await admin.delete(f"/api/developer_api_clients/{client['id']}")
    assert response.json() == {"result": "success"}
    assert (await Api(http, client["token"]["value"]).get("/api/recipes")).status_code == 401
    listed = (await admin.get("/api/developer_api_clients")).json()["result"]["items"]
    assert client["id"] not in {c["id"] for c in listed}
    assert client["id"] not in emu.store.api_clients


async def test_unknown_clients_are_404(admin: Api) -> None:
    assert (await admin.post("/api/developer_api_clients/1/regenerate")).status_code == 404
    assert (await admin.delete("/api/developer_api_clients/abc")).status_code == 404
