"""Helpers for the emulator tests: token-bound httpx clients and the demo's records by name.

`Api` sends one token as a Bearer header; `DemoIds` finds the demo's records by name in the
store, so tests address real assets instead of hard-coded numbers.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from workato_tui.emulator import Store
from workato_tui.emulator.store import Record

BASE_URL = "http://127.0.0.1"
NETSUITE_SYNC = "Sync closed-won opportunities to NetSuite"
ZENDESK_ESCALATION = "Escalate urgent Zendesk tickets to Jira"
MONTH_END = "Month-end revenue reconciliation"  # stopped, its connections are authorized
NEW_HIRES = "Provision new hire accounts from Workday"  # holds the paused job
HR_WELCOME = "Welcome new starters in Slack"  # running, in HR Onboarding


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def recipe_code(trigger: str = "salesforce", action: str = "slack") -> str:
    """A minimal valid recipe `code` (a JSON string, as the API expects)."""
    return json.dumps(
        {
            "number": 0,
            "provider": trigger,
            "name": "new_record",
            "keyword": "trigger",
            "block": [{"number": 1, "provider": action, "keyword": "action"}],
        }
    )


class Api:
    """An httpx client that sends one token as `Authorization: Bearer`."""

    def __init__(self, http: httpx.AsyncClient, token: str) -> None:
        self.http = http
        self.token = token

    async def request(
        self, method: str, path: str, json: Any = None, params: Any = None
    ) -> httpx.Response:
        return await self.http.request(
            method, path, json=json, params=params, headers=bearer(self.token)
        )

    async def get(self, path: str, params: Any = None) -> httpx.Response:
        return await self.request("GET", path, params=params)

    async def post(self, path: str, json: Any = None, params: Any = None) -> httpx.Response:
        return await self.request("POST", path, json=json, params=params)

    async def put(self, path: str, json: Any = None, params: Any = None) -> httpx.Response:
        return await self.request("PUT", path, json=json, params=params)

    async def delete(self, path: str) -> httpx.Response:
        return await self.request("DELETE", path)


class DemoIds:
    """The demo workspace's records, found by name in the emulator's store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ws = store.main

    @staticmethod
    def _named(records: dict[int, Record], name: str) -> Record:
        found = [r for r in records.values() if r["name"] == name]
        assert len(found) == 1, f"expected one record named {name!r}, found {len(found)}"
        return found[0]

    def recipe(self, name: str) -> int:
        return int(self._named(self.ws.recipes, name)["id"])

    def connection(self, name: str) -> int:
        return int(self._named(self.ws.connections, name)["id"])

    def project(self, name: str) -> Record:
        return self._named(self.ws.projects, name)

    def project_folder(self, name: str) -> int:
        return int(self.project(name)["folder_id"])

    def folder(self, name: str) -> int:
        return int(self._named(self.ws.folders, name)["id"])

    def table(self, name: str) -> int:
        return int(self._named(self.ws.lookup_tables, name)["id"])

    def rows(self, table_name: str) -> list[Record]:
        return list(self.ws.lookup_rows[self.table(table_name)].values())

    def jobs(self, recipe_name: str) -> list[Record]:
        """The recipe's jobs, oldest first, as the store holds them."""
        return list(self.ws.job_log(self.recipe(recipe_name)).jobs)

    def newest_master_job(self, recipe_name: str) -> str:
        return next(
            j["id"]
            for j in reversed(self.jobs(recipe_name))
            if not j["is_repeat"] and j["status"] != "pending"
        )

    def api_client(self, name: str) -> int:
        return next(c.id for c in self.store.api_clients.values() if c.record["name"] == name)

    def client_role(self, name: str) -> int:
        return next(r.id for r in self.store.client_roles.values() if r.name == name)

    def on_prem_group(self, name: str) -> int:
        return int(self._named(self.store.on_prem_groups, name)["id"])

    def deployment_of(self, project_name: str) -> int:
        project_id = str(self.project(project_name)["id"])
        return max(d["id"] for d in self.ws.deployments.values() if d["project_id"] == project_id)

    def customer(self, external_id: str) -> int:
        return next(
            c.record["id"]
            for c in self.store.customers.values()
            if c.record["external_id"] == external_id
        )

    def customer_recipe(self, external_id: str) -> int:
        customer = self.store.customers[self.customer(external_id)]
        return min(customer.workspace.recipes)

    def customer_jobs(self, external_id: str) -> list[Record]:
        customer = self.store.customers[self.customer(external_id)]
        return list(customer.workspace.job_log(self.customer_recipe(external_id)).jobs)


def assert_bad_request(response: httpx.Response, fragment: str) -> dict[str, Any]:
    """A 400 in the emulator's documented body: message plus an errors list of {code, title}."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert fragment.lower() in body["message"].lower(), body
    assert isinstance(body["errors"], list) and body["errors"], body
    for error in body["errors"]:
        assert set(error) == {"code", "title"} and error["code"] and error["title"], body
    return body
