"""Authentication, client roles (read-only token), correlation ids and server errors."""

from __future__ import annotations

import uuid

import httpx
import pytest
from emu_cases import CASES
from emu_helpers import NETSUITE_SYNC, Api, DemoIds, bearer

from workato_tui.api.endpoints import BY_ID, WRITE_ENDPOINTS, Endpoint
from workato_tui.emulator import ADMIN_TOKEN, Emulator
from workato_tui.emulator.context import HANDLERS
from workato_tui.emulator.seed import add_api_client
from workato_tui.emulator.store import ClientRole

READ_ENDPOINT_IDS = sorted(e.id for e in BY_ID.values() if not e.write)


def _assert_unauthorized(response: httpx.Response) -> str:
    assert response.status_code == 401, response.text
    assert response.headers["x-correlation-id"]
    return str(response.json()["message"])


async def test_missing_authorization_is_401(http: httpx.AsyncClient) -> None:
    assert _assert_unauthorized(await http.get("/api/recipes")) == "Unauthorized"


async def test_unknown_token_is_401(http: httpx.AsyncClient) -> None:
    response = await http.get("/api/recipes", headers=bearer("wrkaus-not-a-real-token"))
    message = _assert_unauthorized(response)
    assert "wrkaus-not-a-real-token" not in message  # never echo a token


@pytest.mark.parametrize(
    "authorization",
    [
        f"Token {ADMIN_TOKEN}",
        f"Basic {ADMIN_TOKEN}",
        ADMIN_TOKEN,
        "Bearer",
        "Bearer    ",
    ],
)
async def test_non_bearer_authorization_is_401(http: httpx.AsyncClient, authorization: str) -> None:
    response = await http.get("/api/recipes", headers={"Authorization": authorization})
    _assert_unauthorized(response)


async def test_bearer_scheme_is_case_insensitive(http: httpx.AsyncClient) -> None:
    response = await http.get("/api/recipes", headers={"Authorization": f"bearer {ADMIN_TOKEN}"})
    assert response.status_code == 200


async def test_legacy_headers_are_refused_with_a_migration_message(http: httpx.AsyncClient) -> None:
    response = await http.get(
        "/api/recipes",
        headers={"x-user-token": "0123456789abcdef", "x-user-email": "alex@example.com"},
    )
    message = _assert_unauthorized(response)
    assert "removed" in message and "Bearer" in message
    assert "0123456789abcdef" not in message


async def test_legacy_query_params_are_refused_with_a_migration_message(
    http: httpx.AsyncClient,
) -> None:
    response = await http.get(
        "/api/recipes", params={"user_token": "abc", "user_email": "a@example.com"}
    )
    message = _assert_unauthorized(response)
    assert "removed" in message and "Bearer" in message


async def test_unauthenticated_requests_never_reach_a_handler(
    emu: Emulator, http: httpx.AsyncClient, ids: DemoIds
) -> None:
    await http.put(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/stop")
    assert emu.store.main.recipes[ids.recipe(NETSUITE_SYNC)]["running"] is True
    assert emu.requests[-1].status == 401 and emu.requests[-1].client_id is None


@pytest.mark.parametrize("endpoint_id", READ_ENDPOINT_IDS)
async def test_readonly_token_reads_every_get_endpoint(
    readonly: Api, ids: DemoIds, endpoint_id: str
) -> None:
    method, path, _ = CASES[endpoint_id][0](ids)
    response = await readonly.request(method, path)
    assert response.status_code == 200, response.text


def _placeholder_path(endpoint: Endpoint) -> str:
    return endpoint.url(**{name: "1" for name in endpoint.pattern.groupindex})


@pytest.mark.parametrize("endpoint", WRITE_ENDPOINTS, ids=lambda e: e.id)
async def test_readonly_token_is_forbidden_every_write(readonly: Api, endpoint: Endpoint) -> None:
    response = await readonly.request(endpoint.method, _placeholder_path(endpoint), json={})
    assert response.status_code == 403, response.text
    assert response.headers["x-correlation-id"]
    message = response.json()["message"]
    assert endpoint.privilege in message and endpoint.display_path in message


async def test_readonly_forbidden_write_changes_nothing(
    emu: Emulator, readonly: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(NETSUITE_SYNC)
    assert (await readonly.put(f"/api/recipes/{recipe_id}/stop")).status_code == 403
    assert (await readonly.delete(f"/api/recipes/{recipe_id}")).status_code == 403
    assert emu.store.main.recipes[recipe_id]["running"] is True


async def test_unknown_path_is_404_not_found(admin: Api) -> None:
    for method, path in (
        ("GET", "/api/customers"),
        ("PATCH", "/api/recipes"),
        ("GET", "/api/recipes/1/jobs/2/extra"),
    ):
        response = await admin.request(method, path)
        assert response.status_code == 404
        assert response.json() == {"message": "Not found"}
        assert response.headers["x-correlation-id"]


async def test_unknown_numeric_id_is_404(admin: Api) -> None:
    for path in (
        "/api/recipes/999999999",
        "/api/recipes/abc",
        "/api/deployments/1",
        "/api/on_prem_groups/1/status",
        "/api/lookup_tables/1/rows",
    ):
        response = await admin.get(path)
        assert response.status_code == 404, path
        assert isinstance(response.json()["message"], str)


async def test_correlation_ids_are_fresh_per_response(admin: Api) -> None:
    seen = {(await admin.get("/api/users/me")).headers["x-correlation-id"] for _ in range(5)}
    assert len(seen) == 5


async def test_a_crashing_handler_answers_500_with_an_error_id(
    admin: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def crash(ctx: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(HANDLERS, "users.me", crash)
    response = await admin.get("/api/users/me")
    assert response.status_code == 500
    body = response.json()
    assert set(body) == {"message", "id"} and body["message"] == "Server error"
    uuid.UUID(body["id"])
    assert response.headers["x-correlation-id"]
    assert "boom" not in response.text


async def test_malformed_json_body_is_400(admin: Api, http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/api/folders",
        content=b'{"name": ',
        headers={**bearer(ADMIN_TOKEN), "content-type": "application/json"},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["message"] and body["errors"][0]["code"] == "malformed_json"


async def test_requests_are_logged_with_endpoint_and_client(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    await admin.get("/api/recipes", params={"per_page": 5})
    seen = emu.requests[-1]
    assert (seen.method, seen.path, seen.query) == ("GET", "/api/recipes", "per_page=5")
    assert seen.endpoint_id == "recipes.list" and seen.status == 200
    assert seen.client_id == ids.api_client("Admin console")


async def test_a_role_without_an_endpoint_is_403_for_it_only(
    emu: Emulator, ids: DemoIds, http: httpx.AsyncClient
) -> None:
    role = ClientRole(emu.store.new_id(), "Recipe lister", frozenset({"recipes.list"}))
    emu.store.client_roles[role.id] = role
    add_api_client(emu.store, "Lister", role, "lister-token")
    lister = Api(http, "lister-token")
    assert (await lister.get("/api/recipes")).status_code == 200
    refused = await lister.get(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}")
    assert refused.status_code == 403
    assert "Recipes: details" in refused.json()["message"]
    assert (await lister.get("/api/connections")).status_code == 403
