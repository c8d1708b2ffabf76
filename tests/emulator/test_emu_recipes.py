"""Recipe business rules: folder_id from 2026-05-07, copy, start refusals, running recipes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from emu_helpers import (
    MONTH_END,
    NETSUITE_SYNC,
    ZENDESK_ESCALATION,
    Api,
    DemoIds,
    assert_bad_request,
    recipe_code,
)

from workato_tui.emulator import Emulator, FakeClock

BEFORE_RULE = datetime(2026, 5, 6, 23, 59, tzinfo=UTC)
RULE_DAY = datetime(2026, 5, 7, 0, 0, tzinfo=UTC)


async def test_create_accepts_the_recipe_wrapper(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    response = await admin.post(
        "/api/recipes",
        json={
            "recipe": {
                "name": "Wrapped",
                "code": recipe_code("netsuite", "jira"),
                "folder_id": str(ids.folder("Invoices")),
                "description": "made in a test",
            }
        },
    )
    assert response.status_code == 200
    created = emu.store.main.recipes[response.json()["id"]]
    assert (created["name"], created["folder_id"]) == ("Wrapped", ids.folder("Invoices"))
    assert created["project_id"] == ids.project("Finance Ops")["id"]
    assert created["applications"] == ["netsuite", "jira"] and created["running"] is False
    got = (await admin.get(f"/api/recipes/{created['id']}")).json()
    assert got["name"] == "Wrapped" and "_project_id" not in got


async def test_create_accepts_top_level_fields(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    response = await admin.post(
        "/api/recipes",
        json={"name": "Flat", "code": recipe_code(), "folder_id": str(ids.folder("Payments"))},
    )
    assert response.json()["success"] is True
    assert emu.store.main.recipes[response.json()["id"]]["name"] == "Flat"


@pytest.mark.parametrize("when", [RULE_DAY, datetime(2026, 11, 22, tzinfo=UTC)])
async def test_create_without_folder_id_is_400_from_7_may_2026(
    admin: Api, clock: FakeClock, emu: Emulator, when: datetime
) -> None:
    clock.set(when)
    before = len(emu.store.main.recipes)
    response = await admin.post(
        "/api/recipes", json={"recipe": {"name": "x", "code": recipe_code()}}
    )
    assert_bad_request(response, "folder_id")
    assert len(emu.store.main.recipes) == before


async def test_create_without_folder_id_is_allowed_before_7_may_2026(
    admin: Api, clock: FakeClock, emu: Emulator
) -> None:
    clock.set(BEFORE_RULE)
    response = await admin.post(
        "/api/recipes", json={"recipe": {"name": "Home", "code": recipe_code()}}
    )
    assert response.json()["success"] is True
    assert emu.store.main.recipes[response.json()["id"]]["folder_id"] is None


async def test_create_rejects_a_numeric_folder_id_and_missing_code(
    admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    numeric = await admin.post(
        "/api/recipes",
        json={"recipe": {"name": "x", "code": recipe_code(), "folder_id": ids.folder("Invoices")}},
    )
    assert_bad_request(numeric, "must be a String")
    clock.advance(1)  # recipe create: 1 request per second (decisions #32)
    no_code = await admin.post(
        "/api/recipes", json={"recipe": {"name": "x", "folder_id": str(ids.folder("Invoices"))}}
    )
    assert_bad_request(no_code, "code")
    clock.advance(1)
    bad_code = await admin.post(
        "/api/recipes",
        json={
            "recipe": {"name": "x", "code": "{not json", "folder_id": str(ids.folder("Invoices"))}
        },
    )
    assert_bad_request(bad_code, "code")


async def test_create_in_the_root_folder_is_400(admin: Api, emu: Emulator) -> None:
    response = await admin.post(
        "/api/recipes",
        json={
            "recipe": {
                "name": "x",
                "code": recipe_code(),
                "folder_id": str(emu.store.root_folder_id),
            }
        },
    )
    assert_bad_request(response, "root folder")


async def test_copy_answers_new_flow_id_and_the_copy_is_stopped(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    original = ids.recipe(NETSUITE_SYNC)
    response = await admin.post(
        f"/api/recipes/{original}/copy", json={"folder_id": str(ids.folder("Payments"))}
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"success", "new_flow_id"} and body["success"] is True
    copy = (await admin.get(f"/api/recipes/{body['new_flow_id']}")).json()
    assert copy["running"] is False and copy["folder_id"] == ids.folder("Payments")
    assert NETSUITE_SYNC in copy["name"] and copy["id"] != original
    assert copy["code"] == emu.store.main.recipes[original]["code"]
    assert emu.store.main.recipes[original]["copy_count"] == 1
    listed = (await admin.get("/api/recipes")).json()["items"]
    assert listed[0]["id"] == body["new_flow_id"]  # newest id first


async def test_copy_rules_for_folder_id(
    admin: Api, ids: DemoIds, clock: FakeClock, emu: Emulator
) -> None:
    path = f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/copy"
    assert_bad_request(
        await admin.post(path, json={"folder_id": ids.folder("Payments")}), "must be a String"
    )
    assert_bad_request(await admin.post(path, json={}), "folder_id")
    clock.set(BEFORE_RULE)
    response = await admin.post(path)
    assert response.json()["success"] is True
    copy = emu.store.main.recipes[response.json()["new_flow_id"]]
    assert copy["folder_id"] == emu.store.main.recipes[ids.recipe(NETSUITE_SYNC)]["folder_id"]


async def test_start_is_refused_with_config_errors_when_a_connection_is_not_authorized(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(ZENDESK_ESCALATION)
    response = await admin.put(f"/api/recipes/{recipe_id}/start")
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is False and body["code_errors"] == []
    zendesk = ids.connection("Zendesk (support)")
    assert [entry[0] for entry in body["config_errors"]] == [1]  # zendesk is step 1
    assert ["account_id", zendesk, "unconnected"] in [f[:3] for f in body["config_errors"][0][1]]
    key = body["config_errors"][0][1][0][3]["key"]
    assert key.endswith("config_unconnected")
    assert emu.store.main.recipes[recipe_id]["running"] is False


async def test_start_and_stop_change_running(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    recipe_id = ids.recipe(MONTH_END)
    assert (await admin.put(f"/api/recipes/{recipe_id}/start")).json() == {"success": True}
    got = (await admin.get(f"/api/recipes/{recipe_id}")).json()
    assert got["running"] is True and got["stopped_at"] is None
    assert (await admin.put(f"/api/recipes/{recipe_id}/stop")).json() == {"success": True}
    got = (await admin.get(f"/api/recipes/{recipe_id}")).json()
    assert got["running"] is False and got["stopped_at"] == emu.store.now_iso()


async def test_stop_of_a_stopped_recipe_is_400(admin: Api, ids: DemoIds) -> None:
    response = await admin.put(f"/api/recipes/{ids.recipe(MONTH_END)}/stop")
    assert_bad_request(response, "not running")


async def test_update_of_a_running_recipe_is_refused(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(NETSUITE_SYNC)
    response = await admin.put(f"/api/recipes/{recipe_id}", json={"recipe": {"name": "x"}})
    assert response.status_code == 200
    assert response.json() == {
        "success": False,
        "errors": {"running": ["can't modify running recipe"]},
    }
    assert emu.store.main.recipes[recipe_id]["name"] == NETSUITE_SYNC


async def test_delete_of_a_running_recipe_is_refused(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(NETSUITE_SYNC)
    response = await admin.delete(f"/api/recipes/{recipe_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is False and body["errors"]["running"]
    assert recipe_id in emu.store.main.recipes


async def test_update_changes_a_stopped_recipe(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    recipe_id = ids.recipe(MONTH_END)
    version = emu.store.main.recipes[recipe_id]["version_no"]
    response = await admin.put(
        f"/api/recipes/{recipe_id}",
        json={
            "recipe": {
                "name": "Quarter-end close",
                "folder_id": str(ids.folder("Payments")),
                "code": recipe_code("scheduler", "snowflake"),
            }
        },
    )
    assert response.json() == {"success": True}
    got = (await admin.get(f"/api/recipes/{recipe_id}")).json()
    assert (got["name"], got["folder_id"]) == ("Quarter-end close", ids.folder("Payments"))
    assert got["applications"] == ["scheduler", "snowflake"]
    assert got["version_no"] == version + 1


async def test_update_with_a_blank_name_is_refused(admin: Api, ids: DemoIds) -> None:
    response = await admin.put(
        f"/api/recipes/{ids.recipe(MONTH_END)}", json={"recipe": {"name": ""}}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False and "name" in response.json()["errors"]


async def test_delete_removes_a_stopped_recipe_and_its_jobs(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(MONTH_END)
    assert (await admin.delete(f"/api/recipes/{recipe_id}")).json() == {"success": True}
    assert (await admin.get(f"/api/recipes/{recipe_id}")).status_code == 404
    assert (await admin.get(f"/api/recipes/{recipe_id}/jobs")).status_code == 404
    assert recipe_id not in emu.store.main.jobs


async def test_writes_are_written_to_the_activity_log(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    await admin.put(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/stop")
    newest = (await admin.get("/api/activity_logs", params={"page[size]": 1})).json()["data"][0]
    assert newest["event_type"] == "recipe_stopped"
    assert newest["resource"] == {
        "id": ids.recipe(NETSUITE_SYNC),
        "name": NETSUITE_SYNC,
        "type": "flow",
    }
    assert newest["user"]["name"] == "Admin console"


async def test_list_filters(admin: Api, ids: DemoIds) -> None:
    running = (await admin.get("/api/recipes", params={"running": "true"})).json()["items"]
    stopped = (await admin.get("/api/recipes", params={"active": "false"})).json()["items"]
    assert running and all(r["running"] for r in running)
    assert stopped and not any(r["running"] for r in stopped)
    in_folder = (
        await admin.get("/api/recipes", params={"folder_id": ids.folder("Invoices")})
    ).json()["items"]
    assert [r["name"] for r in in_folder] == [
        "Create NetSuite invoices from approved Salesforce orders"
    ]
    zendesk = (await admin.get("/api/recipes", params={"adapter_names_any": "zendesk"})).json()[
        "items"
    ]
    assert zendesk and all("zendesk" in r["applications"] for r in zendesk)
    no_code = (await admin.get("/api/recipes", params={"exclude_code": "true"})).json()["items"]
    assert no_code and all(r["code"] == "" for r in no_code)  # decisions #29
    tagged = (await admin.get("/api/recipes", params={"includes[]": "tags"})).json()["items"]
    assert all("tags" in r for r in tagged) and all("tags" not in r for r in running)
    since = (await admin.get("/api/recipes", params={"since_id": ids.recipe(MONTH_END)})).json()[
        "items"
    ]
    assert since and all(r["id"] < ids.recipe(MONTH_END) for r in since)
