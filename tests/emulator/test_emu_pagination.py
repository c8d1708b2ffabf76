"""Pagination edges: page/per_page, the jobs cursor, activity page[after], JSON:API pages."""

from __future__ import annotations

from typing import Any

import pytest
from emu_helpers import NETSUITE_SYNC, Api, DemoIds, assert_bad_request, recipe_code

from workato_tui.emulator import Emulator
from workato_tui.emulator.records import new_recipe, new_row


@pytest.fixture
def many_recipes(emu: Emulator, ids: DemoIds) -> int:
    """Add recipes until the workspace holds 247; answers the total."""
    for n in range(247 - len(emu.store.main.recipes)):
        new_recipe(
            emu.store,
            emu.store.main,
            name=f"Bulk {n}",
            folder_id=ids.folder("Payments"),
            code=recipe_code(),
        )
    return len(emu.store.main.recipes)


async def _recipe_ids(admin: Api, **params: Any) -> list[int]:
    response = await admin.get("/api/recipes", params=params)
    assert response.status_code == 200
    return [r["id"] for r in response.json()["items"]]


async def test_recipes_default_page_is_100_in_descending_id_order(
    admin: Api, many_recipes: int, emu: Emulator
) -> None:
    first = await _recipe_ids(admin)
    assert len(first) == 100
    assert first == sorted(emu.store.main.recipes, reverse=True)[:100]


async def test_recipes_per_page_is_capped_at_100(admin: Api, many_recipes: int) -> None:
    assert len(await _recipe_ids(admin, per_page=500)) == 100
    assert len(await _recipe_ids(admin, per_page=7)) == 7


async def test_recipes_pages_cover_everything_once_and_end_short(
    admin: Api, many_recipes: int, emu: Emulator
) -> None:
    pages = [await _recipe_ids(admin, page=n, per_page=100) for n in (1, 2, 3, 4)]
    assert [len(p) for p in pages] == [100, 100, 47, 0]
    walked = [i for page in pages for i in page]
    assert walked == sorted(emu.store.main.recipes, reverse=True)


async def test_recipes_page_beyond_the_end_is_empty(admin: Api) -> None:
    response = await admin.get("/api/recipes", params={"page": 99})
    assert response.json() == {"items": []}


@pytest.mark.parametrize(
    "params,field",
    [({"per_page": 0}, "per_page"), ({"per_page": "ten"}, "per_page"), ({"page": "x"}, "page")],
)
async def test_bad_page_parameters_are_400(admin: Api, params: dict[str, Any], field: str) -> None:
    assert_bad_request(await admin.get("/api/recipes", params=params), field)


