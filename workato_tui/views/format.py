"""Cell formatters shared by the views."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any


def _wall_clock() -> datetime:
    return datetime.now(UTC)


_now: Callable[[], datetime] = _wall_clock


def use_clock(now: Callable[[], datetime]) -> None:
    """Measure ages on `now`: the app passes its service's clock, the one the data's times
    come from (under a fake clock, '9d' stays '9d' whatever day the wall clock says)."""
    global _now
    _now = now


def age(value: Any, now: datetime | None = None) -> str:
    """'3m', '5h', '2d' since a timestamp; '' when unknown."""
    if not isinstance(value, datetime):
        return ""
    now = now or _now()
    seconds = (now - value).total_seconds()
    if seconds < 0:
        return "now"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{int(seconds // size)}{unit}"
    return f"{int(seconds)}s"


def when(value: Any) -> str:
    if not isinstance(value, datetime):
        return ""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def seconds(value: Any) -> str:
    if not isinstance(value, (int, float)):
        return ""
    return f"{value:.2f}s" if value < 60 else f"{value / 60:.1f}m"


def running(value: Any) -> str:
    return "● running" if value else "○ stopped"


def apps(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list | tuple) else ""


def text(value: Any) -> str:
    return "" if value is None else str(value)
