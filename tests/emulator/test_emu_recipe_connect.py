"""PUT /api/recipes/:id/connect (decisions #36) and GET /api/recipes/:id/versions (#38)."""

from __future__ import annotations

from datetime import datetime

from emu_helpers import MONTH_END, NETSUITE_SYNC, Api, DemoIds, assert_bad_request

from workato_tui.emulator import Emulator


def _config(emu: Emulator, recipe_id: int, provider: str) -> dict:
    recipe = emu.store.main.recipes[recipe_id]
    return next(c for c in recipe["config"] if c["provider"] == provider)


async def test_connect_switches_a_stopped_recipes_step(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(MONTH_END)
    target = ids.connection("Salesforce (reporting)")
    response = await admin.put(
        f"/api/recipes/{recipe_id}/connect",
        json={"adapter_name": "salesforce", "connection_id": target},
    )
    assert response.status_code == 200 and response.json() == {"success": True}
    assert _config(emu, recipe_id, "salesforce")["account_id"] == target
    assert _config(emu, recipe_id, "netsuite")["account_id"] == ids.connection(
        "NetSuite (production)"
    )


async def test_connect_is_refused_with_200_while_the_recipe_runs(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(NETSUITE_SYNC)
    before = _config(emu, recipe_id, "slack")["account_id"]
    response = await admin.put(
        f"/api/recipes/{recipe_id}/connect",
        json={"adapter_name": "slack", "connection_id": ids.connection("Slack: #sales-ops")},
    )
    body = response.json()
    assert response.status_code == 200 and body["success"] is False
    assert "running" in body["message"]
    assert _config(emu, recipe_id, "slack")["account_id"] == before


async def test_connect_needs_a_connection_of_the_same_app(admin: Api, ids: DemoIds) -> None:
    path = f"/api/recipes/{ids.recipe(MONTH_END)}/connect"
    slack = ids.connection("Slack: #finance-alerts")
    wrong_app = await admin.put(path, json={"adapter_name": "salesforce", "connection_id": slack})
    assert_bad_request(wrong_app, "slack connection, not salesforce")
    no_step = await admin.put(path, json={"adapter_name": "jira", "connection_id": slack})
    assert_bad_request(no_step, "no jira step")
    missing = await admin.put(path, json={"adapter_name": "salesforce"})
    assert_bad_request(missing, "connection_id is required")
    garbage = await admin.put(path, json={"adapter_name": "salesforce", "connection_id": "x1"})
    assert_bad_request(garbage, "connection_id must be")
    unknown = await admin.put(path, json={"adapter_name": "salesforce", "connection_id": 1})
    assert unknown.status_code == 404


async def test_connect_to_a_connection_outside_the_tokens_scope_is_404(
    finance: Api, ids: DemoIds
) -> None:
    # the finance token sees only Finance Ops; Salesforce (reporting) is in Data Platform
    response = await finance.put(
        f"/api/recipes/{ids.recipe(MONTH_END)}/connect",
        json={
            "adapter_name": "salesforce",
            "connection_id": ids.connection("Salesforce (reporting)"),
        },
    )
    assert response.status_code == 404


async def test_versions_are_newest_first_up_to_the_recipes_version(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    recipe = emu.store.main.recipes[ids.recipe(NETSUITE_SYNC)]
    response = await admin.get(f"/api/recipes/{recipe['id']}/versions")
    assert response.status_code == 200
    versions = response.json()["data"]
    assert [v["version_no"] for v in versions] == list(range(recipe["version_no"], 0, -1))
    for version in versions:
        assert set(version) == {
            "id",
            "version_no",
            "comment",
            "author_name",
            "author_email",
            "created_at",
            "updated_at",
        }
        assert version["comment"] is None or len(version["comment"]) <= 255
        assert version["author_name"] and "@" in version["author_email"]
    times = [datetime.fromisoformat(v["created_at"]) for v in versions]
    assert times == sorted(times, reverse=True)
    assert len({v["id"] for v in versions}) == len(versions)
    again = await admin.get(f"/api/recipes/{recipe['id']}/versions")
    assert again.json()["data"] == versions  # stable across reads


async def test_versions_page_and_follow_an_update(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    recipe = emu.store.main.recipes[ids.recipe(MONTH_END)]
    count = recipe["version_no"]
    page = await admin.get(
        f"/api/recipes/{recipe['id']}/versions", params={"page": 2, "per_page": 2}
    )
    assert [v["version_no"] for v in page.json()["data"]] == [count - 2, count - 3]
    recipe["version_comment"] = "x" * 400
    await admin.put(f"/api/recipes/{recipe['id']}", json={"recipe": {"name": "Month-end v2"}})
    newest = (await admin.get(f"/api/recipes/{recipe['id']}/versions")).json()["data"][0]
    assert newest["version_no"] == count + 1
    assert newest["comment"] == "x" * 255


async def test_versions_of_an_unknown_or_hidden_recipe_are_404(
    admin: Api, finance: Api, ids: DemoIds
) -> None:
    assert (await admin.get("/api/recipes/999999/versions")).status_code == 404
    hidden = ids.recipe("Route inbound leads by territory")  # Sales Ops
    assert (await finance.get(f"/api/recipes/{hidden}/versions")).status_code == 404
