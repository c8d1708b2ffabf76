"""What carries over between runs (last-known snapshot, theme), key remapping, narrow terminals."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from workato_tui.service.tokens import fingerprint as _fingerprint
from workato_tui.views import find_view
from workato_tui.widgets.folder_tree import FolderTree
from workato_tui.widgets.status_header import StatusHeader

ADMIN_IDENTITY = _fingerprint("demo-admin-token", "http://127.0.0.1")  # the demo admin's snapshot

if TYPE_CHECKING:
    from pilot_world import World

NARROW = (80, 24)


async def test_last_known_rows_show_at_once_marked_stale(world: World) -> None:
    async with world.run() as ui:
        first = ui.rows
        await ui.pilot.press("ctrl+q")
    assert world.paths.snapshot_file("demo", ADMIN_IDENTITY).exists()

    slow = world.gated("/api/recipes")
    app = world.app(world.service(transport=slow))
    async with app.run_test(size=(120, 36)) as pilot:
        ui = world.driver(pilot)
        await pilot.pause()
        assert [r.id for r in ui.rows] == [r.id for r in first]
        assert ui.table.error_text is None
        assert "(stale: last-known data, refreshing)" in ui.crumbs
        assert len(world.requests("/api/recipes")) == 1  # the new answer has not come yet
        slow.release()
        await ui.settle()
        assert "stale" not in ui.crumbs and "loading" not in ui.crumbs
        assert len(world.requests("/api/recipes")) == 2
        assert ui.table.total_count == len(first)


async def test_header_says_last_known_at_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with world.run() as ui:
        await ui.pilot.press("ctrl+q")
    monkeypatch.setattr(StatusHeader, "set_interval", lambda *args, **kwargs: None)  # no tick
    slow = world.gated("/api/recipes")
    app = world.app(world.service(transport=slow))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "stale" in world.driver(pilot).crumbs
        assert "showing last-known data" in str(app.screen.query_one(StatusHeader).render())
        slow.release()


async def test_table_has_focus_after_a_slow_first_load(world: World) -> None:
    slow = world.gated("/api/recipes")
    app = world.app(world.service(transport=slow))
    async with app.run_test(size=(120, 36)) as pilot:
        ui = world.driver(pilot)
        await pilot.pause()
        slow.release()
        await ui.settle()
        assert ui.table.total_count == len(world.emu.store.main.recipes)
        await ui.press("j")
        assert ui.table.has_focus and ui.table.cursor_row == 1


async def test_keymap_override_moves_refresh_to_f5(world: World) -> None:
    async with world.run(world.app(keymap={"refresh": "f5"})) as ui:
        before = len(world.requests("/api/recipes"))
        await ui.press("f5")
        assert len(world.requests("/api/recipes")) == before + 1
        await ui.press("ctrl+r")  # the default key no longer refreshes
        assert len(world.requests("/api/recipes")) == before + 1


async def test_theme_is_remembered_in_ui_json(world: World) -> None:
    first = world.app()
    async with world.run(first) as ui:
        assert first.theme != "gruvbox"
        first.theme = "gruvbox"
        await ui.pilot.pause()
    assert json.loads(world.ui_state_file.read_text()) == {"theme": "gruvbox"}
    second = world.app()
    async with world.run(second):
        assert second.theme == "gruvbox"


async def test_narrow_terminal_hides_the_tree_until_ctrl_b(world: World) -> None:
    async with world.run(size=NARROW) as ui:
        tree = ui.app.screen.query_one(FolderTree)
        assert not tree.display
        assert ui.table.size.width == NARROW[0]
        assert ui.table.total_count == len(world.emu.store.main.recipes)
        await ui.press("j", "j")
        assert ui.table.cursor_row == 2
        await ui.press("ctrl+b")
        assert tree.display and 0 < tree.size.width < NARROW[0] // 2
        await ui.jump("connections")
        assert ui.view.spec is find_view("connections")
        assert ui.table.total_count == len(world.emu.store.main.connections)


async def test_read_only_profile_shows_the_badge(world: World) -> None:
    async with world.run(world.app(world.service(read_only=True))) as ui:
        header = ui.app.screen.query_one("#status")
        assert "READ-ONLY" in str(header.render())
        assert ui.table.total_count == len(world.emu.store.main.recipes)  # reads still work


async def test_another_tokens_start_never_shows_the_last_identitys_rows(world: World) -> None:
    from workato_tui.emulator import FINANCE_TOKEN

    async with world.run() as ui:
        admin_rows = {r.id for r in ui.rows}
        await ui.pilot.press("ctrl+q")
    slow = world.gated("/api/recipes")
    app = world.app(world.service(FINANCE_TOKEN, transport=slow))
    async with app.run_test(size=(120, 36)) as pilot:
        ui = world.driver(pilot)
        await pilot.pause()
        assert ui.rows == [] and "stale" not in ui.crumbs  # nothing of the admin's
        slow.release()
        await ui.settle()
        finance_rows = {r.id for r in ui.rows}
        assert finance_rows and finance_rows < admin_rows
