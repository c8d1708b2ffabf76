"""Client methods for recipe connect and versions, folder and project delete, and job step
data (decisions #34, #36-#38): the requests they send and the shapes they accept."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from api_test_helpers import BASE, Script, reply

from workato_tui.api import Forbidden, Refused, WorkatoClient
from workato_tui.emulator.seed import NETSUITE_SYNC

MakeClient = Callable[..., WorkatoClient]
VERSION = {
    "id": 9,
    "version_no": 3,
    "comment": "Map the subsidiary",
    "author_name": "Ana Ruiz",
    "author_email": "ana@example.com",
    "created_at": "2026-07-01T10:00:00.000-07:00",
    "updated_at": "2026-07-01T10:00:00.000-07:00",
}


async def test_connect_sends_adapter_and_connection(make_client: MakeClient) -> None:
    script = Script(reply(200, {"success": True}))
    async with make_client(script) as client:
        answer = await client.connect_recipe(5, adapter_name="slack", connection_id=77)
    assert answer.success
    assert script.last.method == "PUT" and str(script.last.url) == f"{BASE}/api/recipes/5/connect"
    assert json.loads(script.last.content) == {"adapter_name": "slack", "connection_id": 77}


async def test_connect_refused_while_running_raises_refused(make_client: MakeClient) -> None:
    body = {"success": False, "message": "Stop the recipe first."}
    async with make_client(Script(reply(200, body))) as client:
        with pytest.raises(Refused) as caught:
            await client.connect_recipe(5, adapter_name="slack", connection_id=77)
    assert caught.value.message == "Stop the recipe first."


@pytest.mark.parametrize("body", [{"data": [VERSION]}, [VERSION]], ids=["data", "bare"])
async def test_versions_accept_data_envelope_or_a_bare_array(
    make_client: MakeClient, body: Any
) -> None:
    script = Script(reply(200, body))
    async with make_client(script) as client:
        versions = await client.list_recipe_versions(5, page=2, per_page=10)
    assert [(v.id, v.version_no, v.author_name) for v in versions] == [(9, 3, "Ana Ruiz")]
    assert versions[0].created_at is not None and versions[0].comment == "Map the subsidiary"
    assert script.last.url.path == "/api/recipes/5/versions"
    assert dict(script.last.url.params) == {"page": "2", "per_page": "10"}


async def test_delete_folder_and_project_paths(make_client: MakeClient) -> None:
    script = Script(reply(200, {"success": True}))
    async with make_client(script) as client:
        assert (await client.delete_folder(12)).success
        assert (await client.delete_project(34)).success
    assert [(r.method, r.url.path) for r in script.requests] == [
        ("DELETE", "/api/folders/12"),
        ("DELETE", "/api/projects/34"),
    ]


async def test_cannot_destroy_folder_is_a_forbidden_with_its_message(
    make_client: MakeClient,
) -> None:
    script = Script(reply(403, {"message": "Cannot destroy folder"}))
    async with make_client(script) as client:
        with pytest.raises(Forbidden) as caught:
            await client.delete_folder(12)
    assert caught.value.message == "Cannot destroy folder"


async def test_job_lines_carry_input_output_error_and_masking(
    emu: Any, emu_client: Callable[..., WorkatoClient]
) -> None:
    ws = emu.store.main
    recipe = next(r for r in ws.recipes.values() if r["name"] == NETSUITE_SYNC)
    failed = next(j for j in reversed(ws.job_log(recipe["id"]).jobs) if j["status"] == "failed")
    async with emu_client() as client:
        detail = await client.get_job(recipe["id"], failed["id"])
    trigger, *_, last = detail.lines
    assert trigger.adapter_name == "salesforce" and not trigger.masked
    assert isinstance(trigger.output, dict) and trigger.output  # the record that triggered it
    assert last.error and last.error == failed["error"]
    assert all(line.has_data or line.masked for line in detail.lines)
    assert all(not line.has_data for line in detail.lines if line.masked)
