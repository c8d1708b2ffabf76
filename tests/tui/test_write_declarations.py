"""A write is declared once (a record in write_catalog, its handler `@handles` it) and its
errors reach one presenter.

The declarations give the keys, the policy checks and the families a write makes stale; a
write from the UI makes its families stale once (the view's reload does not forget them a
second time); an error a worker lets escape is shown titled by what failed, with its
correlation id."""

from __future__ import annotations

from pathlib import Path

from pilot_driver import SIZE, Driver
from pilot_world import World

from workato_tui.actions.registry import HANDLERS
from workato_tui.api.endpoints import endpoint
from workato_tui.app import WorkatoApp
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.service.cache import Cache
from workato_tui.service.families import Family
from workato_tui.write_catalog import BY_ID, declared

RUNNING = "Sync closed-won opportunities to NetSuite"


def test_every_declared_write_has_one_handler_and_a_write_endpoint() -> None:
    assert set(HANDLERS) == set(BY_ID.values())
    for action in BY_ID.values():
        assert endpoint(action.endpoint_id).write, action.id
        assert action.stale, f"{action.id} makes nothing stale"


def test_no_two_writes_share_a_key_where_both_apply() -> None:
    for place in ("tree", "recipe"):
        keys = [a.key for a in declared(place)]
        assert len(keys) == len(set(keys)), place
    views = {view for a in declared("views") for view in a.views}
    for view in views:
        keys = [a.key for a in declared("views") if view in a.views]
        assert len(keys) == len(set(keys)), view


async def test_stopping_a_recipe_makes_recipes_stale_once(tmp_path: Path) -> None:
    world = World(tmp_path)
    service = world.service()
    forgotten: list[tuple[object, ...]] = []
    invalidate = Cache.invalidate

    def counting(cache: Cache, prefix: tuple[object, ...] = ()) -> int:
        forgotten.append(prefix)
        return invalidate(cache, prefix)

    service.gateway.cache.invalidate = counting.__get__(service.gateway.cache)  # type: ignore[method-assign]
    async with world.run(service=service) as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == RUNNING)
        await d.press("x")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_main()
        assert any(m.startswith("Stop recipe: Stopped") for m in d.messages)
        assert forgotten.count((Family.RECIPES,)) == 1
        assert not next(r for r in d.rows if r.name == RUNNING).running


async def test_a_failed_folder_load_is_shown_titled_by_what_failed(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        world.emu.faults.add("/api/folders", "error500")
        await d.tree_node("Finance Ops")
        await d.press("space")  # expand: its folders load, and fail
        await d.settle()
        shown = [m for m in d.messages if m.startswith("Load folders failed: ")]
        assert shown and "GET /api/folders failed (500)" in shown[0]
        assert "Correlation id: " in shown[0]


async def test_a_declared_write_follows_the_keymap(tmp_path: Path) -> None:
    world = World(tmp_path)
    app = WorkatoApp(world.service(), keymap={"recipe-stop": "z"}, ui_state_file=tmp_path / "ui")
    async with app.run_test(size=SIZE) as pilot:
        d = Driver(pilot, world)
        await d.settle()
        await d.jump("recipes")
        d.move_to(lambda r: r.name == RUNNING)
        await d.press("x")
        await d.settle()
        assert not d.modal  # x no longer stops
        await d.press("z")
        screen = await d.until_screen(ConfirmScreen)
        assert isinstance(screen, ConfirmScreen)
        assert screen.confirmation.action == "Stop recipe"
