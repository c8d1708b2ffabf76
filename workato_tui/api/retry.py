"""Retry policies: when a failed attempt is worth sending again, and after how long.

Reads are safe to repeat, so they retry on 429, 5xx, timeouts and transport errors. Writes
retry only on 429, because then the server certainly did not act, and they keep retrying,
honouring Retry-After, for as long as a time budget allows (5 minutes by default). A write
that timed out or broke in transit after sending may have been applied, so it is never resent
(the caller gets `Uncertain` and checks whether it landed).

Bulk work follows the waits and can stop them: `watch_waits(on_wait, cancelled)` around the
calls makes the client report each wait ("waiting 3 s: repeat_jobs 1/s") and give up a 429
retry once `cancelled()` is true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Protocol

from .errors import RateLimited, ServerError, Timeout, TransportError, WorkatoError


@dataclass(frozen=True)
class Backoff:
    """Bounded exponential backoff: base, base*factor, base*factor^2, ... up to `cap` seconds."""

    base: float = 0.5
    factor: float = 2.0
    cap: float = 20.0

    def delay(self, attempt: int) -> float:
        """The pause after failed attempt number `attempt` (1-based)."""
        return float(min(self.cap, self.base * self.factor ** max(0, attempt - 1)))


class RetryPolicy(Protocol):
    def delay(self, error: WorkatoError, attempt: int, waited: float = 0.0) -> float | None:
        """Seconds to wait before the next attempt, or None to give up and raise `error`.
        `waited`: seconds this call has already spent waiting between attempts."""
        ...


DEFAULT_WRITE_BUDGET = 300.0  # seconds a write keeps retrying 429s


@dataclass(frozen=True)
class WaitWatch:
    """Who follows a call's retry waits: `on_wait(text)` and `cancelled()`."""

    on_wait: Callable[[str], None] | None = None
    cancelled: Callable[[], bool] | None = None


_WATCH: ContextVar[WaitWatch | None] = ContextVar("workato_wait_watch", default=None)


@contextmanager
def watch_waits(
    on_wait: Callable[[str], None] | None = None, cancelled: Callable[[], bool] | None = None
) -> Iterator[None]:
    """Report retry waits of the calls made inside (in this task) and let them be cancelled."""
    token = _WATCH.set(WaitWatch(on_wait, cancelled))
    try:
        yield
    finally:
        _WATCH.reset(token)


def current_watch() -> WaitWatch | None:
    return _WATCH.get()


def _rate_limit_delay(
    error: RateLimited, attempt: int, backoff: Backoff, max_retry_after: float
) -> float | None:
    if error.retry_after is None:
        return backoff.delay(attempt)
    if error.retry_after > max_retry_after:
        return None  # the server asks for longer than is worth waiting inside one call
    return max(0.0, error.retry_after)


@dataclass(frozen=True)
class ReadRetry:
    """GETs: retry on 429 (after Retry-After), 5xx, timeouts and transport errors."""

    attempts: int = 4
    backoff: Backoff = field(default_factory=Backoff)
    max_retry_after: float = 120.0

    def delay(self, error: WorkatoError, attempt: int, waited: float = 0.0) -> float | None:
        if attempt >= self.attempts:
            return None
        if isinstance(error, RateLimited):
            return _rate_limit_delay(error, attempt, self.backoff, self.max_retry_after)
        if isinstance(error, (ServerError, Timeout, TransportError)):
            return self.backoff.delay(attempt)
        return None


@dataclass(frozen=True)
class WriteRetry:
    """Writes: retry only on 429, where the server did not act, within `budget` seconds of
    waiting (Retry-After honoured; without one, bounded backoff)."""

    budget: float = DEFAULT_WRITE_BUDGET
    backoff: Backoff = field(default_factory=Backoff)

    def delay(self, error: WorkatoError, attempt: int, waited: float = 0.0) -> float | None:
        if not isinstance(error, RateLimited):
            return None
        pause = error.retry_after if error.retry_after is not None else self.backoff.delay(attempt)
        pause = max(0.0, pause)
        if waited + pause > self.budget:
            return None  # the budget is spent: give up (nothing was done)
        return pause


@dataclass(frozen=True)
class NoRetry:
    """Every failure is final (useful in tests of the error mapping)."""

    def delay(self, error: WorkatoError, attempt: int, waited: float = 0.0) -> float | None:
        return None
