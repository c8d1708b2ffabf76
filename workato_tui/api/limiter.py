"""Client-side rate limiting: one sliding-window bucket per endpoint, from `endpoint.quota`.

`acquire(endpoint)` waits (on the injected sleep) until one more request fits in the endpoint's
window, so the client never knowingly exceeds a quota. The window is widened by `margin`
seconds, because over real HTTP the server stamps a request a little later than we do and that
delay varies from call to call. `penalize()` makes a bucket wait out a server's Retry-After.

Tests share the emulator's clock: `RateLimiter(now=clock.monotonic, sleep=clock.sleep)`.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from .endpoints import Endpoint

Now = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

DEFAULT_MARGIN = 0.2


@dataclass(frozen=True)
class BucketState:
    """One endpoint's budget right now, for a budget meter."""

    endpoint_id: str
    used: int
    remaining: int
    limit: int
    per_seconds: float
    resets_in: float  # seconds until the next slot frees up (0 when one is free now)

    @property
    def fraction_used(self) -> float:
        """How full the budget is (1.0 when nothing may be sent now, e.g. after a 429)."""
        return (self.limit - self.remaining) / self.limit if self.limit else 1.0


@dataclass(frozen=True)
class QuotaWait:
    """A request held back by its quota right now: which bucket, and how long is left."""

    endpoint_id: str  # the endpoint, or the workspace-wide quota it shares
    limit: int
    per_seconds: float
    seconds_left: float

    def describe(self) -> str:
        """What a header says: `waiting 38 s: recipes.list 60/min`."""
        per = "s" if self.per_seconds == 1 else "min" if self.per_seconds == 60 else None
        rate = f"{self.limit}/{per}" if per else f"{self.limit} per {self.per_seconds:g} s"
        return f"waiting {max(1, round(self.seconds_left))} s: {self.endpoint_id} {rate}"


class _Bucket:
    def __init__(self, endpoint: Endpoint) -> None:
        # what a budget meter names: the endpoint, or the workspace-wide quota it shares
        self.endpoint_id = endpoint.quota.shared or endpoint.id
        self.limit = endpoint.quota.limit
        self.per_seconds = endpoint.quota.per_seconds
        self.sent: deque[float] = deque()  # when each request in the window was admitted
        self.blocked_until = 0.0  # a server asked us to wait (Retry-After) until then
        self.waiting_until: float | None = None  # a request is held back until then
        self.lock = asyncio.Lock()

    def prune(self, now: float, margin: float) -> None:
        horizon = now - self.per_seconds - margin
        while self.sent and self.sent[0] <= horizon:
            self.sent.popleft()

    def wait_needed(self, now: float, margin: float) -> float:
        """Seconds until one more request may go (0: now)."""
        self.prune(now, margin)
        wait = max(0.0, self.blocked_until - now)
        if len(self.sent) >= self.limit:
            oldest_to_expire = self.sent[len(self.sent) - self.limit]
            wait = max(wait, oldest_to_expire + self.per_seconds + margin - now)
        return wait

    def state(self, now: float, margin: float) -> BucketState:
        wait = self.wait_needed(now, margin)
        used = len(self.sent)
        remaining = 0 if self.blocked_until > now else max(0, self.limit - used)
        if wait == 0.0 and self.sent:
            wait = self.sent[0] + self.per_seconds + margin - now
        return BucketState(
            self.endpoint_id, used, remaining, self.limit, self.per_seconds, max(0.0, wait)
        )


class RateLimiter:
    """Per-endpoint sliding windows over an injectable clock."""

    def __init__(
        self,
        now: Now = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        margin: float = DEFAULT_MARGIN,
    ) -> None:
        if margin < 0:
            raise ValueError("margin must not be negative")
        self.now = now
        self.sleep = sleep
        self.margin = margin
        self.enabled = True  # tests may switch it off to provoke server-side 429s
        self._buckets: dict[str, _Bucket] = {}

    def _bucket(self, endpoint: Endpoint) -> _Bucket:
        key = endpoint.quota.bucket(endpoint.id)  # endpoints of a shared quota share one
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(endpoint)
        return bucket

    async def acquire(self, endpoint: Endpoint) -> float:
        """Wait until a request to `endpoint` fits its quota, and count it. Returns the wait."""
        if not self.enabled:
            return 0.0
        bucket = self._bucket(endpoint)
        waited = 0.0
        async with bucket.lock:
            try:
                while (wait := bucket.wait_needed(self.now(), self.margin)) > 0:
                    bucket.waiting_until = self.now() + wait
                    await self.sleep(wait)
                    waited += wait
            finally:
                bucket.waiting_until = None
            bucket.sent.append(self.now())
        return waited

    def penalize(self, endpoint: Endpoint, seconds: float) -> None:
        """The server answered 429: let nothing through to `endpoint` for `seconds`."""
        bucket = self._bucket(endpoint)
        bucket.blocked_until = max(bucket.blocked_until, self.now() + max(0.0, seconds))

    def snapshot(self) -> list[BucketState]:
        """Every bucket used so far, busiest first."""
        now = self.now()
        states = [b.state(now, self.margin) for b in self._buckets.values()]
        return sorted(states, key=lambda s: (-s.fraction_used, s.remaining, s.endpoint_id))

    def busiest(self) -> BucketState | None:
        """The bucket closest to its limit, if any was used."""
        states = self.snapshot()
        return states[0] if states else None

    def waiting(self) -> QuotaWait | None:
        """The request held back longest by its quota right now, if one is."""
        now = self.now()
        held = [b for b in self._buckets.values() if b.waiting_until is not None]
        if not held:
            return None
        bucket = max(held, key=lambda b: b.waiting_until or 0.0)
        left = max(0.0, (bucket.waiting_until or now) - now)
        return QuotaWait(bucket.endpoint_id, bucket.limit, bucket.per_seconds, left)

    def reset(self) -> None:
        self._buckets.clear()
