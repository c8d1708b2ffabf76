"""Request quotas: a sliding window log on the emulator's clock, per endpoint and token, or one
window for the whole workspace where the quota is `shared` (Embedded endpoints)."""

from __future__ import annotations

import math
from collections import deque

from ..api.endpoints import Endpoint
from .clock import Clock


class QuotaKeeper:
    """Answers "may this token call this endpoint now?", and if not, for how long to wait."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._windows: dict[tuple[str, str], deque[float]] = {}
        self.enabled = True

    def admit(self, token: str, endpoint: Endpoint) -> int | None:
        """Record the request and return None, or the Retry-After seconds if over quota."""
        if not self.enabled:
            return None
        now = self.clock.monotonic()
        owner = "workspace" if endpoint.quota.shared else token
        window = self._windows.setdefault((owner, endpoint.quota.bucket(endpoint.id)), deque())
        horizon = now - endpoint.quota.per_seconds
        while window and window[0] <= horizon:
            window.popleft()
        if len(window) >= endpoint.quota.limit:
            wait = window[0] + endpoint.quota.per_seconds - now
            return max(1, math.ceil(wait))
        window.append(now)
        return None

    def reset(self) -> None:
        self._windows.clear()
