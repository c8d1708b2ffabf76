"""The lookup editor after a save whose answer was lost: the added row is not added twice,
the result says what happened with its correlation id, and enter shows a result whole."""

from __future__ import annotations

from pilot_world import World

from workato_tui.screens.progress import ResultScreen

NEW = {"code": "CC-9000", "name": "Treasury", "owner": ""}
ROWS_PATH = "/api/lookup_tables/*/rows"


def copies(world: World) -> int:
    return sum(data == NEW for data in world.stored().values())


async def add_row(ed) -> None:  # type: ignore[no-untyped-def]
    await ed.press("a")
    await ed.type(NEW["code"])
    await ed.press("enter")
    await ed.press("tab", "enter")
    await ed.type(NEW["name"])
    await ed.press("enter")


async def test_a_save_whose_answer_is_lost_adds_the_row_once(world: World) -> None:
    async with world.editor() as ed:
        await add_row(ed)
        world.emu.faults.add(ROWS_PATH, "drop-after", times=1, method="POST")
        progress = await ed.save()
        [result] = progress.results
        assert result.ok and "(the answer was lost)" in result.message
        await ed.close_progress()
        assert ed.status.startswith("No pending changes")
        await ed.press("ctrl+r")
        assert ed.status.startswith("No pending changes")
    assert copies(world) == 1


async def test_a_drop_before_it_landed_then_ctrl_r_and_save_adds_it_once(world: World) -> None:
    async with world.editor() as ed:
        await add_row(ed)
        world.emu.faults.add(ROWS_PATH, "drop", times=1, method="POST")
        progress = await ed.save()
        [result] = progress.results
        assert not result.ok and "Checked: no row with these values was added" in result.message
        await ed.press("enter")  # the result, whole
        shown = ed.app.screen
        assert isinstance(shown, ResultScreen)
        assert "Correlation id: " in shown.text and shown.text.endswith(".")
        await ed.press("escape")
        await ed.close_progress()
        assert copies(world) == 0 and "1 pending change" in ed.status
        await ed.press("ctrl+r")
        progress = await ed.save()
        assert [r.ok for r in progress.results] == [True]
        await ed.close_progress()
    assert copies(world) == 1
