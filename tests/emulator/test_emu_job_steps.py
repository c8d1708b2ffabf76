"""Job detail `lines[]` carry each step's data (decisions #34, seed 004's sample): input,
output, the error on the failing step, mask_data and line_stat; masked steps carry no data."""

from __future__ import annotations

from typing import Any

from emu_helpers import NETSUITE_SYNC, Api, DemoIds

from workato_tui.emulator import Emulator, FakeClock
from workato_tui.emulator.seed import build_demo

SAMPLE_KEYS = {"recipe_line_number", "adapter_name", "adapter_operation", "mask_data", "line_stat"}


async def _detail(api: Api, recipe_id: int, job_id: str, clock: Any = None) -> dict[str, Any]:
    if clock is not None:
        clock.advance(1.0)  # stay inside the 60/min quota of job details
    response = await api.get(f"/api/recipes/{recipe_id}/jobs/{job_id}")
    assert response.status_code == 200, response.text
    return response.json()


async def test_every_demo_adapter_shows_realistic_step_data(emu: Emulator, admin: Api) -> None:
    seen: dict[str, list[dict[str, Any]]] = {}
    for recipe in emu.store.main.recipes.values():
        for job in emu.store.main.job_log(recipe["id"]).jobs[-6:]:
            for line in (await _detail(admin, recipe["id"], job["id"], emu.store.clock))["lines"]:
                assert set(line) >= SAMPLE_KEYS
                assert isinstance(line["line_stat"]["total"], float)
                if line["mask_data"]:
                    assert "input" not in line and "output" not in line
                else:
                    assert isinstance(line["input"], dict)
                    seen.setdefault(line["adapter_name"], []).append(line)
    demo_apps = {a for r in emu.store.main.recipes.values() for a in r["applications"]}
    assert demo_apps - {"workday"} <= set(seen)  # Workday steps are always masked (PII)
    for app, lines in seen.items():
        assert any(line["output"] for line in lines), app
    trigger = next(line for line in seen["salesforce"] if line["recipe_line_number"] == 0)
    assert trigger["output"]["StageName"] == "Closed Won" and trigger["output"]["Id"]


async def test_a_failed_sync_names_the_failing_slack_post(admin: Api, ids: DemoIds) -> None:
    recipe_id = ids.recipe(NETSUITE_SYNC)
    failed = [j for j in ids.jobs(NETSUITE_SYNC) if j["error"] == "channel_not_found"]
    details = [await _detail(admin, recipe_id, j["id"]) for j in failed[-5:]]
    for detail in details:
        *ok, last = detail["lines"]
        assert last["adapter_name"] == "slack" and last["error"] == "channel_not_found"
        assert all("error" not in line for line in ok)
        if not last["mask_data"]:
            assert last["input"]["channel"].startswith("#") and last["output"] is None
    netsuite = [d["lines"][1] for d in details if not d["lines"][1]["mask_data"]]
    assert netsuite and netsuite[0]["adapter_operation"] == "search_records"
    assert netsuite[0]["output"]["records"][0]["companyName"]


async def test_an_incident_fails_at_its_own_step_and_the_job_stops_there(
    admin: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(NETSUITE_SYNC)
    failed = [j for j in ids.jobs(NETSUITE_SYNC) if "subsidiary" in (j["error"] or "")]
    assert failed
    for job in failed:
        lines = (await _detail(admin, recipe_id, job["id"]))["lines"]
        *ok, last = lines
        assert last["adapter_name"] == "netsuite" and last["error"] == job["error"]
        assert [line["adapter_name"] for line in ok] == ["salesforce"]  # Slack never ran


async def test_some_steps_are_masked_and_workday_always(emu: Emulator, admin: Api) -> None:
    lines = []
    for recipe in emu.store.main.recipes.values():
        for job in emu.store.main.job_log(recipe["id"]).jobs[-10:]:
            lines += (await _detail(admin, recipe["id"], job["id"], emu.store.clock))["lines"]
    masked = [line for line in lines if line["mask_data"]]
    assert masked and len(masked) < len(lines) / 2
    assert {line["adapter_name"] for line in masked} - {"workday"}  # not only Workday
    assert all(line["mask_data"] for line in lines if line["adapter_name"] == "workday")


async def test_step_data_is_the_same_on_every_read_and_every_build(
    admin: Api, ids: DemoIds
) -> None:
    recipe_id = ids.recipe(NETSUITE_SYNC)
    job_id = ids.jobs(NETSUITE_SYNC)[-1]["id"]
    first = await _detail(admin, recipe_id, job_id)
    assert await _detail(admin, recipe_id, job_id) == first
    other = Emulator(build_demo(FakeClock()))
    import httpx
    from emu_helpers import BASE_URL, bearer

    async with httpx.AsyncClient(transport=other.transport(), base_url=BASE_URL) as http:
        again = await http.get(
            f"/api/recipes/{recipe_id}/jobs/{job_id}", headers=bearer(admin.token)
        )
    assert again.json()["lines"] == first["lines"]


def test_no_job_is_shorter_than_the_sum_of_its_steps() -> None:
    from datetime import datetime

    from workato_tui.emulator import Emulator, FakeClock
    from workato_tui.emulator.jobgen import job_lines

    store = Emulator.demo(clock=FakeClock()).store
    checked = 0
    for recipe in store.main.recipes.values():
        for job in store.main.job_log(recipe["id"]).jobs[-40:]:
            if not job.get("completed_at"):
                continue
            took = (
                datetime.fromisoformat(job["completed_at"])
                - datetime.fromisoformat(job["started_at"])
            ).total_seconds()
            steps = sum(line["line_stat"]["total"] for line in job_lines(recipe, job))
            assert steps <= took + 1e-9, (recipe["name"], job["id"])
            checked += 1
    assert checked > 200
