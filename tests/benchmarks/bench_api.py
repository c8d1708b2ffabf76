"""Benchmark: the API client against the large emulated workspace, on virtual time.

    python tests/benchmarks/bench_api.py [--rows 200] [--no-client-limiter]

The emulator and the client's rate limiter share one FakeClock, so quota waits cost virtual
seconds only and the run takes a few real seconds. Two workloads:

1. list every recipe (10,000+) with `iter_recipes(per_page=100)`;
2. add `--rows` rows to the "Cost centers" lookup table with `add_lookup_row`.

For each: requests used vs the minimum possible, 429s the emulator sent, virtual seconds vs
the least the endpoint's quota allows, and real seconds. `--no-client-limiter` switches the
client's limiter off, so the server's 429 + Retry-After do the pacing instead.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from workato_tui.api import WorkatoClient
from workato_tui.api.endpoints import Endpoint, endpoint
from workato_tui.api.limiter import RateLimiter
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.seed import find

BASE_URL = "http://127.0.0.1"
PER_PAGE = 100


@dataclass(frozen=True)
class Result:
    name: str
    items: int
    requests: int
    min_requests: int
    rate_limited: int
    virtual_s: float
    min_virtual_s: float
    real_s: float

    def lines(self) -> list[str]:
        return [
            f"{self.name}: {self.items} items",
            f"  requests      {self.requests:>8} (minimum {self.min_requests})",
            f"  429s received {self.rate_limited:>8}",
            f"  virtual time  {self.virtual_s:>8.1f} s (quota minimum {self.min_virtual_s:.1f} s)",
            f"  real time     {self.real_s:>8.2f} s",
        ]


def quota_floor(requests: int, ep: Endpoint) -> float:
    """The least virtual time `requests` calls can take under a sliding-window quota: the
    first `limit` go at once, each further `limit` waits one more window."""
    return (math.ceil(requests / ep.quota.limit) - 1) * ep.quota.per_seconds


async def measure(
    name: str,
    emu: Emulator,
    clock: FakeClock,
    endpoint_id: str,
    min_requests: int,
    work: Callable[[], Awaitable[int]],
) -> Result:
    first = len(emu.store.requests)
    virtual_start, real_start = clock.monotonic(), time.perf_counter()
    items = await work()
    real = time.perf_counter() - real_start
    seen = emu.store.requests[first:]
    return Result(
        name,
        items,
        sum(r.endpoint_id == endpoint_id for r in seen),
        min_requests,
        sum(r.status == 429 for r in seen),
        clock.monotonic() - virtual_start,
        quota_floor(min_requests, endpoint(endpoint_id)),
        real,
    )


async def list_all_recipes(client: WorkatoClient, emu: Emulator, clock: FakeClock) -> Result:
    total = len(emu.store.main.recipes)
    # a short (or empty) page is the only end signal, so an exact multiple costs one more
    minimum = total // PER_PAGE + 1

    async def work() -> int:
        ids = [r.id async for r in client.iter_recipes(per_page=PER_PAGE)]
        if len(ids) != len(set(ids)) or set(ids) != set(emu.store.main.recipes):
            raise AssertionError("the listing missed or repeated recipes")
        return len(ids)

    return await measure("list all recipes", emu, clock, "recipes.list", minimum, work)


async def add_rows(client: WorkatoClient, emu: Emulator, clock: FakeClock, count: int) -> Result:
    table = find(emu.store.main.lookup_tables, "Cost centers")
    before = len(emu.store.main.lookup_rows[table["id"]])

    async def work() -> int:
        for n in range(count):
            await client.add_lookup_row(
                table["id"],
                {"code": f"CC-{9000 + n}", "name": f"Benchmark {n}", "owner": "Alex Fisher"},
            )
        added = len(emu.store.main.lookup_rows[table["id"]]) - before
        if added != count:
            raise AssertionError(f"{added} rows were added, not {count}")
        return added

    return await measure(f"add {count} lookup rows", emu, clock, "lookup_rows.create", count, work)


async def run(rows: int, client_limiter: bool) -> list[Result]:
    clock = FakeClock()
    real_start = time.perf_counter()
    emu = Emulator.large(clock=clock)
    print(
        f"built the large workspace in {time.perf_counter() - real_start:.1f} s real: "
        f"{len(emu.store.main.recipes)} recipes"
    )
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep)
    limiter.enabled = client_limiter
    async with WorkatoClient(
        ADMIN_TOKEN, base_url=BASE_URL, transport=emu.transport(), limiter=limiter
    ) as client:
        return [
            await list_all_recipes(client, emu, clock),
            await add_rows(client, emu, clock, rows),
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200, help="lookup rows to add")
    parser.add_argument(
        "--no-client-limiter",
        action="store_true",
        help="let the server's 429s pace the client instead",
    )
    args = parser.parse_args()
    limiter = "off (server 429s pace)" if args.no_client_limiter else "on"
    print(f"client limiter: {limiter}")
    for result in asyncio.run(run(args.rows, not args.no_client_limiter)):
        print("\n".join(result.lines()))


if __name__ == "__main__":
    main()
