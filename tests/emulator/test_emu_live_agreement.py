"""The emulator answers as the live service does where decisions.md rows 26-35 say how
(issue 9 items 1-8 and 10): the old answers these tests replace were the emulator's guesses."""

from __future__ import annotations

import pytest
from emu_helpers import (
    MONTH_END,
    ZENDESK_ESCALATION,
    Api,
    DemoIds,
    assert_bad_request,
    recipe_code,
)

from workato_tui.api.endpoints import BY_ID
from workato_tui.emulator import DEMO_RESUME_TOKEN, Emulator, FakeClock
from workato_tui.emulator.ratelimit import QuotaKeeper

ALLOWED_STATUSES = {"success", "failed", "exception", None}


# 1. start refusals ----------------------------------------------------------------------------


async def test_start_refusal_names_each_step_in_the_live_layout(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    recipe = emu.store.main.recipes[ids.recipe(ZENDESK_ESCALATION)]
    jira = ids.connection("Jira Cloud")
    emu.store.main.connections[jira]["authorization_status"] = "failed"
    body = (await admin.put(f"/api/recipes/{recipe['id']}/start")).json()
    assert body["success"] is False and body["code_errors"] == []
    # zendesk is the trigger (step 1), jira the first action (step 2)
    assert [step for step, _ in body["config_errors"]] == [1, 2]
    step_two = body["config_errors"][1][1]
    assert step_two == [
        [
            "account_id",
            jira,
            "unconnected",
            {"key": "packages.recipe_source_code.flow_validations.errors.config_unconnected"},
        ]
    ]


# 2. folder_id types ---------------------------------------------------------------------------


async def test_connection_create_takes_folder_id_as_an_integer_or_a_string(
    emu: Emulator, admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    folder = ids.folder("Payments")
    for sent in (folder, str(folder)):
        body = {"name": f"Box {sent!r}", "provider": "box", "folder_id": sent}
        response = await admin.post("/api/connections", json=body)
        assert response.status_code == 200, response.text
        assert emu.store.main.connections[response.json()["id"]]["folder_id"] == folder
        clock.advance(1)


async def test_recipe_create_and_copy_keep_the_string_rule(
    admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    folder = ids.folder("Invoices")
    create = {"recipe": {"name": "x", "code": recipe_code(), "folder_id": folder}}
    assert_bad_request(await admin.post("/api/recipes", json=create), "must be a String")
    copy = await admin.post(
        f"/api/recipes/{ids.recipe(MONTH_END)}/copy", json={"folder_id": folder}
    )
    assert_bad_request(copy, "must be a String")


# 3. authorization_status ----------------------------------------------------------------------


async def test_a_disconnected_connection_reads_null_and_no_status_is_invented(
    admin: Api, ids: DemoIds
) -> None:
    connection = ids.connection("Salesforce (sales sandbox)")
    response = await admin.post(
        f"/api/connections/{connection}/disconnect", params={"force": "true"}
    )
    assert response.json()["success"] is True
    listed = {c["id"]: c for c in (await admin.get("/api/connections")).json()}
    assert listed[connection]["authorization_status"] is None
    assert listed[connection]["authorized_at"] is None
    assert {c["authorization_status"] for c in listed.values()} <= ALLOWED_STATUSES


# 4. exclude_code ------------------------------------------------------------------------------


async def test_exclude_code_keeps_code_as_a_string(admin: Api) -> None:
    items = (await admin.get("/api/recipes", params={"exclude_code": "true"})).json()["items"]
    assert items and all(isinstance(r["code"], str) and r["code"] == "" for r in items)
    full = (await admin.get("/api/recipes")).json()["items"]
    assert all(r["code"].startswith("{") for r in full)


# 5. time filters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/recipes", "updated_after"),
        ("/api/recipes", "stopped_after"),
        ("/api/connections", "updated_after"),
        ("/api/deployments", "from"),
        ("/api/deployments", "to"),
        ("/api/activity_logs", "from"),
        ("/api/activity_logs", "to"),
    ],
)
async def test_time_filters_read_naive_times_as_utc_and_refuse_garbage(
    admin: Api, path: str, name: str
) -> None:
    naive = await admin.get(path, params={name: "2020-01-01T00:00:00"})
    zulu = await admin.get(path, params={name: "2020-01-01T00:00:00Z"})
    date_only = await admin.get(path, params={name: "2020-01-01"})
    assert naive.status_code == zulu.status_code == date_only.status_code == 200, naive.text
    assert naive.json() == zulu.json() == date_only.json()
    garbage = assert_bad_request(await admin.get(path, params={name: "last tuesday"}), name)
    assert name in garbage["errors"][0]["title"]


# 6. projects' parent ----------------------------------------------------------------------------


async def test_projects_sit_under_the_home_folder_which_is_not_listed(admin: Api) -> None:
    me = (await admin.get("/api/users/me")).json()
    top = (await admin.get("/api/folders")).json()
    assert top and all(f["parent_id"] == me["root_folder_id"] for f in top)
    assert me["root_folder_id"] not in {f["id"] for f in top}
    under_home = await admin.get("/api/folders", params={"parent_id": me["root_folder_id"]})
    assert under_home.json() == top
    created = (await admin.post("/api/folders", json={"name": "Procurement"})).json()
    assert created["is_project"] and created["parent_id"] == me["root_folder_id"]


# 7. quotas --------------------------------------------------------------------------------------


async def test_recipe_create_is_one_request_per_second(
    admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    body = {
        "recipe": {"name": "x", "code": recipe_code(), "folder_id": str(ids.folder("Invoices"))}
    }
    assert (await admin.post("/api/recipes", json=body)).status_code == 200
    second = await admin.post("/api/recipes", json=body)
    assert second.status_code == 429 and second.headers["Retry-After"] == "1"
    clock.advance(1)
    assert (await admin.post("/api/recipes", json=body)).status_code == 200


async def test_job_resume_is_100_per_minute(admin: Api) -> None:
    for _ in range(100):
        response = await admin.post("/api/job/resume", json={"token": "no-such-token"})
        assert response.status_code == 404
    over = await admin.post("/api/job/resume", json={"token": DEMO_RESUME_TOKEN})
    assert over.status_code == 429


async def test_embedded_quotas_are_shared_by_every_token_of_the_workspace(
    admin: Api, readonly: Api, finance: Api, ids: DemoIds
) -> None:
    for _ in range(60):
        assert (await admin.get("/api/managed_users")).status_code == 200
    assert (await readonly.get("/api/managed_users")).status_code == 429
    assert (await admin.get("/api/recipes")).status_code == 200  # other quotas stay per token
    jobs = ids.customer_jobs("A2300")
    master = next(j["id"] for j in reversed(jobs) if not j["is_repeat"])
    path = f"/api/managed_users/EA2300/recipes/{ids.customer_recipe('A2300')}/repeat_jobs"
    assert (await admin.post(path, json={"job_ids": [master]})).status_code == 200
    assert (await finance.post(path, json={"job_ids": [master]})).status_code == 429


def test_embedded_job_list_and_detail_share_one_bucket(clock: FakeClock) -> None:
    keeper = QuotaKeeper(clock)
    listing, detail = BY_ID["customers.jobs.list"], BY_ID["customers.jobs.get"]
    for n in range(listing.quota.limit):
        assert keeper.admit(f"token-{n % 3}", listing) is None
    assert keeper.admit("another-token", detail) is not None


# 8. connection filters --------------------------------------------------------------------------


async def test_connections_filter_by_project_and_the_other_documented_filters(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    ws = emu.store.main
    project = ids.project("Finance Ops")
    listed = (await admin.get("/api/connections", params={"project_id": project["id"]})).json()
    expected = {c["id"] for c in ws.connections.values() if c["project_id"] == project["id"]}
    assert expected and {c["id"] for c in listed} == expected
    target = next(iter(ws.connections.values()))
    target.update(external_id="ext-42", parent_id=ids.connection("Jira Cloud"))
    by_external = (await admin.get("/api/connections", params={"external_id": "ext-42"})).json()
    assert [c["id"] for c in by_external] == [target["id"]]
    by_parent = (
        await admin.get("/api/connections", params={"parent_id": target["parent_id"]})
    ).json()
    assert [c["id"] for c in by_parent] == [target["id"]]
    target["_runtime"] = True
    hidden = (await admin.get("/api/connections")).json()
    shown = (
        await admin.get("/api/connections", params={"include_runtime_connections": "true"})
    ).json()
    assert target["id"] not in {c["id"] for c in hidden}
    assert target["id"] in {c["id"] for c in shown}
    assert_bad_request(
        await admin.get("/api/connections", params={"project_id": "abc"}), "project_id"
    )


# 10. 404 bodies -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/recipes/1",
        "/api/recipes/1/jobs",
        "/api/lookup_tables/1/rows",
        "/api/deployments/1",
        "/api/on_prem_groups/1/status",
        "/api/managed_users/1/recipes",
        "/api/recipes/%C2%B2",
    ],
)
async def test_unknown_assets_answer_not_found(admin: Api, path: str) -> None:
    response = await admin.get(path)
    assert response.status_code == 404
    assert response.json() == {"message": "Not found"}


async def test_out_of_scope_assets_answer_the_same_not_found(finance: Api, ids: DemoIds) -> None:
    response = await finance.get(f"/api/recipes/{ids.recipe(ZENDESK_ESCALATION)}")
    assert response.status_code == 404
    assert response.json() == {"message": "Not found"}
