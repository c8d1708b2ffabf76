"""Folders, projects and deployments."""

from __future__ import annotations

from emu_helpers import Api, DemoIds, assert_bad_request

from workato_tui.emulator import Emulator, FakeClock
from workato_tui.emulator.routes.folders import DEPLOY_SECONDS


async def test_top_level_folders_are_projects(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    folders = (await admin.get("/api/folders")).json()
    projects = (await admin.get("/api/projects")).json()
    assert {f["name"] for f in folders} == {p["name"] for p in projects}
    assert all(f["is_project"] and f["parent_id"] == emu.store.root_folder_id for f in folders)
    by_name = {p["name"]: p for p in projects}
    finance = by_name["Finance Ops"]
    assert set(finance) == {"id", "folder_id", "name", "description"}
    assert finance["folder_id"] != finance["id"]


async def test_children_are_listed_by_parent_id(admin: Api, ids: DemoIds) -> None:
    finance_folder = ids.project_folder("Finance Ops")
    children = (await admin.get("/api/folders", params={"parent_id": finance_folder})).json()
    assert [f["name"] for f in children] == ["Invoices", "Payments", "Month-end close"]
    assert all(f["parent_id"] == finance_folder and not f["is_project"] for f in children)
    assert all(f["project_id"] == ids.project("Finance Ops")["id"] for f in children)
    nested = await admin.get("/api/folders", params={"parent_id": ids.folder("Invoices")})
    assert [f["name"] for f in nested.json()] == ["Approvals"]


async def test_folder_list_rejects_bad_or_unknown_parents(admin: Api) -> None:
    assert_bad_request(await admin.get("/api/folders", params={"parent_id": "abc"}), "parent_id")
    assert (await admin.get("/api/folders", params={"parent_id": 1})).status_code == 404


async def test_create_without_parent_creates_a_project(emu: Emulator, admin: Api) -> None:
    response = await admin.post("/api/folders", json={"name": "Procurement"})
    assert response.status_code == 200
    folder = response.json()
    assert folder["is_project"] is True and folder["parent_id"] == emu.store.root_folder_id
    projects = {p["name"]: p for p in (await admin.get("/api/projects")).json()}
    assert projects["Procurement"]["folder_id"] == folder["id"]
    assert projects["Procurement"]["id"] == folder["project_id"]
    assert folder["id"] in {f["id"] for f in (await admin.get("/api/folders")).json()}


async def test_create_with_parent_creates_a_subfolder(admin: Api, ids: DemoIds) -> None:
    parent = ids.project_folder("HR Onboarding")
    folder = (
        await admin.post("/api/folders", json={"name": "Contractors", "parent_id": str(parent)})
    ).json()
    assert folder["is_project"] is False and folder["parent_id"] == parent
    assert folder["project_id"] == ids.project("HR Onboarding")["id"]
    children = (await admin.get("/api/folders", params={"parent_id": parent})).json()
    assert "Contractors" in {f["name"] for f in children}
    projects = (await admin.get("/api/projects")).json()
    assert "Contractors" not in {p["name"] for p in projects}


async def test_create_accepts_the_folder_wrapper_and_needs_a_name(admin: Api, ids: DemoIds) -> None:
    wrapped = await admin.post(
        "/api/folders",
        json={"folder": {"name": "Audits", "parent_id": str(ids.project_folder("Finance Ops"))}},
    )
    assert wrapped.json()["name"] == "Audits"
    assert_bad_request(await admin.post("/api/folders", json={"name": "  "}), "name")
    assert (
        await admin.post("/api/folders", json={"name": "x", "parent_id": "1"})
    ).status_code == 404


async def test_update_renames_a_folder(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    folder_id = ids.folder("Invoices")
    response = await admin.put(f"/api/folders/{folder_id}", json={"name": "AR invoices"})
    assert response.json()["name"] == "AR invoices"
    assert emu.store.main.folders[folder_id]["name"] == "AR invoices"
    assert_bad_request(await admin.put(f"/api/folders/{folder_id}", json={"name": ""}), "name")


async def test_renaming_a_project_folder_renames_the_project(admin: Api, ids: DemoIds) -> None:
    await admin.put(f"/api/folders/{ids.project_folder('Sales Ops')}", json={"name": "RevOps"})
    assert "RevOps" in {p["name"] for p in (await admin.get("/api/projects")).json()}


async def test_update_moves_a_folder_within_its_project_only(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    approvals, payments = ids.folder("Approvals"), ids.folder("Payments")
    moved = await admin.put(f"/api/folders/{approvals}", json={"parent_id": str(payments)})
    assert moved.json()["parent_id"] == payments
    across = await admin.put(
        f"/api/folders/{approvals}", json={"parent_id": str(ids.folder("New hires"))}
    )
    assert_bad_request(across, "project")
    into_itself = await admin.put(f"/api/folders/{payments}", json={"parent_id": str(approvals)})
    assert_bad_request(into_itself, "itself")
    project = await admin.put(
        f"/api/folders/{ids.project_folder('Finance Ops')}", json={"parent_id": str(payments)}
    )
    assert_bad_request(project, "project")
    assert emu.store.main.folders[approvals]["parent_id"] == payments


async def test_project_update_renames_project_and_folder(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    project = ids.project("Data Platform")
    response = await admin.put(
        f"/api/projects/{project['id']}",
        json={"name": "Analytics", "description": "dbt and Snowflake"},
    )
    assert response.json() == {
        "id": project["id"],
        "folder_id": project["folder_id"],
        "name": "Analytics",
        "description": "dbt and Snowflake",
    }
    assert emu.store.main.folders[project["folder_id"]]["name"] == "Analytics"
    folders = {f["id"]: f["name"] for f in (await admin.get("/api/folders")).json()}
    assert folders[project["folder_id"]] == "Analytics"


async def test_project_update_accepts_f_folder_id(admin: Api, ids: DemoIds) -> None:
    project = ids.project("Sales Ops")
    response = await admin.put(f"/api/projects/f{project['folder_id']}", json={"name": "Revenue"})
    assert response.json()["id"] == project["id"] and response.json()["name"] == "Revenue"
    sub = ids.folder("Renewals")
    assert (await admin.put(f"/api/projects/f{sub}", json={"name": "x"})).status_code == 404


async def test_deploy_starts_pending_and_then_succeeds(
    admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    project = ids.project("Finance Ops")
    response = await admin.post(
        f"/api/projects/{project['id']}/deploy",
        params={"environment_type": "prod"},
        json={"description": "Q4 mappings"},
    )
    assert response.status_code == 200
    deployment = response.json()
    assert deployment["state"] == "pending" and deployment["environment_type"] == "prod"
    assert deployment["project_id"] == str(project["id"])
    assert deployment["description"] == "Q4 mappings"
    assert deployment["performed_by_name"] == "Admin console"
    path = f"/api/deployments/{deployment['id']}"
    clock.advance(DEPLOY_SECONDS / 2)
    assert (await admin.get(path)).json()["state"] == "pending"
    clock.advance(DEPLOY_SECONDS)
    assert (await admin.get(path)).json()["state"] == "success"
    listed = (await admin.get("/api/deployments")).json()
    assert listed[0]["id"] == deployment["id"] and listed[0]["state"] == "success"


async def test_deploy_accepts_f_folder_id_and_environment_in_the_body(
    admin: Api, ids: DemoIds
) -> None:
    project = ids.project("HR Onboarding")
    response = await admin.post(
        f"/api/projects/f{project['folder_id']}/deploy", json={"environment_type": "test"}
    )
    assert response.status_code == 200
    assert response.json()["project_id"] == str(project["id"])


async def test_deploy_rejects_a_bad_environment_type(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    before = len(emu.store.main.deployments)
    path = f"/api/projects/{ids.project('Finance Ops')['id']}/deploy"
    assert_bad_request(
        await admin.post(path, params={"environment_type": "staging"}), "environment_type"
    )
    assert_bad_request(await admin.post(path), "environment_type")
    assert len(emu.store.main.deployments) == before


async def test_deploy_without_environments_is_400(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    emu.store.environments_provisioned = False
    response = await admin.post(
        f"/api/projects/{ids.project('Finance Ops')['id']}/deploy",
        params={"environment_type": "test"},
    )
    assert_bad_request(response, "Environments not provisioned")


async def test_deployments_list_filters(admin: Api, ids: DemoIds) -> None:
    finance = str(ids.project("Finance Ops")["id"])
    mine = (await admin.get("/api/deployments", params={"project_id": finance})).json()
    assert mine and {d["project_id"] for d in mine} == {finance}
    failed = (await admin.get("/api/deployments", params={"state": "failed"})).json()
    assert failed and {d["state"] for d in failed} == {"failed"}
    by_folder = (
        await admin.get("/api/deployments", params={"folder_id": ids.project_folder("Finance Ops")})
    ).json()
    assert [d["id"] for d in by_folder] == [d["id"] for d in mine]
    everything = (await admin.get("/api/deployments")).json()
    assert [d["id"] for d in everything] == sorted((d["id"] for d in everything), reverse=True)
