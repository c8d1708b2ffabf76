"""Project scopes: the finance token sees only Finance Ops; anything else is 404 (decisions #3)."""

from __future__ import annotations

import pytest
from emu_helpers import HR_WELCOME, NETSUITE_SYNC, Api, DemoIds, recipe_code

from workato_tui.emulator import DEMO_RESUME_TOKEN, Emulator


def _finance_project_ids(ids: DemoIds) -> set[int]:
    return {int(ids.project("Finance Ops")["id"])}


async def test_recipes_list_holds_only_finance_ops(finance: Api, admin: Api, ids: DemoIds) -> None:
    mine = (await finance.get("/api/recipes")).json()["items"]
    everything = (await admin.get("/api/recipes")).json()["items"]
    assert {r["project_id"] for r in mine} == _finance_project_ids(ids)
    expected = [r["id"] for r in everything if r["project_id"] in _finance_project_ids(ids)]
    assert [r["id"] for r in mine] == expected and len(mine) < len(everything)


async def test_connections_list_holds_only_finance_ops(
    finance: Api, admin: Api, ids: DemoIds
) -> None:
    mine = (await finance.get("/api/connections")).json()
    everything = (await admin.get("/api/connections")).json()
    assert {c["project_id"] for c in mine} == _finance_project_ids(ids)
    assert {c["name"] for c in mine} == {
        c["name"] for c in everything if c["project_id"] in _finance_project_ids(ids)
    }
    assert "Salesforce (production)" in {c["name"] for c in mine}


async def test_folders_and_projects_hold_only_finance_ops(finance: Api, ids: DemoIds) -> None:
    assert [f["name"] for f in (await finance.get("/api/folders")).json()] == ["Finance Ops"]
    assert [p["name"] for p in (await finance.get("/api/projects")).json()] == ["Finance Ops"]
    sub = await finance.get("/api/folders", params={"parent_id": ids.project_folder("Finance Ops")})
    assert "Invoices" in {f["name"] for f in sub.json()}
    other = await finance.get(
        "/api/folders", params={"parent_id": ids.project_folder("HR Onboarding")}
    )
    assert other.status_code == 404


async def test_lookup_tables_and_deployments_hold_only_finance_ops(
    finance: Api, ids: DemoIds
) -> None:
    tables = (await finance.get("/api/lookup_tables")).json()
    assert {t["name"] for t in tables} == {"Cost centers", "NetSuite subsidiaries"}
    deployments = (await finance.get("/api/deployments")).json()
    assert deployments and {d["project_id"] for d in deployments} == {
        str(ids.project("Finance Ops")["id"])
    }


@pytest.mark.parametrize(
    "method,tail",
    [
        ("GET", ""),
        ("PUT", ""),
        ("PUT", "/start"),
        ("PUT", "/stop"),
        ("DELETE", ""),
        ("POST", "/copy"),
        ("GET", "/jobs"),
    ],
)
async def test_recipe_outside_scope_is_404(
    emu: Emulator, finance: Api, ids: DemoIds, method: str, tail: str
) -> None:
    recipe_id = ids.recipe(HR_WELCOME)
    body = {"recipe": {"name": "x"}, "folder_id": str(ids.folder("Invoices"))}
    response = await finance.request(method, f"/api/recipes/{recipe_id}{tail}", json=body)
    assert response.status_code == 404, response.text
    assert emu.store.main.recipes[recipe_id]["name"] == HR_WELCOME
    assert emu.store.main.recipes[recipe_id]["running"] is True


async def test_job_of_a_recipe_outside_scope_is_404(finance: Api, ids: DemoIds) -> None:
    recipe_id = ids.recipe(HR_WELCOME)
    job_id = ids.jobs(HR_WELCOME)[-1]["id"]
    assert (await finance.get(f"/api/recipes/{recipe_id}/jobs/{job_id}")).status_code == 404
    response = await finance.post(
        f"/api/recipes/{recipe_id}/repeat_jobs", json={"job_ids": [job_id]}
    )
    assert response.status_code == 404


