"""Record shapes the client relies on: the fields workato-api.md documents, and nothing private."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from emu_helpers import MONTH_END, NETSUITE_SYNC, Api, DemoIds, recipe_code

from workato_tui.emulator import Emulator

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")

RECIPE_FIELDS = {
    "id",
    "user_id",
    "name",
    "created_at",
    "updated_at",
    "copy_count",
    "trigger_application",
    "action_applications",
    "applications",
    "description",
    "parameters_schema",
    "parameters",
    "webhook_url",
    "folder_id",
    "project_id",
    "running",
    "job_succeeded_count",
    "job_failed_count",
    "lifetime_task_count",
    "last_run_at",
    "stopped_at",
    "version_no",
    "stop_cause",
    "config",
    "trigger_closure",
    "code",
    "author_name",
    "version_author_name",
    "version_author_email",
    "version_comment",
}
CONNECTION_FIELDS = {
    "id",
    "application",
    "name",
    "description",
    "authorized_at",
    "authorization_status",
    "authorization_error",
    "created_at",
    "updated_at",
    "external_id",
    "folder_id",
    "parent_id",
    "connection_lost_at",
    "connection_lost_reason",
    "project_id",
    "provider",
}
FOLDER_FIELDS = {"id", "name", "parent_id", "is_project", "project_id", "created_at", "updated_at"}
DEPLOYMENT_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "title",
    "description",
    "project_build_id",
    "environment_type",
    "project_id",
    "state",
    "performed_by_name",
}
TABLE_FIELDS = {"id", "name", "schema", "created_at", "updated_at", "project_id"}
PROJECT_ROLE_FIELDS = {"id", "name", "members_count", "type", "created_at", "updated_at"}
LEGACY_ROLE_FIELDS = {
    "id",
    "name",
    "inheritable",
    "folder_ids",
    "created_at",
    "updated_at",
    "privileges",
}
API_CLIENT_FIELDS = {
    "id",
    "name",
    "api_privilege_group_id",
    "created_at",
    "updated_at",
    "all_folders",
    "folder_ids",
    "environment_name",
    "environment_id",
    "token",
}
ON_PREM_FIELDS = {
    "id",
    "name",
    "created_at",
    "in_use",
    "use_managed_connection",
    "config_version",
    "logs_enabled",
    "whitelisted_ips",
}
ME_FIELDS = {
    "id",
    "name",
    "created_at",
    "plan_id",
    "current_billing_period_start",
    "current_billing_period_end",
    "recipes_count",
    "active_recipes_count",
    "company_name",
    "location",
    "email",
    "root_folder_id",
}


def _timestamps_are_iso(record: dict[str, Any]) -> None:
    for key, value in record.items():
        if key.endswith("_at") and value is not None:
            assert ISO.match(value), (key, value)


@pytest.mark.parametrize(
    "path,fields",
    [
        ("/api/connections", CONNECTION_FIELDS),
        ("/api/folders", FOLDER_FIELDS),
        ("/api/deployments", DEPLOYMENT_FIELDS),
        ("/api/lookup_tables", TABLE_FIELDS),
        ("/api/roles", LEGACY_ROLE_FIELDS),
        ("/api/on_prem_groups", ON_PREM_FIELDS),
    ],
)
async def test_bare_array_records_have_the_documented_fields(
    admin: Api, path: str, fields: set[str]
) -> None:
    for record in (await admin.get(path)).json():
        assert set(record) == fields, (path, set(record) ^ fields)
        _timestamps_are_iso(record)


async def test_recipe_fields(admin: Api, ids: DemoIds) -> None:
    recipe = (await admin.get(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}")).json()
    assert set(recipe) == RECIPE_FIELDS
    _timestamps_are_iso(recipe)
    assert isinstance(json.loads(recipe["code"]), dict)  # code is a JSON-encoded string
    for entry in recipe["config"]:
        assert set(entry) == {"keyword", "name", "provider", "skip_validation", "account_id"}
    tagged = (
        await admin.get(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}", params={"includes[]": "tags"})
    ).json()
    assert set(tagged) == RECIPE_FIELDS | {"tags"}


async def test_deployment_ids_and_project_ids(admin: Api) -> None:
    for deployment in (await admin.get("/api/deployments")).json():
        assert isinstance(deployment["id"], int) and isinstance(deployment["project_id"], str)
        assert deployment["state"] in ("pending", "success", "failed")
        assert deployment["environment_type"] in ("test", "prod")


async def test_project_role_fields(admin: Api) -> None:
    for role in (await admin.get("/api/project_roles")).json()["data"]:
        assert set(role) == PROJECT_ROLE_FIELDS
        assert role["type"] in ("system", "custom", "inheritable", "inherited")


async def test_api_client_fields(admin: Api) -> None:
    for client in (await admin.get("/api/developer_api_clients")).json()["result"]["items"]:
        assert set(client) == API_CLIENT_FIELDS and set(client["token"]) == {"updated_at"}


async def test_users_me_fields(admin: Api) -> None:
    assert set((await admin.get("/api/users/me")).json()) >= ME_FIELDS


async def test_job_timestamps_are_iso(admin: Api, ids: DemoIds) -> None:
    items = (await admin.get(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs")).json()["items"]
    for job in items:
        _timestamps_are_iso(job)


async def test_json_answers_declare_utf8(admin: Api) -> None:
    response = await admin.get("/api/recipes")
    assert response.headers["content-type"] == "application/json; charset=utf-8"


async def test_users_me_counts_follow_the_workspace(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    await admin.post(
        "/api/recipes",
        json={
            "recipe": {
                "name": "New",
                "code": recipe_code(),
                "folder_id": str(ids.folder("Invoices")),
            }
        },
    )
    await admin.put(f"/api/recipes/{ids.recipe(MONTH_END)}/start")
    me = (await admin.get("/api/users/me")).json()
    recipes = emu.store.main.recipes.values()
    assert me["recipes_count"] == len(recipes)
    assert me["active_recipes_count"] == sum(r["running"] for r in recipes)
