"""One valid request per endpoint of `workato_tui.api.endpoints`, and the envelope it answers.

The envelopes are those of reference/decisions.md: bare arrays, `items`, `data` + `total`,
`result`, `result.count` + `items`, `success`, and 204 (no body) for job resume.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from emu_helpers import (
    MONTH_END,
    NETSUITE_SYNC,
    DemoIds,
    recipe_code,
)

from workato_tui.emulator import DEMO_RESUME_TOKEN

Request = tuple[str, str, Any]  # method, path, json body


def _list(body: Any) -> None:
    assert isinstance(body, list) and body and all(isinstance(x, dict) for x in body)


def _items(body: Any) -> None:
    assert set(body) == {"items"} and isinstance(body["items"], list) and body["items"]


def _data_total(body: Any) -> None:
    assert isinstance(body["data"], list) and body["data"]
    assert isinstance(body["total"], int)


def _result_list(body: Any) -> None:
    assert set(body) == {"result"} and isinstance(body["result"], list) and body["result"]


def _result_count_items(body: Any) -> None:
    assert set(body) == {"result"}
    assert body["result"]["count"] == len(body["result"]["items"]) > 0


def _result_token(body: Any) -> None:
    assert set(body) == {"result"} and body["result"]["id"]
    assert body["result"]["token"]["value"]


def _success(body: Any) -> None:
    assert body == {"success": True}


def _success_id(body: Any) -> None:
    assert body["success"] is True and isinstance(body["id"], int)


def _copied(body: Any) -> None:
    assert body["success"] is True and isinstance(body["new_flow_id"], int)


def _object(body: Any) -> None:
    assert isinstance(body, dict) and "id" in body


def _row(body: Any) -> None:
    assert set(body) == {"id", "data"} and isinstance(body["data"], dict)


def _jobs(body: Any) -> None:
    assert {
        "job_succeeded_count",
        "job_failed_count",
        "job_count",
        "job_scope_count",
        "items",
    } <= set(body)
    assert body["items"]


def _job(body: Any) -> None:
    assert body["id"] == body["handle"] and isinstance(body["lines"], list) and body["lines"]


def _repeat(body: Any) -> None:
    assert set(body) == {"results", "summary"}
    assert body["summary"] == {"total_requested": 1, "total_enqueued": 1, "total_failed": 0}


def _disconnected(body: Any) -> None:
    assert body["success"] is True and isinstance(body["status"], str)


def _result_success(body: Any) -> None:
    assert body == {"result": "success"}


def no_content(response: httpx.Response) -> None:
    assert response.status_code == 204 and response.content == b""


def _versions(body: Any) -> None:
    assert set(body) == {"data"} and body["data"]
    numbers = [v["version_no"] for v in body["data"]]
    assert numbers == sorted(numbers, reverse=True)


def _empty_project(ids: DemoIds) -> int:
    """A new project with nothing running in it (every demo project runs recipes)."""
    from workato_tui.emulator.records import new_project

    return int(new_project(ids.store, ids.ws, "Scratch")["id"])


def _job_path(ids: DemoIds) -> str:
    job_id = ids.newest_master_job(NETSUITE_SYNC)
    return f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs/{job_id}"


def _mu(ids: DemoIds, tail: str = "") -> str:
    return f"/api/managed_users/EA2300/recipes/{ids.customer_recipe('A2300')}{tail}"


def _cost_center_row(ids: DemoIds) -> int:
    return int(ids.rows("Cost centers")[0]["id"])


def _table_path(ids: DemoIds, tail: str = "") -> str:
    return f"/api/lookup_tables/{ids.table('Cost centers')}{tail}"


CASES: dict[str, tuple[Callable[[DemoIds], Request], Callable[[Any], None] | None]] = {
    "recipes.list": (lambda i: ("GET", "/api/recipes", None), _items),
    "recipes.get": (lambda i: ("GET", f"/api/recipes/{i.recipe(NETSUITE_SYNC)}", None), _object),
    "recipes.create": (
        lambda i: (
            "POST",
            "/api/recipes",
            {
                "recipe": {
                    "name": "New",
                    "code": recipe_code(),
                    "folder_id": str(i.folder("Invoices")),
                }
            },
        ),
        _success_id,
    ),
    "recipes.copy": (
        lambda i: (
            "POST",
            f"/api/recipes/{i.recipe(NETSUITE_SYNC)}/copy",
            {"folder_id": str(i.folder("Invoices"))},
        ),
        _copied,
    ),
    "recipes.update": (
        lambda i: ("PUT", f"/api/recipes/{i.recipe(MONTH_END)}", {"recipe": {"name": "Renamed"}}),
        _success,
    ),
    "recipes.start": (
        lambda i: ("PUT", f"/api/recipes/{i.recipe(MONTH_END)}/start", None),
        _success,
    ),
    "recipes.stop": (
        lambda i: ("PUT", f"/api/recipes/{i.recipe(NETSUITE_SYNC)}/stop", None),
        _success,
    ),
    "recipes.delete": (lambda i: ("DELETE", f"/api/recipes/{i.recipe(MONTH_END)}", None), _success),
    "recipes.connect": (
        lambda i: (
            "PUT",
            f"/api/recipes/{i.recipe(MONTH_END)}/connect",
            {"adapter_name": "salesforce", "connection_id": i.connection("Salesforce (reporting)")},
        ),
        _success,
    ),
    "recipes.versions": (
        lambda i: ("GET", f"/api/recipes/{i.recipe(NETSUITE_SYNC)}/versions", None),
        _versions,
    ),
    "jobs.list": (lambda i: ("GET", f"/api/recipes/{i.recipe(NETSUITE_SYNC)}/jobs", None), _jobs),
    "jobs.get": (lambda i: ("GET", _job_path(i), None), _job),
    "jobs.resume": (
        lambda i: (
            "POST",
            "/api/job/resume",
            {"token": DEMO_RESUME_TOKEN, "data": {"approved": True}},
        ),
        None,
    ),
    "jobs.repeat": (
        lambda i: (
            "POST",
            f"/api/recipes/{i.recipe(NETSUITE_SYNC)}/repeat_jobs",
            {"job_ids": [i.newest_master_job(NETSUITE_SYNC)]},
        ),
        _repeat,
    ),
    "connections.list": (lambda i: ("GET", "/api/connections", None), _list),
    "connections.create": (
        lambda i: (
            "POST",
            "/api/connections",
            {
                "name": "Slack: #ap",
                "provider": "slack",
                "folder_id": str(i.project_folder("Finance Ops")),
            },
        ),
        _object,
    ),
    "connections.update": (
        lambda i: (
            "PUT",
            f"/api/connections/{i.connection('NetSuite (sandbox)')}",
            {"name": "NS sb"},
        ),
        _object,
    ),
    "connections.disconnect": (
        lambda i: (
            "POST",
            f"/api/connections/{i.connection('Zendesk (support)')}/disconnect",
            None,
        ),
        _disconnected,
    ),
    "connections.delete": (
        lambda i: ("DELETE", f"/api/connections/{i.connection('NetSuite (sandbox)')}", None),
        _success,
    ),
    "folders.list": (lambda i: ("GET", "/api/folders", None), _list),
    "folders.create": (
        lambda i: (
            "POST",
            "/api/folders",
            {"name": "Tax", "parent_id": str(i.project_folder("Finance Ops"))},
        ),
        _object,
    ),
    "folders.update": (
        lambda i: ("PUT", f"/api/folders/{i.folder('Invoices')}", {"name": "AR invoices"}),
        _object,
    ),
    "folders.delete": (
        lambda i: ("DELETE", f"/api/folders/{i.folder('Month-end close')}", None),
        _success,
    ),
    "projects.list": (lambda i: ("GET", "/api/projects", None), _list),
    "projects.delete": (
        lambda i: ("DELETE", f"/api/projects/{_empty_project(i)}", None),
        _success,
    ),
    "projects.update": (
        lambda i: (
            "PUT",
            f"/api/projects/{i.project('Finance Ops')['id']}",
            {"description": "O2C"},
        ),
        _object,
    ),
    "projects.deploy": (
        lambda i: (
            "POST",
            f"/api/projects/{i.project('Finance Ops')['id']}/deploy?environment_type=test",
            {"description": "Release"},
        ),
        _object,
    ),
    "projects.build": (
        lambda i: (
            "POST",
            f"/api/projects/{i.project('Finance Ops')['id']}/build",
            {"description": "Release", "include_test_cases": True, "include_tags": False},
        ),
        _object,
    ),
    "project_builds.deploy": (
        lambda i: (
            "POST",
            f"/api/project_builds/{i.ws.deployments[i.deployment_of('Finance Ops')]['project_build_id']}"
            "/deploy?environment_type=test",
            {"description": "Release"},
        ),
        _object,
    ),
    "deployments.list": (lambda i: ("GET", "/api/deployments", None), _list),
    "deployments.get": (
        lambda i: ("GET", f"/api/deployments/{i.deployment_of('Finance Ops')}", None),
        _object,
    ),
    "project_builds.get": (
        lambda i: (
            "GET",
            f"/api/project_builds/{i.ws.deployments[i.deployment_of('Finance Ops')]['project_build_id']}",
            None,
        ),
        _object,
    ),
    "lookup_tables.list": (lambda i: ("GET", "/api/lookup_tables", None), _list),
    "lookup_tables.lookup": (
        lambda i: ("GET", _table_path(i, "/lookup?by[code]=CC-1000"), None),
        _row,
    ),
    "lookup_rows.list": (lambda i: ("GET", _table_path(i, "/rows"), None), _list),
    "lookup_rows.get": (
        lambda i: ("GET", _table_path(i, f"/rows/{_cost_center_row(i)}"), None),
        _row,
    ),
    "lookup_rows.create": (
        lambda i: (
            "POST",
            _table_path(i, "/rows"),
            {"data": {"code": "CC-9990", "name": "Tax AMER", "owner": "Ana Ruiz"}},
        ),
        _row,
    ),
    "lookup_rows.update": (
        lambda i: (
            "PUT",
            _table_path(i, f"/rows/{_cost_center_row(i)}"),
            {"data": {"owner": "Ben Okafor"}},
        ),
        _row,
    ),
    "lookup_rows.delete": (
        lambda i: ("DELETE", _table_path(i, f"/rows/{_cost_center_row(i)}"), None),
        _success,
    ),
    "project_roles.list": (lambda i: ("GET", "/api/project_roles", None), _data_total),
    "roles.list": (lambda i: ("GET", "/api/roles", None), _list),
    "api_clients.list": (
        lambda i: ("GET", "/api/developer_api_clients", None),
        _result_count_items,
    ),
    "api_clients.roles": (
        lambda i: ("GET", "/api/developer_api_client_roles", None),
        _result_count_items,
    ),
    "api_clients.create": (
        lambda i: (
            "POST",
            "/api/developer_api_clients",
            {
                "name": "Reporting",
                "api_privilege_group_id": i.client_role("Read only"),
                "all_folders": True,
            },
        ),
        _result_token,
    ),
    "api_clients.regenerate": (
        lambda i: (
            "POST",
            f"/api/developer_api_clients/{i.api_client('Data pipeline (CI)')}/regenerate",
            None,
        ),
        _result_token,
    ),
    "api_clients.delete": (
        lambda i: (
            "DELETE",
            f"/api/developer_api_clients/{i.api_client('Data pipeline (CI)')}",
            None,
        ),
        _result_success,
    ),
    "on_prem.list": (lambda i: ("GET", "/api/on_prem_groups", None), _list),
    "on_prem.status": (
        lambda i: ("GET", f"/api/on_prem_groups/{i.on_prem_group('Datacenter East')}/status", None),
        _object,
    ),
    "activity.list": (lambda i: ("GET", "/api/activity_logs", None), _data_total),
    "users.me": (lambda i: ("GET", "/api/users/me", None), _object),
    "customers.list": (lambda i: ("GET", "/api/managed_users", None), _result_list),
    "customers.recipes": (
        lambda i: ("GET", "/api/managed_users/EA2300/recipes", None),
        _result_list,
    ),
    "customers.recipe": (lambda i: ("GET", _mu(i), None), _object),
    "customers.jobs.list": (lambda i: ("GET", _mu(i, "/jobs"), None), _jobs),
    "customers.jobs.get": (
        lambda i: ("GET", _mu(i, f"/jobs/{i.customer_jobs('A2300')[-1]['id']}"), None),
        _job,
    ),
    "customers.jobs.repeat": (
        lambda i: (
            "POST",
            _mu(i, "/repeat_jobs"),
            {
                "job_ids": [
                    next(j["id"] for j in reversed(i.customer_jobs("A2300")) if not j["is_repeat"])
                ]
            },
        ),
        _repeat,
    ),
}
