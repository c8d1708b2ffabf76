"""Each error type from real emulator answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workato_tui.api import (
    BadRequest,
    CallRecord,
    Forbidden,
    MalformedResponse,
    NoRetry,
    NotFound,
    RateLimited,
    ReadRetry,
    Refused,
    ServerError,
    Timeout,
    TransportError,
    Unauthorized,
    WorkatoClient,
    WorkatoError,
)

EmuClient = Callable[..., WorkatoClient]
ZENDESK_RECIPE = "Escalate urgent Zendesk tickets to Jira"


def recipe_id(emu: Any, name: str) -> int:
    return int(next(r["id"] for r in emu.store.main.recipes.values() if r["name"] == name))


def project_id(emu: Any, name: str) -> int:
    return int(next(p["id"] for p in emu.store.main.projects.values() if p["name"] == name))


def assert_filled(error: WorkatoError, endpoint: str, status: int | None) -> None:
    assert error.endpoint == endpoint and error.status == status
    assert error.method and error.path and error.correlation_id


async def test_readonly_token_write_is_forbidden(emu: Any, emu_client: EmuClient) -> None:
    recipe = recipe_id(emu, ZENDESK_RECIPE)
    async with emu_client("demo-readonly-token") as client:
        assert (await client.get_recipe(recipe)).id == recipe
        with pytest.raises(Forbidden) as caught:
            await client.delete_recipe(recipe)
    assert_filled(caught.value, "recipes.delete", 403)
    assert caught.value.privilege == "Recipes: delete"
    assert recipe in emu.store.main.recipes


async def test_out_of_scope_is_not_found_for_the_finance_token(
    emu: Any, emu_client: EmuClient
) -> None:
    async with emu_client("demo-finance-token") as client:
        projects = await client.list_projects()
        assert [p.name for p in projects] == ["Finance Ops"]
        with pytest.raises(NotFound) as caught:
            await client.get_recipe(recipe_id(emu, ZENDESK_RECIPE))
    assert_filled(caught.value, "recipes.get", 404)


async def test_bad_token_is_unauthorized(emu: Any, emu_client: EmuClient) -> None:
    async with emu_client("not-a-real-token") as client:
        with pytest.raises(Unauthorized) as caught:
            await client.get_me()
    assert_filled(caught.value, "users.me", 401)
    assert "not-a-real-token" not in str(caught.value)


async def test_missing_folder_id_is_bad_request_with_details(
    emu: Any, emu_client: EmuClient
) -> None:
    async with emu_client() as client:
        with pytest.raises(BadRequest) as caught:
            await client.create_recipe(name="x", code="{}", folder_id=None)
    assert_filled(caught.value, "recipes.create", 400)
    assert any("folder_id" in d for d in caught.value.details)


async def test_starting_a_recipe_with_an_unauthorized_connection_is_refused(
    emu: Any, emu_client: EmuClient
) -> None:
    recipe = recipe_id(emu, ZENDESK_RECIPE)
    async with emu_client() as client:
        with pytest.raises(Refused) as caught:
            await client.start_recipe(recipe)
    error = caught.value
    assert_filled(error, "recipes.start", 200)
    zendesk = emu.store.main.connections
    zendesk_id = next(c["id"] for c in zendesk.values() if c["name"] == "Zendesk (support)")
    assert [(p.kind, p.step, p.field, p.value, p.message) for p in error.problems] == [
        ("config", 1, "account_id", zendesk_id, "unconnected")
    ]
    assert any(d.startswith("step 1: account_id unconnected") for d in error.details)
    assert emu.store.main.recipes[recipe]["running"] is False


async def test_429_when_the_limiter_is_off(emu: Any, emu_client: EmuClient) -> None:
    async with emu_client(read_retry=NoRetry()) as client:
        client.limiter.enabled = False
        for _ in range(60):
            await client.list_folders()
        with pytest.raises(RateLimited) as caught:
            await client.list_folders()
    assert_filled(caught.value, "folders.list", 429)
    assert caught.value.retry_after is not None and caught.value.retry_after >= 1


async def test_500_fault_carries_the_error_id(emu: Any, emu_client: EmuClient) -> None:
    emu.faults.add("/api/recipes/*", "error500")
    async with emu_client(read_retry=ReadRetry(attempts=2)) as client:
        with pytest.raises(ServerError) as caught:
            await client.get_recipe(recipe_id(emu, ZENDESK_RECIPE))
    assert_filled(caught.value, "recipes.get", 500)
    assert caught.value.error_id and caught.value.error_id in str(caught.value)
    assert [r.status for r in emu.store.requests] == [500, 500]


async def test_500_then_success_is_retried_for_reads(
    emu: Any, emu_client: EmuClient, records: list[CallRecord]
) -> None:
    emu.faults.add("/api/recipes*", "error500", times=2)
    async with emu_client() as client:
        assert await client.list_recipes()
    assert [r.outcome for r in records] == ["server_error", "server_error", "ok"]


async def test_hang_is_a_timeout(emu: Any, emu_client: EmuClient) -> None:
    emu.faults.add("/api/connections", "hang", method="GET")
    async with emu_client(timeout=0.1, read_retry=ReadRetry(attempts=2)) as client:
        with pytest.raises(Timeout) as caught:
            await client.list_connections()
    assert caught.value.write is False
    assert caught.value.endpoint == "connections.list"
    assert len(emu.store.requests) == 2  # a read is retried


async def test_dropped_connection_is_a_transport_error(emu: Any, emu_client: EmuClient) -> None:
    emu.faults.add("/api/folders", "drop")
    async with emu_client(read_retry=NoRetry()) as client:
        with pytest.raises(TransportError) as caught:
            await client.list_folders()
    assert caught.value.endpoint == "folders.list" and caught.value.path == "/api/folders"


async def test_truncated_json_is_malformed(emu: Any, emu_client: EmuClient) -> None:
    emu.faults.add("/api/projects", "malformed")
    async with emu_client() as client:
        with pytest.raises(MalformedResponse) as caught:
            await client.list_projects()
    assert_filled(caught.value, "projects.list", 200)
    assert len(emu.store.requests) == 1  # malformed answers are not retried


async def test_out_of_scope_write_is_not_found(emu: Any, emu_client: EmuClient) -> None:
    async with emu_client("demo-finance-token") as client:
        with pytest.raises(NotFound):
            await client.update_project(project_id(emu, "Sales Ops"), name="Mine now")
    assert emu.store.main.projects[project_id(emu, "Sales Ops")]["name"] == "Sales Ops"
