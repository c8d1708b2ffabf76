"""What the client reports about each attempt, for the service layer's call log.

A record never holds the token or a request body: only the method, path, query string values,
what came back and how long it took.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from .endpoints import Endpoint
from .errors import PolicyRefused, WorkatoError

OK = "ok"
BLOCKED = "blocked"


@dataclass(frozen=True)
class CallRecord:
    """One attempt at one call (retries are separate records; a blocked call has attempt 0)."""

    started_at: datetime
    method: str
    path: str
    query: dict[str, str]
    endpoint_id: str
    status: int | None
    duration_ms: float
    correlation_id: str | None
    outcome: str  # "ok", "blocked", or the error's kind: "refused", "rate_limited", "timeout"...
    attempt: int
    error: str | None = None  # the error's kind, None when ok
    retry_in: float | None = field(default=None)  # seconds until the retry, when one follows
    detail: str | None = None  # what the server said was wrong (e.g. a start refusal's items)

    @property
    def ok(self) -> bool:
        return self.outcome == OK


def outcome_of(error: WorkatoError | None) -> str:
    if error is None:
        return OK
    if isinstance(error, PolicyRefused):
        return BLOCKED
    return error.kind


MAX_DETAIL = 1000


def detail_of(error: WorkatoError | None) -> str | None:
    """The error's message and details, for the call log (None when the call went through)."""
    if error is None:
        return None
    return "; ".join([error.message, *error.details])[:MAX_DETAIL]


BeforeSend = Callable[[Endpoint], None]
OnCall = Callable[[CallRecord], object]  # any return value is ignored
