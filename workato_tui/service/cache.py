"""An async read-through cache with a TTL per call and shared in-flight fetches.

`await cache.get(("recipes", 1), fetch, ttl=30)` returns the cached value while it is younger
than `ttl`, otherwise awaits `fetch()`. Callers asking for a key whose fetch is already running
share it: one request, one result (or the same error, with nothing cached). After a write the
facade calls `invalidate(("recipes",))` to drop every key starting with that prefix; a fetch
that was running at the time still answers its callers but is not cached, since it may predate
the write.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
Key = tuple[Hashable, ...]


@dataclass(frozen=True)
class _Entry:
    value: Any
    fetched_at: float


# List items (rows, jobs, recipes) kept across all entries. API models cost 1-6 KB each, and
# the views keep their own compact rows, so a big list is not kept twice: 2,000 items hold
# the lists of an ordinary workspace. 5,000 held ~19 MB more after listing 10,000 recipes,
# and raised the peak of bench_memory.py's session from 166-171 MB to 180 MB.
MAX_ITEMS = 2_000


class Cache:
    def __init__(
        self,
        now: Callable[[], float] = time.monotonic,
        max_entries: int = 2000,
        max_items: int = MAX_ITEMS,
    ) -> None:
        self._now = now
        self._max_entries = max_entries
        self._max_items = max_items
        self._items = 0  # how many list items the entries hold (a non-list counts as 1)
        self._entries: dict[Key, _Entry] = {}
        self._inflight: dict[Key, asyncio.Task[Any]] = {}

    async def get(self, key: Key, fetch: Callable[[], Awaitable[T]], ttl: float) -> T:
        entry = self._entries.get(key)
        if entry is not None and self._now() - entry.fetched_at < ttl:
            return entry.value  # type: ignore[no-any-return]
        task = self._inflight.get(key)
        if task is None:
            task = asyncio.ensure_future(self._fetch_and_store(key, fetch))
            task.add_done_callback(_consume_exception)
            self._inflight[key] = task
        # shield: one caller giving up (a cancelled worker) does not cancel the others' fetch
        return await asyncio.shield(task)

    async def _fetch_and_store(self, key: Key, fetch: Callable[[], Awaitable[T]]) -> T:
        this = asyncio.current_task()
        try:
            value = await fetch()
        finally:
            still_current = self._inflight.get(key) is this
            if still_current:
                del self._inflight[key]
        if still_current:
            self.put(key, value)
        return value

    def put(self, key: Key, value: Any) -> None:
        """Store a value fetched now (e.g. the object a write returned)."""
        self._drop(key)
        self._entries[key] = _Entry(value, self._now())
        self._items += _items_in(value)
        # The oldest go first. Pages of a 100,000-job list would otherwise stay for the whole
        # session as API models, several times the memory of the rows the views show.
        while len(self._entries) > 1 and (
            len(self._entries) > self._max_entries or self._items > self._max_items
        ):
            self._drop(next(iter(self._entries)))

    def _drop(self, key: Key) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._items -= _items_in(entry.value)

    def peek(self, key: Key) -> tuple[Any, float] | None:
        """The cached value and its age in seconds, however old: for showing stale data."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        return entry.value, self._now() - entry.fetched_at

    def invalidate(self, prefix: Key = ()) -> int:
        """Drop every key starting with `prefix` (all keys for `()`); returns how many."""
        dropped = [k for k in self._entries if k[: len(prefix)] == prefix]
        for key in dropped:
            self._drop(key)
        for key in [k for k in self._inflight if k[: len(prefix)] == prefix]:
            del self._inflight[key]  # its result will not be cached
        return len(dropped)

    def __len__(self) -> int:
        return len(self._entries)


def _items_in(value: Any) -> int:
    """List items a value holds: a list's, or an envelope's `items` (a page of jobs)."""
    if isinstance(value, list):
        return len(value)
    items = getattr(value, "items", None)
    return len(items) if isinstance(items, list) else 1


def _consume_exception(task: asyncio.Task[Any]) -> None:
    """Mark a failed fetch's error as retrieved, even if every caller was cancelled."""
    if not task.cancelled():
        task.exception()
