"""Typed rows of the list views that do not show an API model as it is.

Most views show frozen API models (`Recipe`, `Connection`, ...) directly. Jobs come by the
100,000, so a job is kept as a small slotted `JobRow` (about a tenth of a model, and no dict);
a recipe as a slotted `RecipeRow`; a call-log line gets a number. Rows that are models
themselves (the tree's folders, on-prem groups with their status) are in `model_rows`.

This module imports no pydantic and no API model: the first frame revives the last-known
recipes as `RecipeRow`s before the client is built (see starting.py).
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..api.ids import ascii_int

if TYPE_CHECKING:
    from ..api.models import Job, Recipe


def _interned(text: str | None) -> str | None:
    """One string object for the few values a field takes (a status) across 100,000 rows."""
    return None if text is None else sys.intern(text)


def _seconds(moment: datetime | None) -> float | None:
    return None if moment is None else moment.timestamp()


def _duration(started: datetime | None, completed: datetime | None) -> float | None:
    """Exact (from the datetimes, not their float seconds): the list shows it to 1/100 s."""
    return (completed - started).total_seconds() if started and completed else None


def _moment(seconds: float | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


@dataclass(frozen=True, slots=True)
class JobRow:
    """A job as the jobs list shows it; the job screen reads the rest by id.

    Kept small, as 100,000 of them are listed: times as POSIX seconds (a float is half a
    datetime), and a job that is its own master shares its id string."""

    id: str
    status: str | None
    title: str | None
    error: str | None
    is_error: bool
    master_job_id: str | None
    recipe_id: int | None
    started: float | None
    duration: float | None  # seconds from start to completion; None while it runs

    @classmethod
    def of(cls, job: Job, recipe_id: int | None = None) -> JobRow:
        """`recipe_id`: the recipe listed, whose id object every row shares."""
        return cls(
            id=job.id,
            status=_interned(job.status),
            title=job.title,
            error=None if job.error is None else str(job.error),
            is_error=job.is_error,
            master_job_id=job.id if job.master_job_id == job.id else job.master_job_id,
            recipe_id=recipe_id if job.recipe_id == recipe_id else job.recipe_id,
            started=_seconds(job.started_at),
            duration=_duration(job.started_at, job.completed_at),
        )

    @property
    def started_at(self) -> datetime | None:
        return _moment(self.started)

    @property
    def completed_at(self) -> datetime | None:
        if self.started is None or self.duration is None:
            return None
        return _moment(self.started + self.duration)

    @property
    def repeat(self) -> str:
        """'repeat' when this job re-runs another one."""
        return "repeat" if self.master_job_id not in (None, self.id) else ""


@dataclass(frozen=True, slots=True)
class StepConnection:
    """Which connection a recipe step uses (a recipe's `config` entry)."""

    provider: str | None
    account_id: int | None


@dataclass(frozen=True, slots=True)
class RecipeRow:
    """A recipe as lists show it and the recipe screen starts from: a slotted row of the
    fields they read (an API `Recipe` model costs about 6 KB; 10,000 of them are listed)."""

    id: int
    name: str
    folder_id: int | None
    project_id: int | str | None
    description: str | None
    running: bool
    trigger_application: str | None
    action_applications: tuple[str, ...]
    job_succeeded_count: int
    job_failed_count: int
    version_no: int | None
    stop_cause: str | None
    author_name: str | None
    config: tuple[StepConnection, ...]
    last_run_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def of(cls, recipe: Recipe) -> RecipeRow:
        return cls(
            id=recipe.id,
            name=recipe.name,
            folder_id=recipe.folder_id,
            project_id=recipe.project_id,
            description=recipe.description,
            running=recipe.running,
            trigger_application=_interned(recipe.trigger_application),
            action_applications=tuple(sys.intern(a) for a in recipe.action_applications),
            job_succeeded_count=recipe.job_succeeded_count,
            job_failed_count=recipe.job_failed_count,
            version_no=recipe.version_no,
            stop_cause=recipe.stop_cause,
            author_name=_interned(recipe.author_name),
            config=tuple(
                StepConnection(_interned(c.provider), c.account_id) for c in recipe.config
            ),
            last_run_at=recipe.last_run_at,
            updated_at=recipe.updated_at,
        )

    @classmethod
    def revive(cls, data: Mapping[str, Any]) -> RecipeRow:
        """A remembered row (plain data from the snapshot file, see `row_data`) as a row again.

        Read here without the API model (pydantic): the first frame paints these before the
        client is built. A value of the wrong type raises TypeError or KeyError (`id`), and the
        view then just loads (see resource_view._revived)."""
        return cls(
            id=_int(data["id"]),
            name=_text(data.get("name")) or "",
            folder_id=_int_or_none(data.get("folder_id")),
            project_id=_id_or_none(data.get("project_id")),
            description=_text(data.get("description")),
            running=_flag(data.get("running", False)),
            trigger_application=_interned(_text(data.get("trigger_application"))),
            action_applications=tuple(
                sys.intern(_text(a) or "") for a in _items(data.get("action_applications"))
            ),
            job_succeeded_count=_int(data.get("job_succeeded_count", 0)),
            job_failed_count=_int(data.get("job_failed_count", 0)),
            version_no=_int_or_none(data.get("version_no")),
            stop_cause=_text(data.get("stop_cause")),
            author_name=_interned(_text(data.get("author_name"))),
            config=tuple(_step_connection(step) for step in _items(data.get("config"))),
            last_run_at=_when(data.get("last_run_at")),
            updated_at=_when(data.get("updated_at")),
        )


# Reading remembered rows without pydantic: each raises TypeError on a value of another type.


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"not a whole number: {value!r}")
    return value


def _int_or_none(value: Any) -> int | None:
    return None if value is None else _int(value)


def _id_or_none(value: Any) -> int | str | None:
    if isinstance(value, str):  # as the API model reads it: "523144" -> 523144
        number = ascii_int(value)
        return value if number is None else number
    return _int_or_none(value)


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"not a text: {value!r}")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"not true or false: {value!r}")
    return value


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"not a list: {value!r}")
    return value


def _when(value: Any) -> datetime | None:
    """An ISO 8601 time as the snapshot stores it (see snapshot._json_default)."""
    return None if value is None else datetime.fromisoformat(_text(value) or "")


def _step_connection(step: Any) -> StepConnection:
    if not isinstance(step, Mapping):
        raise TypeError(f"not a recipe step: {step!r}")
    return StepConnection(
        _interned(_text(step.get("provider"))), _int_or_none(step.get("account_id"))
    )


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
    if hasattr(row, "model_dump"):  # an API model (or a model row of views.model_rows)
        data: dict[str, Any] = row.model_dump(mode="python")
        return data
    if isinstance(row, CallRow):
        return dict(row.entry)
    if isinstance(row, JobRow):
        data = {name: getattr(row, name) for name in row.__slots__}
        del data["started"]
        return {**data, "started_at": row.started_at, "completed_at": row.completed_at}
    if isinstance(row, Mapping):
        return dict(row)
    return {name: getattr(row, name) for name in getattr(row, "__slots__", ())}
