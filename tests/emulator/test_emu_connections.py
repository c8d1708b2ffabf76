"""Connections: create (folder_id rule, credentials), update, disconnect and delete rules."""

from __future__ import annotations

from datetime import UTC, datetime

from emu_helpers import Api, DemoIds, assert_bad_request

from workato_tui.emulator import Emulator, FakeClock

SALESFORCE = "Salesforce (production)"  # used by the running NetSuite sync


def _body(ids: DemoIds, **extra: object) -> dict[str, object]:
    return {
        "name": "Slack: #ap-team",
        "provider": "slack",
        "folder_id": str(ids.folder("Payments")),
        **extra,
    }


async def test_create_answers_a_connection_and_stores_it(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    response = await admin.post("/api/connections", json=_body(ids, input={"token": "xoxb-good"}))
    assert response.status_code == 200
    made = response.json()
    assert made["name"] == "Slack: #ap-team" and made["application"] == "slack"
    assert made["folder_id"] == ids.folder("Payments")
    assert made["project_id"] == ids.project("Finance Ops")["id"]
    assert made["authorization_status"] == "success" and "tags" not in made
    listed = {c["id"] for c in (await admin.get("/api/connections")).json()}
    assert made["id"] in listed and made["id"] in emu.store.main.connections


async def test_create_accepts_the_connection_wrapper(admin: Api, ids: DemoIds) -> None:
    response = await admin.post("/api/connections", json={"connection": _body(ids)})
    assert response.json()["name"] == "Slack: #ap-team"


async def test_create_with_bad_credentials_is_not_authorized(admin: Api, ids: DemoIds) -> None:
    made = (
        await admin.post("/api/connections", json=_body(ids, input={"token": "invalid"}))
    ).json()
    assert made["authorization_status"] == "failed" and made["authorization_error"]


async def test_create_as_shell_is_not_authorized(admin: Api, ids: DemoIds) -> None:
    made = (await admin.post("/api/connections", json=_body(ids, shell_connection=True))).json()
    assert made["authorization_status"] is None and made["authorized_at"] is None


async def test_create_requires_name_provider_and_a_folder_id(
    admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    assert_bad_request(
        await admin.post("/api/connections", json={**_body(ids), "name": ""}), "name"
    )
    clock.advance(1)
    assert_bad_request(
        await admin.post("/api/connections", json={**_body(ids), "provider": None}), "provider"
    )
    clock.advance(1)
    assert_bad_request(
        await admin.post("/api/connections", json={**_body(ids), "folder_id": "Payments"}),
        "folder id",
    )
    clock.advance(1)
    assert_bad_request(
        await admin.post("/api/connections", json={"name": "x", "provider": "slack"}), "folder_id"
    )


async def test_create_without_folder_id_is_allowed_before_7_may_2026(
    admin: Api, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 5, 6, 12, tzinfo=UTC))
    made = (await admin.post("/api/connections", json={"name": "x", "provider": "slack"})).json()
    assert made["folder_id"] is None


async def test_update_changes_name_and_credentials(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    connection_id = ids.connection("Zendesk (support)")
    response = await admin.put(
        f"/api/connections/{connection_id}",
        json={"name": "Zendesk (helpdesk)", "input": {"token": "ok"}},
    )
    assert response.status_code == 200
    stored = emu.store.main.connections[connection_id]
    assert stored["name"] == "Zendesk (helpdesk)"
    assert stored["authorization_status"] == "success" and stored["authorized_at"]
    assert response.json()["name"] == "Zendesk (helpdesk)"


async def test_update_of_an_unknown_connection_is_404(admin: Api) -> None:
    assert (await admin.put("/api/connections/424242", json={"name": "x"})).status_code == 404


async def test_delete_of_a_connection_used_by_running_recipes_is_400(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    connection_id = ids.connection(SALESFORCE)
    response = await admin.delete(f"/api/connections/{connection_id}")
    body = assert_bad_request(response, "running recipe")
    assert "Sync closed-won opportunities to NetSuite" in body["message"]
    assert connection_id in emu.store.main.connections


async def test_delete_of_an_unused_connection_removes_it(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    connection_id = ids.connection("NetSuite (sandbox)")
    assert (await admin.delete(f"/api/connections/{connection_id}")).json() == {"success": True}
    assert connection_id not in emu.store.main.connections
    assert connection_id not in {c["id"] for c in (await admin.get("/api/connections")).json()}


async def test_disconnect_without_force_is_refused_while_running_recipes_use_it(
    emu: Emulator, admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    connection_id = ids.connection(SALESFORCE)
    path = f"/api/connections/{connection_id}/disconnect"
    assert_bad_request(await admin.post(path), "force")
    assert emu.store.main.connections[connection_id]["authorization_status"] == "success"
    clock.advance(1)
    response = await admin.post(path, json={"force": True})
    assert response.json() == {"success": True, "status": "disconnected"}
    listed = {c["id"]: c for c in (await admin.get("/api/connections")).json()}
    assert listed[connection_id]["authorization_status"] is None  # decisions #28
    assert listed[connection_id]["authorized_at"] is None


async def test_disconnect_accepts_force_as_a_query_parameter(admin: Api, ids: DemoIds) -> None:
    path = f"/api/connections/{ids.connection(SALESFORCE)}/disconnect"
    response = await admin.post(path, params={"force": "true"})
    assert response.json()["status"] == "disconnected"


async def test_disconnect_of_an_idle_connection_needs_no_force(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    connection_id = ids.connection("Salesforce (sales sandbox)")
    emu.store.main.recipes[ids.recipe("Route inbound leads by territory")]["running"] = False
    response = await admin.post(f"/api/connections/{connection_id}/disconnect")
    assert response.json()["success"] is True
    assert emu.store.main.connections[connection_id]["authorization_status"] is None


async def test_list_filters_by_folder_and_shows_tags_on_request(admin: Api, ids: DemoIds) -> None:
    folder = ids.folder("Month-end close")
    listed = (await admin.get("/api/connections", params={"folder_id": folder})).json()
    assert [c["name"] for c in listed] == ["NetSuite (sandbox)"]
    tagged = (await admin.get("/api/connections", params={"includes[]": "tags"})).json()
    assert all("tags" in c for c in tagged)
    plain = (await admin.get("/api/connections")).json()
    assert all("tags" not in c for c in plain)
    assert all(not key.startswith("_") for c in plain for key in c)
