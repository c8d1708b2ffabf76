"""Per-token, per-endpoint quotas on the emulator's (fake) clock: 429 with Retry-After."""

from __future__ import annotations

import httpx
from emu_helpers import NETSUITE_SYNC, Api, DemoIds

from workato_tui.emulator import Emulator, FakeClock


def _retry_after(response: httpx.Response) -> int:
    assert response.status_code == 429, response.text
    assert response.headers["x-correlation-id"]
    assert response.json()["message"]
    seconds = int(response.headers["Retry-After"])
    assert seconds >= 1
    return seconds


async def _spend(api: Api, path: str, count: int) -> None:
    for _ in range(count):
        response = await api.get(path)
        assert response.status_code == 200, response.text


async def test_61st_get_in_a_minute_is_429_until_retry_after(admin: Api, clock: FakeClock) -> None:
    await _spend(admin, "/api/recipes", 60)
    refused = await admin.get("/api/recipes")
    seconds = _retry_after(refused)
    assert seconds <= 60
    assert "/api/recipes" in refused.json()["message"]
    clock.advance(seconds - 0.5)
    assert (await admin.get("/api/recipes")).status_code == 429
    clock.advance(0.5)
    assert (await admin.get("/api/recipes")).status_code == 200


async def test_window_slides_rather_than_resets(admin: Api, clock: FakeClock) -> None:
    await _spend(admin, "/api/projects", 30)
    clock.advance(30)
    await _spend(admin, "/api/projects", 30)
    seconds = _retry_after(await admin.get("/api/projects"))
    assert seconds == 30  # the first 30 fall out of the window 30 s from now
    clock.advance(seconds)
    await _spend(admin, "/api/projects", 30)
    assert (await admin.get("/api/projects")).status_code == 429


async def test_quota_is_per_token(admin: Api, readonly: Api) -> None:
    await _spend(admin, "/api/recipes", 60)
    _retry_after(await admin.get("/api/recipes"))
    assert (await readonly.get("/api/recipes")).status_code == 200


async def test_quota_is_per_endpoint(admin: Api, ids: DemoIds) -> None:
    await _spend(admin, "/api/recipes", 60)
    _retry_after(await admin.get("/api/recipes"))
    assert (await admin.get(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}")).status_code == 200
    assert (await admin.get("/api/connections")).status_code == 200


async def test_refused_requests_do_not_consume_quota(
    admin: Api, readonly: Api, http: httpx.AsyncClient
) -> None:
    for _ in range(70):
        assert (await readonly.put("/api/recipes/1/stop")).status_code == 403
        assert (await http.get("/api/recipes")).status_code == 401
    assert (await readonly.get("/api/recipes")).status_code == 200


async def test_connection_create_is_one_per_second(
    emu: Emulator, admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    def body(name: str) -> dict[str, str]:
        return {
            "name": name,
            "provider": "slack",
            "folder_id": str(ids.project_folder("Finance Ops")),
        }

    assert (await admin.post("/api/connections", json=body("a"))).status_code == 200
    clock.advance(0.5)
    refused = await admin.post("/api/connections", json=body("b"))
    assert _retry_after(refused) == 1
    assert "1 request per second" in refused.json()["message"]
    assert "b" not in {c["name"] for c in emu.store.main.connections.values()}
    clock.advance(0.5)
    assert (await admin.post("/api/connections", json=body("b"))).status_code == 200


async def test_connection_update_is_one_per_second(
    admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    path = f"/api/connections/{ids.connection('Jira Cloud')}"
    assert (await admin.put(path, json={"name": "Jira 1"})).status_code == 200
    _retry_after(await admin.put(path, json={"name": "Jira 2"}))
    clock.advance(1)
    assert (await admin.put(path, json={"name": "Jira 2"})).status_code == 200


async def test_repeat_jobs_is_one_per_second(admin: Api, ids: DemoIds, clock: FakeClock) -> None:
    path = f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/repeat_jobs"
    body = {"job_ids": [ids.newest_master_job(NETSUITE_SYNC)]}
    assert (await admin.post(path, json=body)).status_code == 200
    clock.advance(0.9)
    _retry_after(await admin.post(path, json=body))
    clock.advance(0.1)
    assert (await admin.post(path, json=body)).status_code == 200


async def test_embedded_jobs_allow_1000_per_minute(admin: Api, ids: DemoIds) -> None:
    path = f"/api/managed_users/EA2300/recipes/{ids.customer_recipe('A2300')}"
    await _spend(admin, path, 100)  # well past the standard 60
    assert (await admin.get(path)).status_code == 200


async def test_quotas_can_be_switched_off(emu: Emulator, admin: Api) -> None:
    emu.quotas.enabled = False
    await _spend(admin, "/api/users/me", 80)