async def test_resume_of_a_job_outside_scope_is_404_and_keeps_the_token(
    emu: Emulator, finance: Api, admin: Api
) -> None:
    body = {"token": DEMO_RESUME_TOKEN, "data": {}}
    assert (await finance.post("/api/job/resume", json=body)).status_code == 404
    assert (await admin.post("/api/job/resume", json=body)).status_code == 204


@pytest.mark.parametrize("method,tail", [("PUT", ""), ("POST", "/disconnect"), ("DELETE", "")])
async def test_connection_outside_scope_is_404(
    emu: Emulator, finance: Api, ids: DemoIds, method: str, tail: str
) -> None:
    connection_id = ids.connection("Jira Cloud")
    response = await finance.request(
        method, f"/api/connections/{connection_id}{tail}", json={"name": "mine now"}
    )
    assert response.status_code == 404
    connection = emu.store.main.connections[connection_id]
    assert (connection["name"], connection["authorization_status"]) == ("Jira Cloud", "success")


async def test_lookup_rows_outside_scope_are_404(finance: Api, ids: DemoIds) -> None:
    table_id = ids.table("Employee departments")
    row_id = ids.rows("Employee departments")[0]["id"]
    for method, path in (
        ("GET", f"/api/lookup_tables/{table_id}/rows"),
        ("GET", f"/api/lookup_tables/{table_id}/lookup?by[dept_id]=D100"),
        ("GET", f"/api/lookup_tables/{table_id}/rows/{row_id}"),
        ("DELETE", f"/api/lookup_tables/{table_id}/rows/{row_id}"),
    ):
        assert (await finance.request(method, path)).status_code == 404, path


async def test_projects_and_deployments_outside_scope_are_404(finance: Api, ids: DemoIds) -> None:
    hr = ids.project("HR Onboarding")
    assert (await finance.put(f"/api/projects/{hr['id']}", json={"name": "x"})).status_code == 404
    deploy = await finance.post(
        f"/api/projects/f{hr['folder_id']}/deploy", params={"environment_type": "test"}
    )
    assert deploy.status_code == 404
    deployment = ids.deployment_of("HR Onboarding")
    assert (await finance.get(f"/api/deployments/{deployment}")).status_code == 404
    folder = ids.folder("New hires")
    assert (await finance.put(f"/api/folders/{folder}", json={"name": "x"})).status_code == 404


async def test_creating_in_a_folder_outside_scope_is_404(
    emu: Emulator, finance: Api, ids: DemoIds
) -> None:
    hr_folder = str(ids.folder("New hires"))
    recipes, connections = len(emu.store.main.recipes), len(emu.store.main.connections)
    create = await finance.post(
        "/api/recipes",
        json={"recipe": {"name": "x", "code": recipe_code(), "folder_id": hr_folder}},
    )
    copy = await finance.post(
        f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/copy", json={"folder_id": hr_folder}
    )
    connection = await finance.post(
        "/api/connections", json={"name": "x", "provider": "slack", "folder_id": hr_folder}
    )
    folder = await finance.post("/api/folders", json={"name": "x", "parent_id": hr_folder})
    assert [r.status_code for r in (create, copy, connection, folder)] == [404] * 4
    assert len(emu.store.main.recipes) == recipes
    assert len(emu.store.main.connections) == connections


async def test_creating_inside_scope_works(finance: Api, ids: DemoIds) -> None:
    invoices = str(ids.folder("Invoices"))
    create = await finance.post(
        "/api/recipes",
        json={"recipe": {"name": "AR dunning", "code": recipe_code(), "folder_id": invoices}},
    )
    assert create.json()["success"] is True
    mine = (await finance.get("/api/recipes")).json()["items"]
    assert create.json()["id"] in {r["id"] for r in mine}


async def test_scoped_token_cannot_create_a_project(finance: Api) -> None:
    response = await finance.post("/api/folders", json={"name": "Shadow IT"})
    assert response.status_code == 403
    assert (await finance.get("/api/projects")).json()[0]["name"] == "Finance Ops"
