"""The demo workspace's content, its determinism, and the emulator's import boundary."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import httpx
import pytest
from emu_helpers import BASE_URL, NETSUITE_SYNC, NEW_HIRES, Api, DemoIds, bearer

from workato_tui.emulator import ADMIN_TOKEN, DEMO_RESUME_TOKEN, Emulator, FakeClock

DEMO_APPS = {
    "salesforce",
    "netsuite",
    "slack",
    "jira",
    "service_now",
    "snowflake",
    "workday",
    "zendesk",
}


async def _get(emu: Emulator, path: str, **params: Any) -> Any:
    async with httpx.AsyncClient(transport=emu.transport(), base_url=BASE_URL) as http:
        response = await http.get(path, params=params, headers=bearer(ADMIN_TOKEN))
        assert response.status_code == 200
        return response.json()


async def test_finance_ops_holds_invoices_and_the_netsuite_sync(admin: Api, ids: DemoIds) -> None:
    projects = {p["name"]: p for p in (await admin.get("/api/projects")).json()}
    assert {"Finance Ops", "HR Onboarding"} <= set(projects)
    finance = projects["Finance Ops"]
    children = await admin.get("/api/folders", params={"parent_id": finance["folder_id"]})
    assert "Invoices" in {f["name"] for f in children.json()}
    recipe = (await admin.get(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}")).json()
    assert recipe["running"] is True and recipe["project_id"] == finance["id"]


async def test_the_netsuite_sync_has_300_jobs_with_failures_and_repeats(
    admin: Api, ids: DemoIds
) -> None:
    path = f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs"
    body = (await admin.get(path)).json()
    assert body["job_count"] >= 300 and body["job_failed_count"] > 0
    reruns = (await admin.get(path, params={"rerun_only": "true"})).json()["items"]
    assert reruns and all(j["is_repeat"] for j in reruns)


async def test_recipes_span_the_expected_apps_and_states(admin: Api) -> None:
    recipes = (await admin.get("/api/recipes")).json()["items"]
    assert {app for r in recipes for app in r["applications"]} >= DEMO_APPS
    assert {r["running"] for r in recipes} == {True, False}
    assert all(r["config"] for r in recipes)  # every recipe names its connections


async def test_connections_include_salesforce_production(admin: Api) -> None:
    connections = {c["name"]: c for c in (await admin.get("/api/connections")).json()}
    assert connections["Salesforce (production)"]["authorization_status"] == "success"
    assert connections["Zendesk (support)"]["authorization_status"] != "success"


async def test_cost_centers_table_has_50_rows(admin: Api, ids: DemoIds) -> None:
    rows = (await admin.get(f"/api/lookup_tables/{ids.table('Cost centers')}/rows")).json()
    assert len(rows) >= 50
    assert all(set(r["data"]) == {"code", "name", "owner"} for r in rows)


async def test_a_paused_job_waits_on_the_demo_resume_token(admin: Api, ids: DemoIds) -> None:
    path = f"/api/recipes/{ids.recipe(NEW_HIRES)}/jobs"
    paused = (await admin.get(path, params={"status": "pending"})).json()["items"]
    assert len(paused) == 1
    detail = (await admin.get(f"{path}/{paused[0]['id']}")).json()
    assert detail["lines"][-1]["output"]["resume_token"] == DEMO_RESUME_TOKEN


async def test_customers_include_a2300(admin: Api) -> None:
    customers = (await admin.get("/api/managed_users")).json()["result"]
    assert len(customers) >= 3 and "A2300" in {c["external_id"] for c in customers}


async def test_on_prem_groups_report_agent_counts(admin: Api, ids: DemoIds) -> None:
    groups = (await admin.get("/api/on_prem_groups")).json()
    statuses = {}
    for group in groups:
        status = (await admin.get(f"/api/on_prem_groups/{group['id']}/status")).json()
        assert {"id", "name", "status", "total_agents", "active_agents"} <= set(status)
        assert status["active_agents"] == sum(a["status"] == "active" for a in status["agents"])
        statuses[group["name"]] = (
            status["status"],
            status["total_agents"],
            status["active_agents"],
        )
    assert statuses["Datacenter East"] == ("active", 3, 2)
    assert statuses["Finance SFTP bridge"] == ("inactive", 1, 0)


async def test_roles_clients_deployments_and_activity_exist(admin: Api) -> None:
    assert (await admin.get("/api/project_roles")).json()["total"] >= 3
    legacy = (await admin.get("/api/roles")).json()
    assert legacy and all(isinstance(r["privileges"], dict) for r in legacy)
    assert (await admin.get("/api/developer_api_clients")).json()["result"]["count"] >= 3
    deployments = (await admin.get("/api/deployments")).json()
    assert {"success", "failed"} <= {d["state"] for d in deployments}
    activity = (await admin.get("/api/activity_logs")).json()["data"]
    assert activity and {
        "id",
        "event_type",
        "timestamp",
        "workspace",
        "user",
        "details",
        "resource",
    } <= set(activity[0])


async def test_users_me_describes_the_workspace(admin: Api, emu: Emulator) -> None:
    me = (await admin.get("/api/users/me")).json()
    assert me["recipes_count"] == len(emu.store.main.recipes)
    assert me["active_recipes_count"] == sum(r["running"] for r in emu.store.main.recipes.values())
    assert me["root_folder_id"] == emu.store.root_folder_id


async def test_the_same_seed_builds_the_same_workspace(emu: Emulator) -> None:
    one, two = Emulator.demo(clock=FakeClock()), Emulator.demo(clock=FakeClock())
    assert await _get(one, "/api/recipes") == await _get(two, "/api/recipes")
    assert await _get(one, "/api/recipes") == await _get(emu, "/api/recipes")  # the fixture copy
    recipe = DemoIds(one.store).recipe(NETSUITE_SYNC)
    jobs_path = f"/api/recipes/{recipe}/jobs"
    assert await _get(one, jobs_path) == await _get(two, jobs_path) == await _get(emu, jobs_path)


async def test_a_different_seed_gives_different_job_ids() -> None:
    one, other = Emulator.demo(clock=FakeClock()), Emulator.demo(clock=FakeClock(), seed=8)
    recipe = DemoIds(one.store).recipe(NETSUITE_SYNC)
    assert recipe == DemoIds(other.store).recipe(NETSUITE_SYNC)
    first = await _get(one, f"/api/recipes/{recipe}/jobs")
    second = await _get(other, f"/api/recipes/{recipe}/jobs")
    assert {j["id"] for j in first["items"]}.isdisjoint(j["id"] for j in second["items"])


def test_build_rejects_an_unknown_scale() -> None:
    with pytest.raises(ValueError, match="scale"):
        Emulator.build("huge")


def test_the_emulator_does_not_import_textual() -> None:
    code = (
        "import sys, workato_tui.emulator; assert 'textual' not in sys.modules, 'textual imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


async def _all_jobs(admin: Api, recipe_id: int) -> list[dict[str, Any]]:
    """Every job of a recipe, walked page by page with offset_job_id, as the API lists them."""
    jobs: list[dict[str, Any]] = []
    params: dict[str, Any] = {"per_page": 100}
    while True:
        items = (await admin.get(f"/api/recipes/{recipe_id}/jobs", params=params)).json()["items"]
        jobs += items
        if len(items) < 100:
            return jobs
        params["offset_job_id"] = items[-1]["id"]


async def test_no_job_starts_in_the_future(emu: Emulator, admin: Api) -> None:
    emu.quotas.enabled = False
    now = emu.store.now_iso()
    late = [
        (recipe_id, job["id"])
        for recipe_id in emu.store.main.recipes
        for job in await _all_jobs(admin, recipe_id)
        if job["started_at"] > now or (job["completed_at"] or "") > now
    ]
    assert late == []


async def test_job_lists_are_newest_first_by_started_at(emu: Emulator, admin: Api) -> None:
    emu.quotas.enabled = False
    out_of_order = []
    for recipe_id, recipe in emu.store.main.recipes.items():
        starts = [job["started_at"] for job in await _all_jobs(admin, recipe_id)]
        if starts != sorted(starts, reverse=True):
            out_of_order.append(recipe["name"])
    assert out_of_order == []


def test_the_large_workspace_has_its_documented_scale() -> None:
    store = Emulator.large(clock=FakeClock()).store
    ws = store.main
    assert len(ws.recipes) >= 10_000 and len(ws.folders) >= 500
    assert len(ws.connections) >= 2_000
    assert max(len(rows) for rows in ws.lookup_rows.values()) >= 100_000
    assert max(len(log.jobs) for log in ws.jobs.values()) >= 100_000


def test_activity_events_name_an_asset_of_their_own_kind() -> None:
    from workato_tui.emulator import Emulator, FakeClock
    from workato_tui.emulator.demo_data import PEOPLE

    store = Emulator.demo(clock=FakeClock()).store
    names = {
        "flow": {r["name"] for r in store.main.recipes.values()},
        "Account": {c["name"] for c in store.main.connections.values()},
        "LookupTable": {t["name"] for t in store.main.lookup_tables.values()},
        "Project": {p["name"] for p in store.main.projects.values()},
        "User": set(PEOPLE),
    }
    kinds = set()
    for entry in store.activity:
        resource = entry["resource"]
        kinds.add(resource["type"])
        if resource["type"] in names:
            assert resource["name"] in names[resource["type"]], entry["event_type"]
    assert {"User", "flow", "Account"} <= kinds
