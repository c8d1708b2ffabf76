"""Freeze and thaw from the keyboard: typed-count confirmation, the list, thaw, crash resume."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_driver import Driver
from pilot_world import World

from workato_tui.api.models import Recipe
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.freezes import FreezesScreen
from workato_tui.service.freeze import FREEZING, FreezeStore, new_freeze
from workato_tui.widgets.table import ResourceTable


def _finance(world: World) -> list[dict[str, Any]]:
    main = world.store.main
    project = next(p for p in main.projects.values() if p["name"] == "Finance Ops")
    folders = main.subtree(project["folder_id"])
    return [r for r in main.recipes.values() if r["folder_id"] in folders]


def _rows(d: Driver) -> list[dict[str, Any]]:
    """The freezes table as shown: each row's cell texts by column key."""
    table = d.app.screen.query_one("#freezes-table", ResourceTable)
    return [{c.key: c.text(r) for c in table.columns} for r in table.visible_rows]


async def _command(d: Driver, name: str) -> None:
    d.app.screen.jump(name)  # type: ignore[attr-defined]
    await d.pilot.pause()


async def _freeze_finance(d: Driver, world: World) -> set[int]:
    running_before = {r["id"] for r in _finance(world) if r["running"]}
    await d.jump("recipes")
    await d.tree_node("Finance Ops")
    await d.press("enter")  # scope to the project
    await d.settle()
    await _command(d, "freeze")
    await d.until_screen(ConfirmScreen)
    assert f"{len(running_before)} recipe(s)" in d.screen_text()
    await d.confirm(str(len(running_before)))  # typed count
    await d.close_bulk(expect=True)
    await d.until_screen(FreezesScreen)
    return running_before


async def test_freeze_a_project_then_thaw_exactly_what_it_stopped(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        stopped_before = {r["id"] for r in _finance(world) if not r["running"]}
        running_before = await _freeze_finance(d, world)
        assert not any(r["running"] for r in _finance(world))
        [row] = _rows(d)
        assert (row["state"], row["count"], row["scope"]) == (
            "frozen",
            str(len(running_before)),
            "Finance Ops",
        )
        await d.press("t")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.close_bulk(expect=True)
        await d.until_screen(FreezesScreen)
        now_running = {r["id"] for r in _finance(world) if r["running"]}
        assert now_running == running_before
        assert not now_running & stopped_before
        assert _rows(d)[0]["state"] == "thawed"


async def test_a_wrong_count_keeps_the_freeze_from_being_sent(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        await d.tree_node("Finance Ops")
        await d.press("enter")
        await d.settle()
        await _command(d, "freeze")
        await d.until_screen(ConfirmScreen)
        await d.type_phrase("99")
        await d.press("enter")
        assert isinstance(d.app.screen, ConfirmScreen)  # not accepted
        await d.press("escape")
        assert world.sent("recipes.stop") == []


async def test_without_a_scope_freeze_says_what_to_choose(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await _command(d, "freeze")
        await d.settle()
        assert any("Choose a folder" in m for m in d.messages)
        assert world.sent("recipes.stop") == []


async def test_a_freeze_interrupted_by_a_crash_is_offered_at_start_and_finished(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    running_now = [Recipe.model_validate(r) for r in _finance(world) if r["running"]]
    store = FreezeStore(world.paths.freezes_dir("demo"))
    record = new_freeze(running_now, profile="demo", scope="Finance Ops", now=world.clock.now())
    first = running_now[0].id
    world.store.main.recipes[first]["running"] = False  # stopped before the crash
    record.stopped.append(first)
    store.save(record)
    assert record.state == FREEZING
    async with world.run() as d:
        await d.until_screen(FreezesScreen)
        assert "did not finish" in d.screen_text()
        await d.press("f")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.close_bulk(expect=True)
        await d.until_screen(FreezesScreen)
        assert not any(r["running"] for r in _finance(world))
        assert len(world.sent("recipes.stop")) == len(running_now) - 1  # not the first again
        assert _rows(d)[0]["state"] == "frozen"


async def test_read_only_blocks_freeze_before_asking(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run(service=world.service(read_only=True)) as d:
        await d.jump("recipes")
        await d.tree_node("Finance Ops")
        await d.press("enter")
        await d.settle()
        await _command(d, "freeze")
        await d.settle()
        assert not isinstance(d.app.screen, ConfirmScreen)
        assert any("unavailable" in m for m in d.messages)
        assert world.sent("recipes.stop") == []