async def test_lookup_rows_default_500_and_max_1000(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    table_id = ids.table("Cost centers")
    for n in range(1200):
        new_row(
            emu.store,
            emu.store.main,
            table_id,
            {"code": f"BULK-{n}", "name": "Bulk", "owner": "Ana Ruiz"},
        )
    total = len(emu.store.main.lookup_rows[table_id])
    path = f"/api/lookup_tables/{table_id}/rows"
    assert len((await admin.get(path)).json()) == 500
    first = (await admin.get(path, params={"per_page": 5000})).json()
    second = (await admin.get(path, params={"per_page": 5000, "page": 2})).json()
    assert (len(first), len(second)) == (1000, total - 1000)
    assert len({r["id"] for r in first + second}) == total


async def _jobs_page(admin: Api, ids: DemoIds, **params: Any) -> dict[str, Any]:
    response = await admin.get(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_jobs_walk_with_offset_job_id_is_complete_and_newest_first(
    admin: Api, ids: DemoIds
) -> None:
    stored = [j["id"] for j in reversed(ids.jobs(NETSUITE_SYNC))]
    assert len(stored) >= 300
    walked: list[str] = []
    sizes = []
    params: dict[str, Any] = {"per_page": 100}
    while True:
        items = (await _jobs_page(admin, ids, **params))["items"]
        sizes.append(len(items))
        walked += [j["id"] for j in items]
        if len(items) < 100:
            break
        params["offset_job_id"] = items[-1]["id"]
    assert walked == stored  # no duplicates, no gaps, newest first
    assert sizes[:-1] == [100] * (len(sizes) - 1) and sizes[-1] < 100


async def test_jobs_page_size_defaults_to_100_and_is_capped(admin: Api, ids: DemoIds) -> None:
    assert len((await _jobs_page(admin, ids))["items"]) == 100
    assert len((await _jobs_page(admin, ids, per_page=1000))["items"]) == 100
    assert len((await _jobs_page(admin, ids, per_page=10))["items"]) == 10


async def test_jobs_prev_returns_the_newer_jobs(admin: Api, ids: DemoIds) -> None:
    stored = [j["id"] for j in reversed(ids.jobs(NETSUITE_SYNC))]  # newest first
    offset = stored[50]
    newer = (await _jobs_page(admin, ids, offset_job_id=offset, prev="true", per_page=20))["items"]
    assert [j["id"] for j in newer] == stored[30:50]
    older = (await _jobs_page(admin, ids, offset_job_id=offset, per_page=20))["items"]
    assert [j["id"] for j in older] == stored[51:71]
    newest = (await _jobs_page(admin, ids, offset_job_id=stored[0], prev="true"))["items"]
    assert newest == []


async def test_jobs_unknown_offset_is_400(admin: Api, ids: DemoIds) -> None:
    response = await admin.get(
        f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs", params={"offset_job_id": "j-nope-nope"}
    )
    assert_bad_request(response, "offset_job_id")


async def test_jobs_status_filter_counts_its_scope(admin: Api, ids: DemoIds) -> None:
    jobs = ids.jobs(NETSUITE_SYNC)
    failed = [j["id"] for j in reversed(jobs) if j["status"] == "failed"]
    body = await _jobs_page(admin, ids, status="failed")
    assert [j["id"] for j in body["items"]] == failed and failed
    assert body["job_scope_count"] == len(failed)
    assert body["job_count"] == len(jobs) and body["job_failed_count"] == len(failed)
    assert_bad_request(
        await admin.get(
            f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs", params={"status": "exploded"}
        ),
        "status",
    )


async def test_jobs_rerun_only_lists_repeats(admin: Api, ids: DemoIds) -> None:
    repeats = [j["id"] for j in reversed(ids.jobs(NETSUITE_SYNC)) if j["is_repeat"]]
    body = await _jobs_page(admin, ids, rerun_only="true")
    assert [j["id"] for j in body["items"]] == repeats and repeats
    assert body["job_scope_count"] == len(repeats)


async def test_activity_walk_with_page_after(emu: Emulator, admin: Api) -> None:
    stored = [e["id"] for e in reversed(emu.store.activity)]
    walked: list[int] = []
    params: dict[str, Any] = {"page[size]": 50}
    for _ in range(10):
        body = (await admin.get("/api/activity_logs", params=params)).json()
        assert body["total"] == len(body["data"])
        if not body["data"]:
            break
        walked += [e["id"] for e in body["data"]]
        params["page[after]"] = body["data"][-1]["id"]
    assert walked == stored and len(stored) >= 100


async def test_activity_page_size_is_capped_at_100(admin: Api) -> None:
    body = (await admin.get("/api/activity_logs", params={"page[size]": 1000})).json()
    assert len(body["data"]) == 100
    assert_bad_request(
        await admin.get("/api/activity_logs", params={"page[size]": 0}), "page[size]"
    )
    assert_bad_request(
        await admin.get("/api/activity_logs", params={"page[after]": "x"}), "page[after]"
    )


async def test_activity_filters(admin: Api) -> None:
    flows = (
        await admin.get("/api/activity_logs", params={"include_resource_types[]": "flow"})
    ).json()["data"]
    assert flows and {e["resource"]["type"] for e in flows} == {"flow"}
    others = (
        await admin.get("/api/activity_logs", params={"exclude_event_types[]": "recipe_started"})
    ).json()["data"]
    assert others and "recipe_started" not in {e["event_type"] for e in others}
    window = {"from": "2026-11-10T00:00:00Z", "to": "2026-11-12T00:00:00Z"}
    dated = (await admin.get("/api/activity_logs", params=window)).json()["data"]
    assert dated and all("2026-11-10" <= e["timestamp"][:10] < "2026-11-12" for e in dated)


async def test_project_roles_pages(admin: Api, emu: Emulator) -> None:
    total = len(emu.store.project_roles)
    pages = []
    for number in (1, 2, 3, 4):
        body = (
            await admin.get("/api/project_roles", params={"page[number]": number, "page[size]": 2})
        ).json()
        assert body["total"] == total and body["page"] == {"number": number, "size": 2}
        pages.append([r["id"] for r in body["data"]])
    assert [len(p) for p in pages] == [2, 2, 1, 0]
    assert sorted(i for p in pages for i in p) == sorted(emu.store.project_roles)
    big = (await admin.get("/api/project_roles", params={"page[size]": 1000})).json()
    assert big["page"]["size"] == 100


async def test_project_roles_name_filter(admin: Api) -> None:
    body = (await admin.get("/api/project_roles", params={"name": "analyst"})).json()
    assert [r["name"] for r in body["data"]] == ["Analyst"] and body["total"] == 1


async def test_legacy_roles_tolerate_page_zero(admin: Api, emu: Emulator) -> None:
    roles = (await admin.get("/api/roles", params={"page": 0, "per_page": 500})).json()
    assert [r["id"] for r in roles] == sorted(emu.store.roles)


@pytest.mark.parametrize("address", ["numeric", "EA2300", "E%41%32%33%30%30"])
async def test_customers_are_addressed_by_id_or_external_id(
    admin: Api, ids: DemoIds, address: str
) -> None:
    customer = str(ids.customer("A2300")) if address == "numeric" else address
    response = await admin.get(f"/api/managed_users/{customer}/recipes")
    assert response.status_code == 200
    assert {r["id"] for r in response.json()["result"]} == set(
        ids.store.customers[ids.customer("A2300")].workspace.recipes
    )


@pytest.mark.parametrize("customer", ["999999", "EZ9999", "A2300", "nope"])
async def test_unknown_customers_are_404(admin: Api, ids: DemoIds, customer: str) -> None:
    response = await admin.get(f"/api/managed_users/{customer}/recipes")
    assert response.status_code == 404


async def test_customer_recipe_of_another_workspace_is_404(admin: Api, ids: DemoIds) -> None:
    path = f"/api/managed_users/EA2300/recipes/{ids.recipe(NETSUITE_SYNC)}"
    assert (await admin.get(path)).status_code == 404
    other = ids.customer_recipe("B1100")
    assert (await admin.get(f"/api/managed_users/EA2300/recipes/{other}")).status_code == 404
