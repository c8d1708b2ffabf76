"""Retry policies: when a failed attempt is worth sending again, and after how long.

Reads are safe to repeat, so they retry on 429, 5xx, timeouts and transport errors. Writes
retry only on 429, because then the server certainly did not act; a write that timed out or
failed in transit may have been applied, so it is never resent (the caller gets
`Timeout(write=True)` or `TransportError` and should refresh before trying again).
"""

from __future__ import annotations

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
    def delay(self, error: WorkatoError, attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or None to give up and raise `error`."""
        ...


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

    def delay(self, error: WorkatoError, attempt: int) -> float | None:
        if attempt >= self.attempts:
            return None
        if isinstance(error, RateLimited):
            return _rate_limit_delay(error, attempt, self.backoff, self.max_retry_after)
        if isinstance(error, (ServerError, Timeout, TransportError)):
            return self.backoff.delay(attempt)
        return None


@dataclass(frozen=True)
class WriteRetry:
    """Writes: retry only on 429, where the server did not act."""

    attempts: int = 3
    backoff: Backoff = field(default_factory=Backoff)
    max_retry_after: float = 120.0

    def delay(self, error: WorkatoError, attempt: int) -> float | None:
        if attempt >= self.attempts or not isinstance(error, RateLimited):
            return None
        return _rate_limit_delay(error, attempt, self.backoff, self.max_retry_after)


@dataclass(frozen=True)
class NoRetry:
    """Every failure is final (useful in tests of the error mapping)."""

    def delay(self, error: WorkatoError, attempt: int) -> float | None:
        return None
