"""Clocks for the emulator: wall time for dates, monotonic time for rate windows.

Tests and benchmarks inject a `FakeClock` (virtual time: `sleep` advances it at once) and may
share it with the client's rate limiter, so nothing waits in real time.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """Real time, optionally running `scale` times faster than the wall clock."""

    def __init__(self, scale: float = 1.0) -> None:
        if scale <= 0:
            raise ValueError("time scale must be positive")
        self.scale = scale
        self._start_wall = datetime.now(UTC)
        self._start_mono = time.monotonic()

    def monotonic(self) -> float:
        return (time.monotonic() - self._start_mono) * self.scale

    def now(self) -> datetime:
        return self._start_wall + timedelta(seconds=self.monotonic())

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds) / self.scale)


DEFAULT_FAKE_START = datetime(2026, 11, 22, 9, 0, 0, tzinfo=UTC)


class FakeClock:
    """Virtual time that moves only when told to (or when something sleeps on it)."""

    def __init__(self, start: datetime = DEFAULT_FAKE_START) -> None:
        self._start = start
        self._elapsed = 0.0

    def monotonic(self) -> float:
        return self._elapsed

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._elapsed)

    def advance(self, seconds: float) -> None:
        self._elapsed += max(0.0, seconds)

    def set(self, when: datetime) -> None:
        """Jump to a wall time (for example, before the folder_id rule took effect)."""
        self._start = when - timedelta(seconds=self._elapsed)

    async def sleep(self, seconds: float) -> None:
        self.advance(seconds)
        await asyncio.sleep(0)


def iso(moment: datetime) -> str:
    """Workato's timestamp style: 2021-11-25T07:07:38.568-08:00 (here in UTC)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")
