"""Jobs: their list records, generated in bulk, and their per-line details, generated on demand.

Details (`lines` with `input`, `output`, `error`, `mask_data` and `line_stat`, decisions #34)
are derived from the job id, so 100,000 jobs cost only their list records in memory.
"""

from __future__ import annotations

import json
import random
import zlib
from datetime import datetime, timedelta

from . import stepdata
from .clock import iso
from .demo_data import COMPANIES, ERRORS, PEOPLE, TITLES
from .store import Record, Store, Workspace

_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _b62(number: int, width: int) -> str:
    chars = []
    for _ in range(width):
        number, rem = divmod(number, 62)
        chars.append(_B62[rem])
    return "".join(reversed(chars))


def new_job_id(rng: random.Random) -> str:
    return f"j-{_b62(rng.getrandbits(48), 8)}-{_b62(rng.getrandbits(36), 6)}"


def job_title(app: str, rng: random.Random, moment: datetime) -> str:
    template = TITLES.get(app, "New event {n}")
    return template.format(
        n=rng.randint(10000, 99999),
        company=rng.choice(COMPANIES),
        person=rng.choice(PEOPLE),
        time=moment.strftime("%H:%M"),
    )


def make_job(
    store: Store,
    recipe: Record,
    started: datetime,
    status: str,
    rng: random.Random,
    master: Record | None = None,
) -> Record:
    """One job list record. `master` makes it a repeat of that job."""
    job_id = new_job_id(rng)
    duration = timedelta(seconds=rng.uniform(0.4, 9.0))
    trigger_app = recipe.get("trigger_application") or "workato_webhooks"
    failed = status == "failed"
    error = None
    if failed:
        app = (recipe.get("action_applications") or [trigger_app])[-1]
        error = ERRORS.get(app, ("Workato", "Unexpected error"))[1]
    return {
        "id": job_id,
        "flow_run_id": rng.randint(10_000_000, 99_999_999),
        "completed_at": None if status == "pending" else iso(started + duration),
        "started_at": iso(started),
        "title": master["title"] if master else job_title(trigger_app, rng, started),
        "is_poll_error": False,
        "error": error,
        "is_error": failed,
        "status": status,
        "calling_recipe_id": None,
        "calling_job_id": None,
        "recipe_id": recipe["id"],
        "root_recipe_id": None,
        "root_job_id": None,
        "master_job_id": master["id"] if master else job_id,
        "is_repeat": master is not None,
        "_t": started.timestamp(),
        "_repeats": 0,
    }


def seed_jobs(
    store: Store,
    workspace: Workspace,
    recipe: Record,
    count: int,
    rng: random.Random,
    failure_rate: float = 0.08,
    repeat_rate: float = 0.03,
) -> None:
    """`count` jobs over the recent past, oldest first, a few failed and a few repeated."""
    log = workspace.job_log(recipe["id"])
    end = store.now() - timedelta(minutes=10)
    step = (timedelta(days=45) - timedelta(minutes=10)) / max(count, 1)
    start = end - step * count
    failed = succeeded = 0
    for i in range(count):
        moment = start + step * (i + rng.uniform(0.25, 0.75))
        status = "failed" if rng.random() < failure_rate else "succeeded"
        job = make_job(store, recipe, moment, status, rng)
        log.append(job)
        if status == "failed" and log.jobs and rng.random() < repeat_rate / failure_rate:
            repeat = make_job(
                store,
                recipe,
                moment + min(timedelta(minutes=7), step / 8),
                "succeeded",
                rng,
                master=job,
            )
            job["_repeats"] += 1
            log.append(repeat)
            succeeded += 1
        failed += status == "failed"
        succeeded += status == "succeeded"
    recipe["job_succeeded_count"] = succeeded
    recipe["job_failed_count"] = failed
    recipe["last_run_at"] = log.jobs[-1]["started_at"] if log.jobs else None


def _failing_line(lines: list[Record], app: str | None) -> int:
    """The step that failed: the last one of `app` (when the job names it), else the last."""
    found = [i for i, line in enumerate(lines) if app and line["adapter_name"] == app]
    return found[-1] if found else len(lines) - 1


