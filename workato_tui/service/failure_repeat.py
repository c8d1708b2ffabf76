"""Repeating failed jobs from the inbox: which can go, the sending, and what became of them.

Workato repeats master jobs only, at most 100 times each, and only while the trigger data is
inside the retention window. Jobs that break a rule are skipped with the reason before anything
is sent; the rest go 25 per request, paced by the limiter (1 request/s per repeat endpoint),
through `Writes.repeat_jobs`, which the access policy and read-only mode guard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from ..api.models import RepeatResult
from .failures import FailedJob
from .families import Family
from .workspace import JOBS_PER_PAGE, WorkspaceService

RETENTION_DAYS = 30
MAX_REPEATS_PER_JOB = 100

RecipeKey = tuple[str | None, int]  # (Embedded customer or None, recipe id)


@dataclass(frozen=True)
class RepeatSkip:
    job: FailedJob
    reason: str


@dataclass(frozen=True)
class RepeatPlan:
    """Jobs to send, per recipe, and jobs left out with the reason."""

    batches: dict[RecipeKey, list[FailedJob]] = field(default_factory=dict)
    skipped: list[RepeatSkip] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(jobs) for jobs in self.batches.values())


@dataclass(frozen=True)
class RepeatOutcome:
    """One job's repeat: the new job's id, or why it was not enqueued; later, how it ended."""

    job: FailedJob
    new_job_id: str | None = None
    error: str | None = None
    status: str | None = None  # the new job's status once checked

    @property
    def enqueued(self) -> bool:
        return self.new_job_id is not None

    def describe(self) -> str:
        where = f"{self.job.recipe_name}: job {self.job.id}"
        if not self.enqueued:
            return f"{where} not repeated: {self.error or 'no result returned'}"
        ending = f" ({self.status})" if self.status else " (enqueued)"
        return f"{where} repeated as {self.new_job_id}{ending}"


def plan_repeats(
    jobs: Iterable[FailedJob],
    *,
    now: datetime,
    retention_days: int = RETENTION_DAYS,
    repeats_of: Mapping[str, int] | None = None,
) -> RepeatPlan:
    """Which of `jobs` can be repeated; each master job once, whatever the marks."""
    plan = RepeatPlan()
    horizon = now - timedelta(days=retention_days)
    done: set[tuple[str | None, str]] = set()
    for job in jobs:
        if (job.customer, job.id) in done:
            continue
        done.add((job.customer, job.id))
        reason = _skip_reason(job, horizon, retention_days, (repeats_of or {}).get(job.id, 0))
        if reason:
            plan.skipped.append(RepeatSkip(job, reason))
        else:
            plan.batches.setdefault((job.customer, job.recipe_id), []).append(job)
    return plan


def _skip_reason(job: FailedJob, horizon: datetime, days: int, repeats: int) -> str | None:
    if job.is_repeat:
        return f"is a repeat of {job.job.master_job_id}; only master jobs can be repeated"
    if repeats >= MAX_REPEATS_PER_JOB:
        return f"already repeated {repeats} times (the limit is {MAX_REPEATS_PER_JOB})"
    if job.started_at is not None and job.started_at < horizon:
        return f"past the {days}-day retention: its trigger data is erased"
    return None


async def repeat_planned(
    service: WorkspaceService,
    plan: RepeatPlan,
    on_outcome: Callable[[RepeatOutcome], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[RepeatOutcome]:
    """Send the plan, recipe by recipe; each job's outcome as the batches come back.

    `cancelled` is asked before each recipe: what was sent stays sent, the rest is not.
    """
    outcomes: list[RepeatOutcome] = []
    for (customer, recipe_id), jobs in plan.batches.items():
        if cancelled and cancelled():
            break
        by_id = {job.id: job for job in jobs}

        def collect(results: list[RepeatResult], by_id: dict[str, FailedJob] = by_id) -> None:
            for result in results:
                job = by_id.get(result.requested or "")
                if job is not None:
                    outcomes.append(_outcome(job, result))
                    if on_outcome:
                        on_outcome(outcomes[-1])

        await service.writes.repeat_jobs(
            recipe_id, list(by_id), customer=customer, on_batch=collect
        )
    return outcomes


def _outcome(job: FailedJob, result: RepeatResult) -> RepeatOutcome:
    new_id = result.job.id if result.job is not None else None
    if result.status == "enqueued" and new_id:
        return RepeatOutcome(job, new_id)
    return RepeatOutcome(job, None, result.error_message or result.status or "not enqueued")


async def check_repeats(
    service: WorkspaceService, outcomes: Iterable[RepeatOutcome], max_pages: int = 5
) -> list[RepeatOutcome]:
    """How each enqueued repeat ended, read from its recipe's newest jobs (a page per recipe)."""
    outcomes = list(outcomes)
    wanted: dict[RecipeKey, set[str]] = {}
    for outcome in outcomes:
        if outcome.new_job_id is not None:
            key = (outcome.job.customer, outcome.job.recipe_id)
            wanted.setdefault(key, set()).add(outcome.new_job_id)
    statuses: dict[str, str] = {}
    for (customer, recipe_id), ids in wanted.items():
        service.gateway.forget(Family.JOBS, customer, recipe_id)
        offset: str | None = None
        for _ in range(max_pages):
            page = await service.job_page(recipe_id, customer=customer, offset_job_id=offset)
            statuses.update({j.id: j.status or "unknown" for j in page.items if j.id in ids})
            if ids <= statuses.keys() or len(page.items) < JOBS_PER_PAGE:
                break
            offset = page.items[-1].id
    return [
        replace(o, status=statuses.get(o.new_job_id, "not found")) if o.new_job_id else o
        for o in outcomes
    ]
