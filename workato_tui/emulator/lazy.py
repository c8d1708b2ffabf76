"""An emulator built on the first request, in a thread: `--demo` paints its first screen (and
any last-known rows) while the demo workspace is seeded (about 20 ms of work), instead of
after it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from . import Emulator


class LazyEmulator:
    """One emulator shared by every transport it hands out, built when one is first used."""

    def __init__(self, build: Callable[[], Emulator]) -> None:
        self._build = build
        self._emulator: Emulator | None = None
        self._building: asyncio.Future[Emulator] | None = None

    @property
    def built(self) -> bool:
        return self._emulator is not None

    async def started(self) -> Emulator:
        """The emulator, built once (in a thread, so the event loop keeps painting)."""
        if self._emulator is None:
            if self._building is None:
                self._building = asyncio.ensure_future(asyncio.to_thread(self._build))
            # shielded: a cancelled first request must not cancel the build the next one awaits
            self._emulator = await asyncio.shield(self._building)
        return self._emulator

    def transport(self) -> httpx.AsyncBaseTransport:
        return _LazyTransport(self)


class _LazyTransport(httpx.AsyncBaseTransport):
    def __init__(self, owner: LazyEmulator) -> None:
        self._owner = owner
        self._inner: httpx.AsyncBaseTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._inner is None:
            self._inner = (await self._owner.started()).transport()
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        if self._inner is not None:
            await self._inner.aclose()
