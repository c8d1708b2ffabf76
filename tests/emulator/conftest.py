"""Fixtures for the emulator tests: a demo workspace on a fake clock, spoken to over httpx.

`admin`, `readonly` and `finance` are clients bound to the demo tokens; `ids` finds the demo's
records by name (see emu_helpers.py).
"""

from __future__ import annotations

import pickle
from collections.abc import AsyncIterator

import httpx
import pytest
from emu_helpers import BASE_URL, Api, DemoIds

from workato_tui.emulator import ADMIN_TOKEN, FINANCE_TOKEN, READONLY_TOKEN, Emulator, FakeClock
from workato_tui.emulator.seed import build_demo


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def pristine_demo() -> bytes:
    """The demo store as `Emulator.demo(clock=FakeClock())` builds it, pickled once.

    Unpickling a copy takes a tenth of the time of a build, which keeps the suite fast;
    test_emu_demo_workspace.py checks a copy answers exactly as a fresh build does.
    """
    return pickle.dumps(build_demo(FakeClock()))


@pytest.fixture
def emu(clock: FakeClock, pristine_demo: bytes) -> Emulator:
    """A fresh demo workspace per test, on the test's fake clock."""
    store = pickle.loads(pristine_demo)
    store.clock = clock
    return Emulator(store)


@pytest.fixture
def ids(emu: Emulator) -> DemoIds:
    return DemoIds(emu.store)


@pytest.fixture
async def http(emu: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=emu.transport(), base_url=BASE_URL) as client:
        yield client


@pytest.fixture
def admin(http: httpx.AsyncClient) -> Api:
    return Api(http, ADMIN_TOKEN)


@pytest.fixture
def readonly(http: httpx.AsyncClient) -> Api:
    return Api(http, READONLY_TOKEN)


@pytest.fixture
def finance(http: httpx.AsyncClient) -> Api:
    return Api(http, FINANCE_TOKEN)
