"""Snapshots: the grid with staged changes, the save diff, and a conflict (fixed clock, size).

Plain `def` tests (snap_compare runs its own event loop) on an App instance built on the
FakeClock emulator, so every run draws the same thing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_driver import Driver
from pilot_world import LOOKUP_TABLES, World
from textual.pilot import Pilot

TABLE = "NetSuite subsidiaries"  # 5 rows: everything staged stays on screen
SIZE = (100, 24)


async def stage_changes(d: Driver) -> None:
    """Edit a cell, delete a row, add a row, and start editing another cell."""
    await d.open_table(TABLE)
    await d.press("right", "enter", "ctrl+u", *"2", "enter")  # first row's subsidiary_id
    await d.press("down", "down", "ctrl+d")  # the third row
    await d.press("a", *"LATAM", "tab")  # a new row; tab leaves the cell editor
    await d.press("escape", "up", "home", "right", "right")


def test_grid_with_staged_changes(snap_compare: Any, tmp_path: Path) -> None:
    world = World(tmp_path, first_view=LOOKUP_TABLES)

    async def staged(pilot: Pilot[Any]) -> None:
        await stage_changes(world.driver(pilot))

    assert snap_compare(world.app(), run_before=staged, terminal_size=SIZE)


def test_save_diff_in_the_confirm_modal(snap_compare: Any, tmp_path: Path) -> None:
    world = World(tmp_path, first_view=LOOKUP_TABLES)

    async def stage_and_save(pilot: Pilot[Any]) -> None:
        d = world.driver(pilot)
        await stage_changes(d)
        await d.press("ctrl+s")

    assert snap_compare(world.app(), run_before=stage_and_save, terminal_size=(100, 36))


def test_conflict_side_by_side(snap_compare: Any, tmp_path: Path) -> None:
    world = World(tmp_path, first_view=LOOKUP_TABLES)

    async def conflict(pilot: Pilot[Any]) -> None:
        d = world.driver(pilot)
        await d.open_table(TABLE)
        await d.press("right", "right", "enter", "ctrl+u", *"CHF", "enter")
        first = next(iter(world.emu.store.main.lookup_rows[world.table_id(TABLE)].values()))
        first["data"]["currency"] = "USN"
        await d.press("ctrl+s", "enter")
        await d.press("escape")

    assert snap_compare(world.app(), run_before=conflict, terminal_size=(110, 30))
