"""Typed rows of the list views that do not show an API model as it is.

Most views show frozen API models (`Recipe`, `Connection`, ...) directly. Jobs come by the
100,000, so a job is kept as a small slotted `JobRow` (about a tenth of a model, and no dict);
an on-prem group is shown with its status; a call-log line gets a number.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from ..api.models import Folder, Job
from ..api.models_admin import OnPremAgent, OnPremGroup, OnPremStatus


def _interned(text: str | None) -> str | None:
    """One string object for the few values a field takes (a status) across 100,000 rows."""
    return None if text is None else sys.intern(text)


@dataclass(frozen=True, slots=True)
class JobRow:
    """A job as the jobs list shows it; the job screen reads the rest by id."""

    id: str
    status: str | None
    title: str | None
    error: str | None
    is_error: bool
    master_job_id: str | None
    recipe_id: int | None
    started_at: datetime | None
    completed_at: datetime | None

    @classmethod
    def of(cls, job: Job) -> JobRow:
        error = job.error
        return cls(
            id=job.id,
            status=_interned(job.status),
            title=job.title,
            error=None if error is None else str(error),
            is_error=job.is_error,
            master_job_id=job.master_job_id,
            recipe_id=job.recipe_id,
            started_at=job.started_at,
            completed_at=job.completed_at,
        )

    @property
    def duration(self) -> float | None:
        """Seconds from start to completion; None while it runs."""
        started, completed = self.started_at, self.completed_at
        return (completed - started).total_seconds() if started and completed else None

    @property
    def repeat(self) -> str:
        """'repeat' when this job re-runs another one."""
        return "repeat" if self.master_job_id not in (None, self.id) else ""


class TreeFolder(Folder):
    """A folder or project as the tree offers it: the API's folder plus where it sits."""

    path: str = ""

    @property
    def project(self) -> int:
        """The id of the project this folder is in (every tree node knows it)."""
        if self.project_id is None:
            raise ValueError(f"folder {self.id} has no project")
        return int(self.project_id)


class OnPremRow(OnPremGroup):
    """An on-prem group with its agents' status."""

    status: str | None = None  # active, inactive
    total_agents: int | None = None
    active_agents: int | None = None
    agent_list: list[OnPremAgent] = Field(default_factory=list)

    @classmethod
    def of(cls, group: OnPremGroup, status: OnPremStatus) -> OnPremRow:
        return cls.model_validate(
            {
                **group.model_dump(),
                "status": status.status,
                "total_agents": status.total_agents,
                "active_agents": status.active_agents,
                "agent_list": status.agents,
            }
        )

    @property
    def agents(self) -> str:
        return ", ".join(f"{a.name} ({a.status})" for a in self.agent_list)


_CALL_NUMBERS = itertools.count(1)


@dataclass(frozen=True, slots=True)
class CallRow:
    """One line of the live call log, numbered in arrival order (its row key)."""

    id: int
    entry: Mapping[str, Any]  # a redacted call-log entry (see service.calllog.to_entry)

    @classmethod
    def of(cls, entry: Mapping[str, Any]) -> CallRow:
        return cls(next(_CALL_NUMBERS), entry)

    @property
    def query_text(self) -> str:
        query = self.entry.get("query") or {}
        return "&".join(f"{k}={v}" for k, v in query.items())

    @property
    def name(self) -> str:
        return f"{self.entry.get('method')} {self.entry.get('path')}"


def call_field(name: str) -> Callable[[CallRow], Any]:
    """A column getter reading a call-log entry's field."""
    return lambda row: row.entry.get(name)


def row_data(row: Any) -> dict[str, Any]:
    """A typed row as plain data, for the raw-JSON view."""
    if isinstance(row, BaseModel):
        return row.model_dump(mode="python")
    if isinstance(row, CallRow):
        return dict(row.entry)
    if isinstance(row, Mapping):
        return dict(row)
    return {name: getattr(row, name) for name in getattr(row, "__slots__", ())}
