"""Jobs: list and detail shapes (seed 004), repeat_jobs rules and results, job resume."""

from __future__ import annotations

from datetime import timedelta

import pytest
from emu_helpers import NETSUITE_SYNC, NEW_HIRES, Api, DemoIds, assert_bad_request

from workato_tui.emulator import DEMO_RESUME_TOKEN, Emulator, FakeClock

# The keys of seed 004's list item and job detail samples.
SEED_LIST_ITEM_KEYS = {
    "id",
    "completed_at",
    "started_at",
    "title",
    "is_poll_error",
    "error",
    "is_error",
    "status",
    "calling_recipe_id",
    "calling_job_id",
    "recipe_id",
    "root_recipe_id",
    "root_job_id",
    "master_job_id",
}
SEED_DETAIL_KEYS = {
    "id",
    "handle",
    "recipe_id",
    "completed_at",
    "started_at",
    "title",
    "is_poll_error",
    "lines",
    "error",
    "is_error",
    "is_repeat",
    "is_test",
    "is_test_case_job",
    "master_job_id",
    "master_job_handle",
    "status",
    "calling_recipe_id",
    "calling_job_id",
    "calling_job_handle",
    "root_recipe_id",
    "root_job_id",
}
SEED_LINE_KEYS = {
    "recipe_line_number",
    "adapter_name",
    "adapter_operation",
    "input",
    "output",
    "mask_data",
    "line_stat",
}


def _repeat_path(ids: DemoIds) -> str:
    return f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/repeat_jobs"


