"""`Gateway`: the one way the service sends a call, read or write.

It owns what every call shares: the 403 memory (`guard`), the read-through cache (`read`, with
the family's TTL, and `pages` of such reads), the invalidation after a write (`write`: the
families the endpoint makes stale, see `families.STALE_AFTER`), the writes whose answer was
lost (`once`, see `settle.py`) and the polling of a build or deployment until it is done
(`follow`). The service's reads and its write parts hold one and call it; nothing else touches
the cache or the permission memory.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from ..api.errors import Forbidden, Uncertain, WorkatoError
from ..api.pagination import pages_by_number
from .cache import Cache
from .families import TTL, Family, stale_after
from .permissions import PermissionMemory

if TYPE_CHECKING:
    from datetime import datetime

    from ..api import WorkatoClient
    from .landing import Check

T = TypeVar("T")
CheckSince = Callable[["datetime"], "Check"]  # the check, given when the first try was sent


class Pending(Protocol):
    """What `Gateway.follow` polls: a build or a deployment."""

    @property
    def id(self) -> int: ...

    @property
    def state(self) -> str | None: ...


P = TypeVar("P", bound=Pending)


class Gateway:
    def __init__(
        self,
        client: WorkatoClient,
        cache: Cache | None = None,
        permissions: PermissionMemory | None = None,
    ) -> None:
        self.client = client
        self.cache = cache if cache is not None else Cache()
        self.permissions = permissions if permissions is not None else PermissionMemory()
        # Writes whose answer was lost and that no check has yet found on the server.
        self.unsettled: dict[tuple[Any, ...], Uncertain] = {}

    async def guard(self, call: Awaitable[T]) -> T:
        """Await a client call, remembering a 403 so the UI can show the action unavailable."""
        try:
            return await call
        except Forbidden as error:
            if error.endpoint:
                self.permissions.remember(error.endpoint, error)
            raise

    async def read(self, key: tuple[Any, ...], fetch: Callable[[], Awaitable[T]]) -> T:
        """A cached read; `key` starts with its family, which gives the TTL."""
        return await self.guard(self.cache.get(key, fetch, TTL[Family(key[0])]))

    def pages(
        self, key: tuple[Any, ...], per_page: int, fetch: Callable[[int], Awaitable[list[T]]]
    ) -> AsyncIterator[list[T]]:
        """Numbered pages, each a cached read of its own (`key` + its number), until a short,
        empty or repeated page."""

        async def cached(number: int, _size: int) -> list[T]:
            return await self.read((*key, number), lambda: fetch(number))

        return pages_by_number(cached, per_page)

    def refresh(self, *families: Family) -> None:
        """Forget every cached read of these families: the next read asks the server."""
        for family in families:
            self.cache.invalidate((family,))

    def forget(self, family: Family, *narrower: Hashable) -> None:
        """Forget the cached reads of one part of a family: `forget(Family.JOBS, None, 5)`."""
        self.cache.invalidate((family, *narrower))

    async def write(self, endpoint_id: str, call: Awaitable[T]) -> T:
        try:
            return await self.guard(call)
        finally:
            # Even a failed or timed-out write may have changed something: re-read next time.
            self.refresh(*stale_after(endpoint_id))

    async def follow(
        self,
        item: P,
        read_again: Callable[[int], Awaitable[P]],
        *,
        every: float,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        timeout: float = 600.0,
        on_change: Callable[[P], None] | None = None,
    ) -> P:
        """Read `item` again every `every` seconds until it leaves `pending` (or `timeout`
        seconds pass), on the limiter's clock unless given `sleep`."""
        pause = sleep or self.client.limiter.sleep
        waited = 0.0
        while item.state == "pending" and waited < timeout:
            await pause(every)
            waited += every
            item = await self.guard(read_again(item.id))
            if on_change:
                on_change(item)
        return item

    async def once(
        self,
        key: tuple[Any, ...],
        send: Callable[[], Awaitable[T]],
        check: CheckSince | None,
    ) -> T:
        """Send a write at most once: if an earlier try lost its answer, check first.

        `key` starts with the endpoint id (which says what goes stale) and names the item."""
        earlier = self.unsettled.get(key)
        since = earlier.sent_at if earlier and earlier.sent_at else self.client.wall_now()
        if earlier is not None and check is not None:
            found = await self.guard(check(since).run())
            if found is not None:
                del self.unsettled[key]
                return cast("T", found)  # a check finds what the write would have returned
        try:
            result = await self.write(str(key[0]), send())
        except Uncertain as error:
            self.unsettled[key] = error
            error.sent_at = since
            found = await self._check(error, check(since) if check else None)
            if found is None:
                raise
            del self.unsettled[key]
            return cast("T", found)
        self.unsettled.pop(key, None)
        return result

    async def _check(self, error: Uncertain, check: Check | None) -> Any | None:
        """Run the check after a lost answer; say in `error` what it found."""
        if check is None:
            return None
        try:
            found = await self.guard(check.run())
        except WorkatoError as failure:
            error.check = (
                f"Could not check whether it landed ({failure.message}): it was not sent "
                "again. Refresh and look before sending it again."
            )
            return None
        if found is None:
            error.checked_absent(
                f"Checked: {check.absent}, so it was not applied; sending it again is safe."
            )
        return found
