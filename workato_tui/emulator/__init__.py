"""A faithful emulator of the Workato Developer API over a seeded workspace.

emu = Emulator.demo(clock=FakeClock())
async with httpx.AsyncClient(transport=emu.transport(), base_url="http://127.0.0.1") as c:
    await c.get("/api/recipes", headers={"Authorization": "Bearer demo-admin-token"})
"""

from __future__ import annotations

import httpx

from .app import EmulatorApp
from .clock import Clock, FakeClock, SystemClock
from .faults import EmulatorTransport, FaultInjector
from .ratelimit import QuotaKeeper
from .seed import (
    ADMIN_TOKEN,
    DEMO_RESUME_TOKEN,
    DEMO_TOKENS,
    FINANCE_TOKEN,
    READONLY_TOKEN,
    build_demo,
)
from .seed_envs import DEV_TOKEN, TEST_TOKEN
from .store import SeenRequest, Store

__all__ = [
    "ADMIN_TOKEN",
    "DEMO_RESUME_TOKEN",
    "DEMO_TOKENS",
    "DEV_TOKEN",
    "FINANCE_TOKEN",
    "READONLY_TOKEN",
    "TEST_TOKEN",
    "Clock",
    "Emulator",
    "FakeClock",
    "SeenRequest",
    "Store",
    "SystemClock",
]


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
