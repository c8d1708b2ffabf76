"""Hostile input gets a 4xx that says what is wrong, never a 5xx (issue 15 part 6)."""

from __future__ import annotations

import json

import httpx
import pytest
from emu_helpers import NETSUITE_SYNC, Api, DemoIds, bearer
from emu_hostile import plans

from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.validate import MAX_BODY_BYTES, MAX_JSON_DEPTH

JSON = {"content-type": "application/json", **bearer(ADMIN_TOKEN)}


@pytest.mark.parametrize(
    "path",
    [
        "/api/recipes/%C2%B2",
        "/api/recipes/%C2%B2/jobs",
        "/api/connections/%D9%A1",
        "/api/deployments/%C2%B9%C2%B2",
        "/api/lookup_tables/%C2%B2/rows",
        "/api/on_prem_groups/%C2%B2/status",
        "/api/managed_users/%C2%B2/recipes",
        "/api/projects/f%C2%B2/deploy",
    ],
)
async def test_unicode_digit_ids_are_not_found(admin: Api, path: str) -> None:
    method = "POST" if path.endswith("deploy") else "GET"
    response = await admin.request(method, path)
    assert response.status_code == 404, response.text
    assert response.json() == {"message": "Not found"}


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5_000, 100_000])
async def test_deeply_nested_json_is_a_400(http: httpx.AsyncClient, depth: int) -> None:
    content = "[" * depth + "]" * depth
    response = await http.post("/api/folders", content=content, headers=JSON)
    assert response.status_code == 400
    assert "nests deeper" in response.json()["errors"][0]["title"]


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
async def test_nan_and_infinity_are_refused(
    emu: Emulator, http: httpx.AsyncClient, ids: DemoIds, constant: str
) -> None:
    table = ids.table("Cost centers")
    before = len(emu.store.main.lookup_rows[table])
    content = '{"data": {"col1": ' + constant + "}}"
    response = await http.post(f"/api/lookup_tables/{table}/rows", content=content, headers=JSON)
    assert response.status_code == 400
    assert constant.lstrip("-") in response.json()["errors"][0]["title"]
    assert len(emu.store.main.lookup_rows[table]) == before


async def test_a_nested_object_in_a_lookup_cell_is_refused_not_stored_as_repr(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    table = ids.table("Cost centers")
    before = dict(emu.store.main.lookup_rows[table])
    for cell in ({"a": 1}, [1, 2]):
        response = await admin.post(
            f"/api/lookup_tables/{table}/rows", json={"data": {"col1": cell}}
        )
        assert response.status_code == 400
        assert "col1" in response.json()["message"]
    assert emu.store.main.lookup_rows[table] == before


async def test_a_body_past_the_documented_size_is_413(
    emu: Emulator, http: httpx.AsyncClient
) -> None:
    projects = len(emu.store.main.projects)
    content = json.dumps({"name": "x" * MAX_BODY_BYTES})
    response = await http.post("/api/folders", content=content, headers=JSON)
    assert response.status_code == 413
    assert str(MAX_BODY_BYTES) in response.json()["message"]
    assert len(emu.store.main.projects) == projects
    just_under = json.dumps({"name": "y" * 1000})
    assert (await http.post("/api/folders", content=just_under, headers=JSON)).status_code == 200


@pytest.mark.parametrize("media", ["text/plain", "application/x-www-form-urlencoded", ""])
async def test_a_write_body_that_is_not_declared_json_is_415(
    emu: Emulator, http: httpx.AsyncClient, media: str
) -> None:
    projects = len(emu.store.main.projects)
    headers = {**bearer(ADMIN_TOKEN), "content-type": media}
    response = await http.post("/api/folders", content='{"name": "Procurement"}', headers=headers)
    assert response.status_code == 415
    assert "application/json" in response.json()["message"]
    assert len(emu.store.main.projects) == projects


async def test_a_write_without_a_body_needs_no_content_type(admin: Api, ids: DemoIds) -> None:
    response = await admin.put(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/stop")
    assert response.status_code == 200


async def test_per_page_zero_is_a_400_on_every_endpoint(
    emu: Emulator, http: httpx.AsyncClient, ids: DemoIds
) -> None:
    emu.quotas.enabled = False
    answers = {}
    for endpoint, (method, path, body) in plans(ids):
        if endpoint.write:
            continue
        for name in ("per_page", "page[size]"):
            response = await http.request(
                method, path, params={name: 0}, json=body, headers=bearer(ADMIN_TOKEN)
            )
            answers[(endpoint.id, name)] = response.status_code
    assert set(answers.values()) == {400}, {k: v for k, v in answers.items() if v != 400}


async def test_page_zero_still_reads_as_the_first_page(admin: Api) -> None:
    first = (await admin.get("/api/recipes", params={"page": 1, "per_page": 5})).json()
    zero = (await admin.get("/api/recipes", params={"page": 0, "per_page": 5})).json()
    assert zero == first


async def test_connection_fields_of_the_wrong_type_are_refused_not_stored(
    emu: Emulator, admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    count = len(emu.store.main.connections)
    folder = str(ids.folder("Payments"))
    for field, value in (("name", {"a": 1}), ("provider", ["box"]), ("parent_id", "x²")):
        body = {"name": "Box", "provider": "box", "folder_id": folder, field: value}
        response = await admin.post("/api/connections", json=body)
        assert response.status_code == 400, response.text
        assert response.json()["errors"][0]["title"].startswith(field)
        clock.advance(1)
    assert len(emu.store.main.connections) == count
    jira = ids.connection("Jira Cloud")
    response = await admin.put(f"/api/connections/{jira}", json={"name": {"a": 1}})
    assert response.status_code == 400
    assert emu.store.main.connections[jira]["name"] == "Jira Cloud"
