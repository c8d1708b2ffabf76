"""Failed jobs grouped by cause: the data of the failures inbox, without I/O.

A cause is the error text with what varies between occurrences taken out: quoted values, job
ids, UUIDs, e-mail addresses and numbers. "Invalid key 7 for entity 1843" and "Invalid key 9 for
entity 2210" are one cause; "channel_not_found" is another. The scan that finds the jobs lives in
`failure_scan.py`; this module only keeps and groups what it found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ..api.models import Job

_VARYING = (
    (re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`"), "'…'"),
    (re.compile(r"\bj-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"), "<job>"),
    (re.compile(r"\b[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\b"), "<uuid>"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "<email>"),
    # numbers, except an HTTP status before its reason ("403 Forbidden" stays a cause of its own)
    (re.compile(r"(?<!\d)(?![1-5]\d\d [A-Z])\d+(?:[.,]\d+)*"), "#"),
    (re.compile(r"\s+"), " "),
)
NO_MESSAGE = "(no error message)"


def cause_of(message: object) -> str:
    """The error text with ids, numbers and quoted values normalised away."""
    text = message if isinstance(message, str) else "" if message is None else str(message)
    for pattern, replacement in _VARYING:
        text = pattern.sub(replacement, text)
    return text.strip() or NO_MESSAGE


def error_text(job: Job) -> str:
    """A job's error as one line of text, whatever shape the service sent."""
    error = job.error
    if isinstance(error, dict):
        error = error.get("message") or error.get("title") or str(error)
    if not error and job.error_parts:
        error = job.error_parts.get("message") or job.error_parts.get("inner_message")
    return str(error).strip() if error else NO_MESSAGE


@dataclass(frozen=True)
class FailedJob:
    """One failed job and the recipe (and Embedded customer) it belongs to."""

    recipe_id: int
    recipe_name: str
    job: Job
    customer: str | None = None

    @property
    def id(self) -> str:
        return self.job.id

    @property
    def error(self) -> str:
        return error_text(self.job)

    @property
    def cause(self) -> str:
        return cause_of(self.error)

    @property
    def started_at(self) -> datetime | None:
        return self.job.started_at

    @property
    def is_repeat(self) -> bool:
        """A repeat of another job (only master jobs can be repeated)."""
        flagged = (self.job.model_extra or {}).get("is_repeat")
        if isinstance(flagged, bool):
            return flagged
        master = self.job.master_job_id
        return master is not None and master != self.job.id


@dataclass
class FailureGroup:
    """Every failed job that shares one cause."""

    cause: str
    jobs: list[FailedJob] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.jobs)

    @property
    def sample(self) -> str:
        """The newest job's own message."""
        return max(self.jobs, key=_started).error if self.jobs else self.cause

    @property
    def recipes(self) -> list[str]:
        return sorted({job.recipe_name for job in self.jobs}, key=str.lower)

    @property
    def first_seen(self) -> datetime | None:
        moments = [j.started_at for j in self.jobs if j.started_at]
        return min(moments) if moments else None

    @property
    def last_seen(self) -> datetime | None:
        moments = [j.started_at for j in self.jobs if j.started_at]
        return max(moments) if moments else None


class FailureInbox:
    """Failed jobs, deduplicated by (customer, job id) and grouped by cause as they arrive."""

    def __init__(self) -> None:
        self._groups: dict[str, FailureGroup] = {}
        self._seen: set[tuple[str | None, str]] = set()

    def add(self, jobs: Iterable[FailedJob]) -> list[FailureGroup]:
        """Add jobs not seen before; returns the groups that changed."""
        changed: dict[str, FailureGroup] = {}
        for job in jobs:
            key = (job.customer, job.id)
            if key in self._seen:
                continue
            self._seen.add(key)
            group = self._groups.setdefault(job.cause, FailureGroup(job.cause))
            group.jobs.append(job)
            changed[job.cause] = group
        return list(changed.values())

    def drop_recipe(self, recipe_id: int, customer: str | None = None) -> None:
        """Forget a recipe's jobs before they are read again."""
        for cause, group in list(self._groups.items()):
            kept = [j for j in group.jobs if (j.recipe_id, j.customer) != (recipe_id, customer)]
            for job in group.jobs:
                if job not in kept:
                    self._seen.discard((job.customer, job.id))
            group.jobs = kept
            if not kept:
                del self._groups[cause]

    def ids(self) -> set[tuple[str | None, str]]:
        """(customer, job id) of every job held."""
        return set(self._seen)

    def groups(self) -> list[FailureGroup]:
        """Biggest cause first, then the most recent."""
        return sorted(
            self._groups.values(),
            key=lambda g: (-g.count, -(g.last_seen.timestamp() if g.last_seen else 0.0), g.cause),
        )

    def jobs(self) -> list[FailedJob]:
        return [job for group in self._groups.values() for job in group.jobs]

    def __len__(self) -> int:
        return len(self._seen)


def _started(job: FailedJob) -> float:
    return job.started_at.timestamp() if job.started_at else 0.0
