"""`LazyEmulator`: the demo's emulator is built on the first request (in a thread), once."""

from __future__ import annotations

import asyncio
import threading

import httpx

from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.lazy import LazyEmulator

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


class CountingBuild:
    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []

    def __call__(self) -> Emulator:
        self.threads.append(threading.current_thread())
        return Emulator.demo(FakeClock())


async def test_nothing_is_built_until_the_first_request() -> None:
    build = CountingBuild()
    lazy = LazyEmulator(build)
    async with httpx.AsyncClient(transport=lazy.transport(), base_url="http://127.0.0.1") as c:
        assert not lazy.built and build.threads == []
        reply = await c.get("/api/recipes", headers=AUTH)
    assert reply.status_code == 200 and reply.json()["items"]
    assert lazy.built
    assert build.threads != [threading.main_thread()]  # seeded off the event loop's thread


async def test_transports_share_one_emulator_built_once() -> None:
    build = CountingBuild()
    lazy = LazyEmulator(build)
    clients = [
        httpx.AsyncClient(transport=lazy.transport(), base_url="http://127.0.0.1") for _ in range(3)
    ]
    try:
        replies = await asyncio.gather(*(c.get("/api/users/me", headers=AUTH) for c in clients))
        assert [r.status_code for r in replies] == [200, 200, 200]
        await clients[0].post("/api/folders", headers=AUTH, json={"name": "Made by one"})
        names = (await clients[2].get("/api/folders", headers=AUTH)).json()
    finally:
        for client in clients:
            await client.aclose()
    assert len(build.threads) == 1
    assert "Made by one" in [f["name"] for f in names]
