"""`Emulator`: the store, its ASGI app, the fault injector and the quota keeper, together."""

from __future__ import annotations

import httpx

from .app import EmulatorApp
from .clock import Clock, SystemClock
from .faults import EmulatorTransport, FaultInjector
from .ratelimit import QuotaKeeper
from .seed import build_demo
from .store import SeenRequest, Store


class Emulator:
    """The store, its ASGI app, the fault injector and the quota keeper, together."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.faults = FaultInjector()
        self.quotas = QuotaKeeper(store.clock)
        self.app = EmulatorApp(store, self.faults, self.quotas)

    @classmethod
    def demo(cls, clock: Clock | None = None, seed: int = 7) -> Emulator:
        return cls(build_demo(clock or SystemClock(), seed))

    @classmethod
    def large(cls, clock: Clock | None = None, seed: int = 7) -> Emulator:
        from .seed_large import build_large

        return cls(build_large(clock or SystemClock(), seed))

    @classmethod
    def build(cls, scale: str = "demo", clock: Clock | None = None, seed: int = 7) -> Emulator:
        if scale not in ("demo", "large"):
            raise ValueError(f"unknown scale {scale!r}; expected demo or large")
        return cls.large(clock, seed) if scale == "large" else cls.demo(clock, seed)

    @property
    def clock(self) -> Clock:
        return self.store.clock

    @property
    def requests(self) -> list[SeenRequest]:
        return self.store.requests

    def transport(self) -> httpx.ASGITransport:
        return EmulatorTransport(app=self.app)