async def test_list_has_the_seed_shape(admin: Api, ids: DemoIds) -> None:
    body = (await admin.get(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs")).json()
    jobs = ids.jobs(NETSUITE_SYNC)
    assert body["job_count"] == body["job_scope_count"] == len(jobs)
    assert body["job_failed_count"] == sum(j["status"] == "failed" for j in jobs)
    assert body["job_succeeded_count"] == sum(j["status"] == "succeeded" for j in jobs)
    for item in body["items"]:
        assert set(item) >= SEED_LIST_ITEM_KEYS and not any(k.startswith("_") for k in item)
        assert item["recipe_id"] == ids.recipe(NETSUITE_SYNC)
        assert item["id"].startswith("j-")


async def test_detail_has_the_seed_shape(admin: Api, ids: DemoIds) -> None:
    failed = next(j for j in reversed(ids.jobs(NETSUITE_SYNC)) if j["status"] == "failed")
    path = f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs/{failed['id']}"
    detail = (await admin.get(path)).json()
    assert set(detail) >= SEED_DETAIL_KEYS
    assert detail["handle"] == detail["id"] == failed["id"]
    assert detail["is_error"] is True and detail["error"]
    for line in detail["lines"]:
        assert set(line) >= SEED_LINE_KEYS
        assert {"total", "details"} <= set(line["line_stat"])
    assert detail["lines"][-1]["error"] == detail["error"]
    assert (await admin.get(path)).json() == detail  # stable across reads


async def test_unknown_job_is_404(admin: Api, ids: DemoIds) -> None:
    path = f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs/j-doesnotexist-000000"
    assert (await admin.get(path)).status_code == 404


@pytest.mark.parametrize("job_ids", [[], "j-AJMfQh8c-hsCXcs", None, [1, 2], [""]])
async def test_repeat_without_a_list_of_ids_is_400(
    admin: Api, ids: DemoIds, job_ids: object
) -> None:
    response = await admin.post(_repeat_path(ids), json={"job_ids": job_ids})
    assert response.status_code == 400
    assert response.json()["message"] == (
        "param is missing or the value is empty or invalid: job_ids"
    )


async def test_repeat_of_26_ids_is_400(admin: Api, ids: DemoIds) -> None:
    job_ids = [f"j-AAAAAAAA-{n:06d}" for n in range(26)]
    response = await admin.post(_repeat_path(ids), json={"job_ids": job_ids})
    assert response.status_code == 400
    assert response.json()["message"] == (
        "Maximum 25 jobs can be repeated in a single request. Received 26."
    )


async def test_repeat_of_25_ids_is_accepted(admin: Api, ids: DemoIds) -> None:
    job_ids = [f"j-AAAAAAAA-{n:06d}" for n in range(25)]
    body = (await admin.post(_repeat_path(ids), json={"job_ids": job_ids})).json()
    assert body["summary"] == {"total_requested": 25, "total_enqueued": 0, "total_failed": 25}


async def test_repeat_of_duplicate_ids_is_400(admin: Api, ids: DemoIds) -> None:
    job_id = ids.newest_master_job(NETSUITE_SYNC)
    response = await admin.post(_repeat_path(ids), json={"job_ids": [job_id, job_id]})
    assert response.status_code == 400 and job_id in response.json()["message"]


async def test_repeat_results_match_seed_004(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    jobs = ids.jobs(NETSUITE_SYNC)
    master = ids.newest_master_job(NETSUITE_SYNC)
    repeat = next(j["id"] for j in jobs if j["is_repeat"])
    expired = jobs[0]["id"]
    assert jobs[0]["_t"] < (emu.store.now() - timedelta(days=30)).timestamp()
    requested = [master, "j-BK9nR5ft-xeAEXN", repeat, expired]
    response = await admin.post(_repeat_path(ids), json={"job_ids": requested})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["requested_job_id"] for r in results] == requested
    enqueued, missing, not_master, too_old = results
    assert set(enqueued) == {"requested_job_id", "status", "job"}
    assert enqueued["status"] == "enqueued" and set(enqueued["job"]) == {"id"}
    assert missing == {
        "requested_job_id": "j-BK9nR5ft-xeAEXN",
        "status": "failed",
        "error": {"type_id": "err.item.not_found", "message": "Job not found"},
    }
    assert not_master == {
        "requested_job_id": repeat,
        "status": "failed",
        "error": {
            "type_id": "err.job.repeat.invalid_id",
            "message": f"Non-master job handle specified: {repeat}",
        },
    }
    assert too_old == {
        "requested_job_id": expired,
        "status": "failed",
        "error": {
            "type_id": "err.job.repeat.trigger_data_unavailable.expired",
            "message": f"Can not repeat job {expired}. It has been erased due to retention policy.",
        },
    }
    assert response.json()["summary"] == {
        "total_requested": 4,
        "total_enqueued": 1,
        "total_failed": 3,
    }


async def test_an_enqueued_repeat_runs_and_then_succeeds(
    admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    master = ids.newest_master_job(NETSUITE_SYNC)
    results = (await admin.post(_repeat_path(ids), json={"job_ids": [master]})).json()
    new_id = results["results"][0]["job"]["id"]
    jobs_path = f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs"
    newest = (await admin.get(jobs_path)).json()["items"][0]
    assert (newest["id"], newest["status"]) == (new_id, "pending")
    assert newest["is_repeat"] is True and newest["master_job_id"] == master
    clock.advance(10)
    detail = (await admin.get(f"{jobs_path}/{new_id}")).json()
    assert detail["status"] == "succeeded" and detail["completed_at"]
    reruns = (await admin.get(jobs_path, params={"rerun_only": "true"})).json()["items"]
    assert new_id in {j["id"] for j in reruns}


async def test_a_job_can_be_repeated_only_up_to_the_limit(
    emu: Emulator, admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    emu.store.max_repeats_per_job = 2
    master = ids.newest_master_job(NETSUITE_SYNC)
    statuses = []
    for _ in range(3):
        body = (await admin.post(_repeat_path(ids), json={"job_ids": [master]})).json()
        statuses.append(body["results"][0]["status"])
        clock.advance(1)
    assert statuses == ["enqueued", "enqueued", "failed"]
    assert body["results"][0]["error"]["type_id"] == "err.job.repeat.limit_exceeded"
    assert body["summary"] == {"total_requested": 1, "total_enqueued": 0, "total_failed": 1}


async def test_the_default_repeat_limit_is_100(emu: Emulator) -> None:
    assert emu.store.max_repeats_per_job == 100
    assert emu.store.job_retention_days == 30


async def test_resume_answers_204_and_the_job_then_succeeds(
    admin: Api, ids: DemoIds, clock: FakeClock
) -> None:
    jobs_path = f"/api/recipes/{ids.recipe(NEW_HIRES)}/jobs"
    paused = (await admin.get(jobs_path, params={"status": "pending"})).json()["items"]
    assert len(paused) == 1
    job_path = f"{jobs_path}/{paused[0]['id']}"
    clock.advance(3600)
    assert (await admin.get(job_path)).json()["status"] == "pending"  # waits for its token
    response = await admin.post(
        "/api/job/resume", json={"token": DEMO_RESUME_TOKEN, "data": {"approved": True}}
    )
    assert response.status_code == 204 and response.content == b""
    clock.advance(10)
    detail = (await admin.get(job_path)).json()
    assert detail["status"] == "succeeded" and detail["completed_at"]


async def test_resume_token_works_once(admin: Api) -> None:
    body = {"token": DEMO_RESUME_TOKEN, "data": {}}
    assert (await admin.post("/api/job/resume", json=body)).status_code == 204
    again = await admin.post("/api/job/resume", json=body)
    assert again.status_code == 404 and again.json()["message"]


async def test_resume_with_an_unknown_token_is_404(admin: Api) -> None:
    response = await admin.post("/api/job/resume", json={"token": "resume-nope", "data": {}})
    assert response.status_code == 404


async def test_resume_rejects_bad_bodies_and_keeps_the_token(admin: Api) -> None:
    assert_bad_request(
        await admin.post("/api/job/resume", json={"token": DEMO_RESUME_TOKEN, "data": [1, 2]}),
        "data",
    )
    assert_bad_request(await admin.post("/api/job/resume", json={"data": {}}), "token")
    ok = await admin.post("/api/job/resume", json={"token": DEMO_RESUME_TOKEN})
    assert ok.status_code == 204


async def test_paused_job_detail_shows_its_wait_step(admin: Api, ids: DemoIds) -> None:
    paused = next(j for j in ids.jobs(NEW_HIRES) if j["status"] == "pending")
    path = f"/api/recipes/{ids.recipe(NEW_HIRES)}/jobs/{paused['id']}"
    detail = (await admin.get(path)).json()
    assert detail["completed_at"] is None
    assert detail["lines"][-1]["adapter_operation"] == "wait_for_resume"


async def test_customer_repeat_uses_the_customer_workspace(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    jobs = ids.customer_jobs("A2300")
    master = next(j["id"] for j in reversed(jobs) if not j["is_repeat"])
    recipe_id = ids.customer_recipe("A2300")
    path = f"/api/managed_users/{ids.customer('A2300')}/recipes/{recipe_id}/repeat_jobs"
    body = (await admin.post(path, json={"job_ids": [master]})).json()
    assert body["summary"]["total_enqueued"] == 1
    assert len(ids.customer_jobs("A2300")) == len(jobs) + 1
    workspace_repeat = await admin.post(_repeat_path(ids), json={"job_ids": [master]})
    assert workspace_repeat.json()["results"][0]["error"]["type_id"] == "err.item.not_found"


async def test_a_repeat_counts_in_its_recipes_job_counts_once_it_finishes(
    clock: FakeClock, admin: Api, ids: DemoIds
) -> None:
    recipe_path = f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}"
    before = (await admin.get(recipe_path)).json()
    master = ids.newest_master_job(NETSUITE_SYNC)
    await admin.post(_repeat_path(ids), json={"job_ids": [master]})
    clock.advance(6.0)  # the repeat finishes a few seconds later (seen when jobs are read)
    listed = (await admin.get(f"{recipe_path}/jobs")).json()
    after = (await admin.get(recipe_path)).json()
    assert after["job_succeeded_count"] == before["job_succeeded_count"] + 1
    assert after["job_succeeded_count"] == listed["job_succeeded_count"]  # the two agree
    assert after["job_failed_count"] == before["job_failed_count"]
    assert after["last_run_at"] > before["last_run_at"]
