"""How the failures inbox shows what it found: its columns (groups by cause, a group's jobs)
and its status line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ..columns import Column
from ..service.failures import FailedJob, FailureGroup
from ..views.format import age

if TYPE_CHECKING:
    from ..service.failure_repeat import RepeatOutcome
    from ..service.failure_scan import ScanProgress
    from ..service.failures import FailureInbox


def _named(group: FailureGroup) -> str:
    recipes = group.recipes
    return ", ".join(recipes[:2]) + (f" (+{len(recipes) - 2})" if len(recipes) > 2 else "")


def row_key(row: FailureGroup | FailedJob) -> str:
    """A group is known by its cause, a job by its id."""
    return row.cause if isinstance(row, FailureGroup) else row.id


def group_columns(now: Callable[[], datetime]) -> tuple[Column, ...]:
    """The inbox's columns; times read as how long ago, sorted by the moment itself."""
    since = lambda moment: ago(moment, now())  # noqa: E731
    return (
        Column("count", "JOBS", width=5, align="right"),
        Column("cause", "CAUSE", width=44),
        Column("recipes", "RECIPES", width=28, get=_named),
        Column("last", "LAST", width=8, align="right", get=_last_seen, format=since),
        Column("first", "FIRST", width=8, align="right", get=_first_seen, format=since),
        Column("sample", "SAMPLE MESSAGE", width=60),
    )


def job_columns(
    now: Callable[[], datetime], outcome: Callable[[FailedJob], RepeatOutcome | None] | None
) -> tuple[Column, ...]:
    """A group's jobs; the REPEAT column once something was repeated (`outcome` given)."""
    since = lambda moment: ago(moment, now())  # noqa: E731
    columns = [
        Column("started", "STARTED", width=8, align="right", get=_started_at, format=since),
        Column("recipe", "RECIPE", width=28, get=_recipe_name),
        Column("error", "ERROR", width=70),
        Column("id", "JOB", width=24),
    ]
    if outcome is not None:
        columns.insert(2, Column("repeat", "REPEAT", width=24, get=outcome, format=outcome_text))
    return tuple(columns)


def _last_seen(group: FailureGroup) -> datetime | None:
    return group.last_seen


def _first_seen(group: FailureGroup) -> datetime | None:
    return group.first_seen


def _started_at(job: FailedJob) -> datetime | None:
    return job.started_at


def _recipe_name(job: FailedJob) -> str:
    return job.recipe_name


def status_text(step: ScanProgress, inbox: FailureInbox) -> str:
    """How far the scan is, what it cost and what it found."""
    budget = step.budget
    left = f" · {budget.endpoint_id} {budget.remaining}/{budget.limit} left" if budget else ""
    found = f"{len(inbox)} failed jobs in {len(inbox.groups())} causes"
    requests = _count(step.requests, "request")
    if step.done:
        return (
            f"Scanned {step.recipes_to_scan} recipes with failures · "
            f"{requests}{left} · {found} · w: window, r: repeat, ctrl+r: refresh"
        )
    return (
        f"Scanning {step.recipes_scanned}/{step.recipes_to_scan} recipes · "
        f"{requests}{left} · about {step.eta_seconds:.0f} s left · {found}"
    )


def outcome_text(outcome: RepeatOutcome | None) -> str:
    if outcome is None:
        return ""
    if not outcome.enqueued:
        return f"not repeated: {outcome.error}"
    return f"→ {outcome.new_job_id} {outcome.status or 'enqueued'}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def ago(moment: datetime | None, now: datetime) -> str:
    """How long ago, in the largest whole unit (the lists' `age`): `45s ago`, `5h ago`; a
    moment after `now` reads `0s ago`."""
    if moment is None:
        return ""
    return f"{age(min(moment, now), now)} ago"


def newest_first(jobs: list[FailedJob]) -> list[FailedJob]:
    return sorted(
        jobs, key=lambda j: j.started_at.timestamp() if j.started_at else 0.0, reverse=True
    )
