"""Bulk work and its results: each item is done, failed, or uncertain.

`run_bulk` applies one write per item in turn (the client's limiter paces them inside
the quota); a cancel stops before the next item, and also stops a 429 wait in progress.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..api.errors import Uncertain, WorkatoError
from ..api.retry import current_watch, watch_waits

Item = TypeVar("Item")


@dataclass(frozen=True)
class ItemResult:
    """One item of a bulk action: what it was, and whether it worked."""

    item: Any
    ok: bool
    message: str
    error: WorkatoError | None = None

    state: str | None = None  # the outcome, when the caller knows it better than `error`

    @property
    def outcome(self) -> str:
        """done, failed, or uncertain (the answer was lost and no check settled it)."""
        if self.state:
            return self.state
        if self.ok:
            return "done"
        if isinstance(self.error, Uncertain) and not self.error.not_applied:
            return "uncertain"
        return "failed"


Progress = Callable[[int, int, ItemResult | None], None]  # done, total, last result


async def run_bulk(
    items: Sequence[Item],
    act: Callable[[Item], Awaitable[Any]],
    describe: Callable[[Item], str],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ItemResult]:
    """Apply `act` to each item in turn; the limiter paces them inside the quota."""
    results: list[ItemResult] = []
    outer = current_watch()
    with watch_waits(outer.on_wait if outer else None, cancelled):
        for item in items:
            if cancelled and cancelled():
                results.append(ItemResult(item, False, f"{describe(item)}: not sent (cancelled)"))
            else:
                results.append(await _attempt(item, act, describe))
            if progress:
                progress(len(results), len(items), results[-1])
    return results


async def _attempt(
    item: Item, act: Callable[[Item], Awaitable[Any]], describe: Callable[[Item], str]
) -> ItemResult:
    try:
        await act(item)
    except WorkatoError as error:
        return ItemResult(item, False, f"{describe(item)}: {error.describe()}", error)
    return ItemResult(item, True, f"{describe(item)}: done")
