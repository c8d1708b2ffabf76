"""The client core: construction, headers, hooks, retries and endpoint coverage."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import httpx
import pytest
from api_test_helpers import BASE, TOKEN, Script, reply

from workato_tui import __version__
from workato_tui.api import (
    ENDPOINT_METHODS,
    ENDPOINTS,
    PAGED_METHODS,
    CallRecord,
    Endpoint,
    InsecureBaseURL,
    PolicyRefused,
    RateLimited,
    ServerError,
    WorkatoClient,
)
from workato_tui.emulator.clock import FakeClock

MakeClient = Callable[..., WorkatoClient]


def test_every_endpoint_has_a_method() -> None:
    assert set(ENDPOINT_METHODS) == {e.id for e in ENDPOINTS}
    for endpoint_id, name in {**ENDPOINT_METHODS, **PAGED_METHODS}.items():
        method = getattr(WorkatoClient, name, None)
        assert callable(method), f"{endpoint_id}: WorkatoClient.{name} is missing"
    for name in ENDPOINT_METHODS.values():
        assert inspect.iscoroutinefunction(getattr(WorkatoClient, name)), name


def test_base_url_from_data_center_or_url() -> None:
    assert WorkatoClient(TOKEN, data_center="eu").base_url == "https://app.eu.workato.com"
    assert (
        WorkatoClient(TOKEN, base_url="http://127.0.0.1:8000/").base_url == "http://127.0.0.1:8000"
    )
    with pytest.raises(InsecureBaseURL):
        WorkatoClient(TOKEN, base_url="http://emulator.local")
    with pytest.raises(ValueError):
        WorkatoClient(TOKEN)
    with pytest.raises(ValueError):
        WorkatoClient(TOKEN, base_url=BASE, data_center="us")
    with pytest.raises(ValueError, match="token") as caught:
        WorkatoClient("bad token\n", base_url=BASE)
    assert "bad token" not in str(caught.value)


async def test_headers_are_bearer_json_and_user_agent(make_client: MakeClient) -> None:
    script = Script(reply(200, {"id": 1, "name": "Acme"}))
    async with make_client(script) as client:
        me = await client.get_me()
    assert me.name == "Acme"
    headers = script.last.headers
    assert headers["authorization"] == f"Bearer {TOKEN}"
    assert headers["accept"] == "application/json"
    assert headers["content-type"] == "application/json"
    assert headers["user-agent"] == f"workato-tui/{__version__}"
    assert not any(h.startswith("x-user") for h in headers)
    assert str(script.last.url) == f"{BASE}/api/users/me"


async def test_context_manager_closes_the_shared_client(make_client: MakeClient) -> None:
    async with make_client(Script()) as client:
        assert not client.closed
    assert client.closed


async def test_on_call_records_each_attempt_without_secrets(
    make_client: MakeClient, records: list[CallRecord], clock: FakeClock
) -> None:
    script = Script(reply(500, {"message": "Server error", "id": "e1"}), reply(200, {"items": []}))
    async with make_client(script) as client:
        await client.list_recipes(folder_id=7, running=True)
    assert [(r.outcome, r.attempt, r.status, r.error) for r in records] == [
        ("server_error", 1, 500, "server_error"),
        ("ok", 2, 200, None),
    ]
    first = records[0]
    assert first.method == "GET" and first.path == "/api/recipes"
    assert first.endpoint_id == "recipes.list" and first.correlation_id == "corr-1"
    assert first.query == {"folder_id": "7", "running": "true", "page": "1", "per_page": "100"}
    assert first.retry_in == 0.5 and clock.monotonic() >= 0.5
    assert all(TOKEN not in repr(r) for r in records)


async def test_before_send_can_block_a_call(
    make_client: MakeClient, records: list[CallRecord]
) -> None:
    seen: list[str] = []

    def policy(endpoint: Endpoint) -> None:
        seen.append(endpoint.id)
        if endpoint.write:
            raise PolicyRefused("the profile is read-only", rule="read_only")

    script = Script(reply(200, {"success": True}))
    async with make_client(script, before_send=policy) as client:
        with pytest.raises(PolicyRefused) as caught:
            await client.delete_recipe(5)
    assert script.requests == []
    assert seen == ["recipes.delete"]
    assert caught.value.path == "/api/recipes/5" and caught.value.method == "DELETE"
    assert [(r.outcome, r.attempt, r.status) for r in records] == [("blocked", 0, None)]
    assert client.limiter.snapshot() == []  # nothing counted against the quota


async def test_read_429_waits_retry_after_then_succeeds(
    make_client: MakeClient, clock: FakeClock, records: list[CallRecord]
) -> None:
    script = Script(
        reply(429, {"message": "Slow"}, headers={"Retry-After": "9"}),
        reply(200, {"id": 5, "name": "R"}),
    )
    async with make_client(script) as client:
        recipe = await client.get_recipe(5)
    assert recipe.id == 5
    assert len(script.requests) == 2
    assert clock.monotonic() == pytest.approx(9.0)
    assert [r.outcome for r in records] == ["rate_limited", "ok"]


async def test_write_retries_429_but_not_500(make_client: MakeClient, clock: FakeClock) -> None:
    script = Script(
        reply(429, {"message": "Slow"}, headers={"Retry-After": "2"}), reply(200, {"success": True})
    )
    async with make_client(script) as client:
        assert (await client.start_recipe(1)).success
    assert len(script.requests) == 2

    script = Script(reply(500, {"message": "Server error", "id": "x"}))
    async with make_client(script) as client:
        with pytest.raises(ServerError):
            await client.start_recipe(1)
    assert len(script.requests) == 1


async def test_reads_give_up_after_bounded_attempts(
    make_client: MakeClient, clock: FakeClock
) -> None:
    script = Script(reply(429, {"message": "Slow"}))  # no Retry-After: back off
    async with make_client(script) as client:
        with pytest.raises(RateLimited):
            await client.list_projects()
    assert len(script.requests) == 4
    assert clock.monotonic() == pytest.approx(0.5 + 1 + 2)


async def test_transport_errors_on_reads_are_retried(make_client: MakeClient) -> None:
    calls = 0

    def flaky(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise httpx.ReadError("reset")
        return reply(200, [])

    async with make_client(Script(flaky)) as client:
        assert await client.list_folders() == []
    assert calls == 2
