"""Models tolerate unknown fields and every envelope; secrets never print."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from api_test_helpers import Script, reply

from workato_tui.api import MalformedResponse, WorkatoClient
from workato_tui.api.models import LookupTable, Recipe, RepeatJobsResult, unwrap_list

MakeClient = Callable[..., WorkatoClient]
DEPLOYMENT = {"id": 3, "project_id": "42", "state": "success"}


@pytest.mark.parametrize(
    "body",
    [
        [DEPLOYMENT],
        {"items": [DEPLOYMENT]},
        {"data": [DEPLOYMENT]},
        {"result": [DEPLOYMENT]},
        {"result": {"count": 1, "items": [DEPLOYMENT]}},
    ],
)
async def test_lists_unwrap_every_envelope(make_client: MakeClient, body: object) -> None:
    async with make_client(Script(reply(200, body))) as client:
        deployments = await client.list_deployments()
    assert [(d.id, d.project_id, d.state) for d in deployments] == [(3, 42, "success")]


async def test_a_body_without_a_list_is_malformed(make_client: MakeClient) -> None:
    async with make_client(Script(reply(200, {"message": "hello"}))) as client:
        with pytest.raises(MalformedResponse):
            await client.list_deployments()


def test_unknown_fields_are_kept() -> None:
    recipe = Recipe.model_validate(
        {"id": 1, "name": "R", "brand_new_field": [1, 2], "updated_at": "not a date"}
    )
    assert recipe.model_extra == {"brand_new_field": [1, 2]}
    assert recipe.updated_at is None
    assert unwrap_list({"result": {"items": [1]}}) == [1]


def test_lookup_table_schema_is_parsed() -> None:
    table = LookupTable.model_validate(
        {
            "id": 1,
            "name": "Countries",
            "project_id": "523144",
            "schema": '[{"label":"code","name":"col1"},{"label":"name","name":"col2"}]',
        }
    )
    assert table.columns == ["code", "name"]
    assert table.project_id == 523144
    assert LookupTable.model_validate({"id": 2, "schema": "not json"}).columns == []


def test_repeat_results_in_both_shapes() -> None:
    result = RepeatJobsResult.model_validate(
        {
            "results": [
                {"requested_job_id": "j-1", "status": "enqueued", "job": {"id": "j-9"}},
                {
                    "requested_job_id": "j-2",
                    "status": "failed",
                    "error": {"type_id": "err.item.not_found", "message": "Job not found"},
                },
                {"job_id": "j-3", "status": "failed", "error": "expired"},
            ],
            "summary": {"total_requested": 3, "total_enqueued": 1, "total_failed": 2},
        }
    )
    assert [r.requested for r in result.results] == ["j-1", "j-2", "j-3"]
    assert [r.error_message for r in result.results] == [None, "Job not found", "expired"]
    assert result.results[0].job is not None and result.results[0].job.id == "j-9"


async def test_new_api_client_token_is_secret(make_client: MakeClient) -> None:
    body = {"result": {"id": 7, "name": "CI", "token": {"value": "wrkaus-brand-new-secret"}}}
    async with make_client(Script(reply(200, body))) as client:
        created = await client.create_api_client(
            name="CI", api_privilege_group_id=1, all_folders=True
        )
    assert created.id == 7
    assert created.secret is not None
    assert created.secret.get_secret_value() == "wrkaus-brand-new-secret"
    for text in (repr(created), str(created), str(created.model_dump())):
        assert "wrkaus-brand-new-secret" not in text


async def test_copy_accepts_both_shapes(make_client: MakeClient) -> None:
    script = Script(
        reply(200, {"success": True, "new_flow_id": 99}),
        reply(200, {"id": 98, "name": "Copy of R"}),
    )
    async with make_client(script) as client:
        assert (await client.copy_recipe(1, folder_id=5)).id == 99
        assert (await client.copy_recipe(1, folder_id=5)).id == 98
    assert script.bodies() == [{"folder_id": "5"}, {"folder_id": "5"}]


async def test_empty_2xx_is_success(make_client: MakeClient) -> None:
    script = Script(reply(204), reply(200, {"result": "success"}))
    async with make_client(script) as client:
        await client.resume_job("resume-abc", {"answer": 1})
        assert (await client.delete_api_client(3)).success
    assert script.bodies()[0] == {"token": "resume-abc", "data": {"answer": 1}}
