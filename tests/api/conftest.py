"""Fixtures for the API client tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from api_test_helpers import BASE, TOKEN, Script

from workato_tui.api import CallRecord, RateLimiter, WorkatoClient
from workato_tui.emulator.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def records() -> list[CallRecord]:
    return []


@pytest.fixture
def make_client(clock: FakeClock, records: list[CallRecord]) -> Callable[..., WorkatoClient]:
    """`make_client(script, **overrides)`: a client over the script on a fake clock."""

    def build(script: Script, **overrides: Any) -> WorkatoClient:
        options: dict[str, Any] = {
            "base_url": BASE,
            "transport": httpx.MockTransport(script),
            "limiter": RateLimiter(now=clock.monotonic, sleep=clock.sleep),
            "on_call": records.append,
            "timeout": 0.2,
        }
        options.update(overrides)
        return WorkatoClient(TOKEN, **options)

    return build


# Against the emulator ------------------------------------------------------------------------

EMULATOR_URL = "http://127.0.0.1"  # loopback, so plain http passes check_base_url


@pytest.fixture
def emu(clock: FakeClock) -> Any:
    from workato_tui.emulator import Emulator

    return Emulator.demo(clock=clock)


@pytest.fixture
def emu_client(
    emu: Any, clock: FakeClock, records: list[CallRecord]
) -> Callable[..., WorkatoClient]:
    """`emu_client(token="demo-admin-token", **overrides)`: a client over the emulator that
    shares its fake clock (limiter and backoff sleeps advance virtual time only)."""

    def build(token: str = "demo-admin-token", **overrides: Any) -> WorkatoClient:
        options: dict[str, Any] = {
            "base_url": EMULATOR_URL,
            "transport": emu.transport(),
            "limiter": RateLimiter(now=clock.monotonic, sleep=clock.sleep),
            "on_call": records.append,
            "timeout": 0.2,
        }
        options.update(overrides)
        return WorkatoClient(token, **options)

    return build
