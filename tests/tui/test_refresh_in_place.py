"""ctrl+r on a long list (issue 11 item 11): the rows, the cursor and the marks stay while the
refresh waits for the quota, pages replace rows in place, what is gone goes at the end, and
the header says what is being waited for. On the FakeClock, with the limiter's wait held
until the test lets it go."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from workato_tui.api.endpoints import endpoint
from workato_tui.emulator.records import new_recipe
from workato_tui.widgets.status_header import StatusHeader

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

EXTRA = 250  # with the demo's own: three pages of recipes
RECIPES = endpoint("recipes.list")


def add_recipes(world: World, count: int) -> None:
    store = world.emu.store
    for n in range(count):
        new_recipe(store, store.main, name=f"Bulk {n:04d}", folder_id=None, code="")


class HeldQuota:
    """The limiter's waits run only when the test opens the gate (time stays put meanwhile)."""

    def __init__(self, world: World) -> None:
        self.gate = asyncio.Event()
        self.clock = world.clock

    async def sleep(self, seconds: float) -> None:
        await self.gate.wait()
        await self.clock.sleep(seconds)


async def until(ui: Driver, done: Any, tries: int = 200) -> None:
    for _ in range(tries):
        if done():
            return
        await ui.pilot.pause()
    raise AssertionError("the app never got there")


def remaining(limiter: Any) -> int:
    states = [b.remaining for b in limiter.snapshot() if b.endpoint_id == RECIPES.id]
    return states[0] if states else RECIPES.quota.limit


def header_text(ui: Driver) -> str:
    return str(ui.app.screen.query_one(StatusHeader).status_text())


async def test_ctrl_r_keeps_rows_cursor_and_marks_while_it_waits_for_the_quota(
    world: World,
) -> None:
    add_recipes(world, EXTRA)
    service = world.service()
    async with world.run(service=service) as ui:
        total = ui.table.total_count
        assert total > 200
        cursor = ui.move_to(lambda r: r.name == "Bulk 0200")
        ui.table.toggle_mark()
        marked = set(ui.table.marked_keys)
        first_page_row = ui.table.visible_rows[0]
        store = world.emu.store.main
        store.recipes[first_page_row.id]["name"] = "Renamed while you looked"
        gone = next(r for r in store.recipes.values() if r["name"] == "Bulk 0100")
        del store.recipes[gone["id"]]

        held = HeldQuota(world)
        limiter = service.client.limiter
        limiter.sleep = held.sleep
        while remaining(limiter) > 1:  # one request left this minute: page 2 must wait
            await limiter.acquire(RECIPES)
        await ui.pilot.press("ctrl+r")
        await until(ui, lambda: service.quota_wait() is not None)
        await until(ui, lambda: ui.table.visible_rows[0].name == "Renamed while you looked")

        assert ui.table.total_count == total  # not cleared to the first page
        assert ui.table.current_row.id == cursor.id
        assert set(ui.table.marked_keys) == marked
        assert "waiting" in header_text(ui) and "recipes.list 60/min" in header_text(ui)
        assert "stale" not in ui.crumbs

        held.gate.set()
        await ui.settle()
        assert ui.table.total_count == total - 1  # the deleted recipe went at the end
        assert gone["id"] not in {r.id for r in ui.table.visible_rows}
        assert ui.table.current_row.id == cursor.id
        assert set(ui.table.marked_keys) == marked
        assert "waiting" not in header_text(ui)


async def test_fresh_pages_over_last_known_rows_are_not_labelled_stale(world: World) -> None:
    add_recipes(world, EXTRA)
    async with world.run() as ui:
        shown = ui.table.total_count
        await ui.pilot.press("ctrl+q")  # saves the last-known snapshot
    service = world.service()
    held = HeldQuota(world)
    limiter = service.client.limiter
    limiter.sleep = held.sleep
    while remaining(limiter) > 1:  # the first page goes, the second waits
        await limiter.acquire(RECIPES)
    async with world.app(service).run_test(size=(120, 36)) as pilot:
        ui = world.driver(pilot)
        await until(ui, lambda: "rows refreshed" in ui.crumbs)
        assert "100 of" in ui.crumbs and "stale" not in ui.crumbs
        assert ui.table.total_count == shown  # the last-known rows stay until replaced
        assert "waiting" in header_text(ui)
        held.gate.set()
        await ui.settle()
        assert "stale" not in ui.crumbs and "refreshed" not in ui.crumbs
        assert ui.table.total_count == shown
