"""Marks from the keyboard: all visible (`*`, ctrl+a), clear (`-`), invert (`~`), ranges
(shift+down/up), so repeating every failed job of a recipe is a filter and two keys."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen


async def test_filter_then_star_marks_every_failed_job_and_r_repeats_them(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe = next(r for r in world.store.main.recipes.values() if r["name"] == NETSUITE_SYNC)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.jump("jobs")
        await d.filter("failed")
        failed = [row for row in d.rows if row.status == "failed"]
        assert failed and len(failed) == len(d.rows)
        await d.press("asterisk")
        assert d.table.marked_keys == {row.id for row in failed}
        await d.press("r")
        await d.until_screen(ConfirmScreen)
        assert f"({len(failed)} items)" in d.screen_text()
        await d.press("escape")
        await d.until_main()
        assert world.sent("jobs.repeat") == []


async def test_clear_invert_and_range_marks(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        keys = [row.id for row in d.rows]
        await d.press("ctrl+a")
        assert d.table.marked_keys == set(keys)
        await d.press("minus")
        assert d.table.marked_keys == set()
        d.table.move_cursor(row=0)
        await d.press("shift+down", "shift+down", "shift+down")
        assert d.table.marked_keys == set(keys[:3])
        await d.press("tilde")
        assert d.table.marked_keys == set(keys[3:])
        assert f"{len(keys) - 3} marked" in str(d.view.query_one("#crumbs").render())