def job_lines(recipe: Record, job: Record) -> list[Record]:
    """The job's steps with timing and data, derived from its id so they are stable across
    reads: each step's input and output (none when masked), the error on the failing step."""
    rng = random.Random(zlib.crc32(job["id"].encode()))
    apps = [recipe.get("trigger_application") or "workato_webhooks"]
    apps += recipe.get("action_applications") or []
    story = stepdata.Story(
        rng,
        datetime.fromisoformat(job["started_at"]),
        job.get("title") or "",
        recipe.get("_slack_channel"),
    )
    trigger_name = _trigger_name(recipe)
    lines = []
    for number, app in enumerate(apps):
        total = rng.uniform(0.01, 2.5) if number else rng.uniform(0.005, 0.3)
        op = stepdata.operation(app, number, trigger_name)
        line: Record = {
            "recipe_line_number": number,
            "adapter_name": app,
            "adapter_operation": op,
            "mask_data": stepdata.masked(app, rng),
            "line_stat": {"total": total, "details": _stat_details(rng, total)},
        }
        data_in, data_out = stepdata.step_data(app, op, number == 0, rng, story)
        if not line["mask_data"]:
            line.update(input=data_in, output=data_out)
        lines.append(line)
    _fit_to_job(lines, job)
    if job["status"] == "failed" and lines:
        at = _failing_line(lines, job.get("_failed_app"))
        del lines[at + 1 :]  # the job stopped at the failing step
        failing = lines[at]
        failing["error"] = job.get("error")
        if "output" in failing:
            failing["output"] = None  # the step failed before it produced anything
    if job.get("_resume_token"):
        lines.append(
            {
                "recipe_line_number": len(lines),
                "adapter_name": "workato_custom_action",
                "adapter_operation": "wait_for_resume",
                "input": {"timeout_hours": 72},
                "output": {
                    "resume_token": job["_resume_token"],
                    "waiting_since": job["started_at"],
                },
                "mask_data": False,
                "line_stat": {"total": 0.0, "details": []},
            }
        )
    return lines


def _trigger_name(recipe: Record) -> str | None:
    """The trigger's operation as the recipe's code names it (None if the code is unreadable)."""
    try:
        code = json.loads(recipe.get("code") or "")
    except (TypeError, ValueError):
        return None
    name = code.get("name") if isinstance(code, dict) else None
    return str(name) if name else None


def _fit_to_job(lines: list[Record], job: Record) -> None:
    """Steps run inside their job: scale their times so they add up to at most 90 % of it."""
    if not job.get("completed_at"):
        return
    took = (
        datetime.fromisoformat(job["completed_at"]) - datetime.fromisoformat(job["started_at"])
    ).total_seconds()
    spent = sum(line["line_stat"]["total"] for line in lines)
    if spent <= 0.9 * took or spent == 0:
        return
    factor = 0.9 * took / spent
    for line in lines:
        stat = line["line_stat"]
        stat["total"] *= factor
        for detail in stat["details"]:
            for field in ("average", "total", "min", "max"):
                detail[field] *= factor


def _stat_details(rng: random.Random, total: float) -> list[Record]:
    names = ["map_input", "render_input", "execute", "parse_output", "summarize_output_report"]
    weights = [rng.random() for _ in names]
    weights[2] *= 8  # execute dominates, as in real line stats
    scale = total / sum(weights)
    return [
        {
            "name": n,
            "count": 1,
            "average": w * scale,
            "total": w * scale,
            "min": w * scale,
            "max": w * scale,
        }
        for n, w in zip(names, weights, strict=True)
    ]


def job_detail(recipe: Record, job: Record) -> Record:
    detail = {k: v for k, v in job.items() if not k.startswith("_") and k != "flow_run_id"}
    detail.update(
        {
            "handle": job["id"],
            "master_job_handle": job["master_job_id"],
            "calling_job_handle": None,
            "is_test": False,
            "is_test_case_job": False,
            "lines": job_lines(recipe, job),
        }
    )
    return detail


def settle(store: Store, job: Record, recipe: Record, after_seconds: float = 5.0) -> None:
    """A pending job that is not waiting on a resume token finishes a few seconds later, and
    counts in its recipe's job counts (as Workato's recipe counts follow its jobs)."""
    if job["status"] != "pending" or job.get("_resume_token"):
        return
    started = job["_t"]
    if store.now().timestamp() - started >= after_seconds:
        job["status"] = "succeeded"
        job["completed_at"] = iso(store.now())
        recipe["job_succeeded_count"] = (recipe.get("job_succeeded_count") or 0) + 1
