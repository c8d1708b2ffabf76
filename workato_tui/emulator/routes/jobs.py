"""Jobs: list (with offset_job_id/prev cursors), details, resume, repeat.

The list, detail and repeat logic serves both the workspace and Embedded customers.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from starlette.responses import Response

from ..context import Ctx, route
from ..errors import ApiError, bad_request, not_found
from ..jobgen import job_detail, make_job, settle
from ..store import JobLog, Record, Workspace, public

MAX_REPEAT_IDS = 25


def _matches(ctx: Ctx) -> Any:
    status = ctx.query("status")
    if status and status not in ("succeeded", "failed", "pending"):
        raise bad_request(
            "status must be succeeded, failed or pending", "invalid_parameter", "status"
        )
    rerun_only = ctx.query_bool("rerun_only")
    return lambda job: (
        (not status or job["status"] == status) and (not rerun_only or job["is_repeat"])
    )


def _window(ctx: Ctx, log: JobLog, matches: Any, size: int) -> list[Record]:
    """Up to `size` matching jobs, newest first, older (or with prev, newer) than the offset."""
    offset = ctx.query("offset_job_id")
    prev = bool(ctx.query_bool("prev"))
    jobs = log.jobs
    if offset:
        index = log.index.get(offset)
        if index is None:
            raise bad_request(
                f"offset_job_id {offset} is not a job of this recipe",
                "invalid_parameter",
                "offset_job_id",
            )
    else:
        index, prev = len(jobs), False
    picked: list[Record] = []
    positions = range(index + 1, len(jobs)) if prev else range(index - 1, -1, -1)
    for i in positions:
        if matches(jobs[i]):
            picked.append(jobs[i])
            if len(picked) == size:
                break
    return list(reversed(picked)) if prev else picked


def list_jobs(ctx: Ctx, ws: Workspace, recipe: Record) -> Record:
    log = ws.job_log(recipe["id"])
    matches = _matches(ctx)
    _, size = ctx.page(100, 100)
    items = _window(ctx, log, matches, size)
    for job in items:
        settle(ctx.store, job, recipe)
    unfiltered = not ctx.query("status") and not ctx.query_bool("rerun_only")
    return {
        "job_succeeded_count": sum(j["status"] == "succeeded" for j in log.jobs),
        "job_failed_count": sum(j["status"] == "failed" for j in log.jobs),
        "job_count": len(log.jobs),
        "job_scope_count": len(log.jobs) if unfiltered else sum(map(matches, log.jobs)),
        "items": [public(j) for j in items],
    }


def get_job(ctx: Ctx, ws: Workspace, recipe: Record) -> Record:
    job = ws.job_log(recipe["id"]).get(ctx.params["job_id"])
    if job is None:
        raise not_found("Job not found")
    settle(ctx.store, job, recipe)
    return job_detail(recipe, job)


def repeat_jobs(ctx: Ctx, ws: Workspace, recipe: Record) -> Record:
    job_ids = ctx.field("job_ids")
    if (
        not isinstance(job_ids, list)
        or not job_ids
        or not all(isinstance(j, str) and j for j in job_ids)
    ):
        raise ApiError(400, "param is missing or the value is empty or invalid: job_ids")
    if len(job_ids) > MAX_REPEAT_IDS:
        raise ApiError(
            400,
            f"Maximum {MAX_REPEAT_IDS} jobs can be repeated in a single request. "
            f"Received {len(job_ids)}.",
        )
    duplicates = sorted({j for j in job_ids if job_ids.count(j) > 1})
    if duplicates:
        raise ApiError(400, f"Duplicate job_ids are not allowed: {', '.join(duplicates)}")
    results = [_repeat_one(ctx, ws, recipe, job_id) for job_id in job_ids]
    enqueued = sum(r["status"] == "enqueued" for r in results)
    return {
        "results": results,
        "summary": {
            "total_requested": len(results),
            "total_enqueued": enqueued,
            "total_failed": len(results) - enqueued,
        },
    }


def _repeat_one(ctx: Ctx, ws: Workspace, recipe: Record, job_id: str) -> Record:
    log = ws.job_log(recipe["id"])
    job = log.get(job_id)
    store = ctx.store
    retention = store.now() - timedelta(days=store.job_retention_days)
    if job is None:
        return _failed(job_id, "err.item.not_found", "Job not found")
    if job["is_repeat"]:
        return _failed(
            job_id, "err.job.repeat.invalid_id", f"Non-master job handle specified: {job_id}"
        )
    if job["_t"] < retention.timestamp():
        return _failed(
            job_id,
            "err.job.repeat.trigger_data_unavailable.expired",
            f"Can not repeat job {job_id}. It has been erased due to retention policy.",
        )
    if job["_repeats"] >= store.max_repeats_per_job:
        return _failed(
            job_id,
            "err.job.repeat.limit_exceeded",
            f"Can not repeat job {job_id}. It has already been repeated "
            f"{store.max_repeats_per_job} times.",
        )
    repeat = make_job(store, recipe, store.now(), "pending", store.rng, master=job)
    log.append(repeat)
    job["_repeats"] += 1
    recipe["last_run_at"] = repeat["started_at"]
    return {"requested_job_id": job_id, "status": "enqueued", "job": {"id": repeat["id"]}}


def _failed(job_id: str, type_id: str, message: str) -> Record:
    return {
        "requested_job_id": job_id,
        "status": "failed",
        "error": {"type_id": type_id, "message": message},
    }


def _recipe(ctx: Ctx) -> Record:
    return ctx.visible(
        ctx.workspace.recipes, ctx.path_int("recipe_id", "Recipe not found"), "Recipe"
    )


@route("jobs.list")
async def list_workspace_jobs(ctx: Ctx) -> Record:
    return list_jobs(ctx, ctx.workspace, _recipe(ctx))


@route("jobs.get")
async def get_workspace_job(ctx: Ctx) -> Record:
    return get_job(ctx, ctx.workspace, _recipe(ctx))


@route("jobs.repeat")
async def repeat_workspace_jobs(ctx: Ctx) -> Record:
    return repeat_jobs(ctx, ctx.workspace, _recipe(ctx))


@route("jobs.resume")
async def resume_job(ctx: Ctx) -> Response:
    token = ctx.field("token")
    if not isinstance(token, str) or not token:
        raise bad_request(
            "token is required: the resume token of a paused job", "missing_parameter", "token"
        )
    data = ctx.field("data")
    if data is not None and not isinstance(data, dict):
        raise bad_request("data must be a JSON object", "invalid_parameter", "data")
    address = ctx.store.resume_tokens.get(token)
    if address is None:
        raise not_found("Resume token not found or already used")
    ws, recipe_id, job_id = address
    job = ws.job_log(recipe_id).get(job_id)
    recipe = ws.recipes.get(recipe_id)
    if job is None or not ctx.scope.allows(recipe):
        raise not_found("Resume token not found or already used")
    del ctx.store.resume_tokens[token]
    job.pop("_resume_token", None)
    job["_t"] = ctx.store.now().timestamp()
    job["_resume_data"] = data or {}
    return Response(status_code=204)
