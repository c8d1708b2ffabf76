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
    from conftest import Harness

NARROW = (80, 24)


async def test_last_known_rows_show_at_once_marked_stale(harness: Harness) -> None:
    async with harness.run() as ui:
        first = ui.rows
        await ui.pilot.press("ctrl+q")
    assert harness.paths.snapshot_file("demo", ADMIN_IDENTITY).exists()

    slow = harness.gated("/api/recipes")
    app = harness.app(harness.service(transport=slow))
    async with app.run_test(size=(120, 36)) as pilot:
        ui = harness.ui(pilot)
        await pilot.pause()
        assert [r.id for r in ui.rows] == [r.id for r in first]
        assert ui.table.error_text is None
        assert "(stale: last-known data, refreshing)" in ui.crumbs
        assert len(harness.requests("/api/recipes")) == 1  # the new answer has not come yet
        slow.release()
        await ui.settle()
        assert "stale" not in ui.crumbs and "loading" not in ui.crumbs
        assert len(harness.requests("/api/recipes")) == 2
        assert ui.table.total_count == len(first)


async def test_header_says_last_known_at_once(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with harness.run() as ui:
        await ui.pilot.press("ctrl+q")
    monkeypatch.setattr(StatusHeader, "set_interval", lambda *args, **kwargs: None)  # no tick
    slow = harness.gated("/api/recipes")
    app = harness.app(harness.service(transport=slow))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "stale" in harness.ui(pilot).crumbs
        assert "showing last-known data" in str(app.screen.query_one(StatusHeader).render())
        slow.release()


async def test_table_has_focus_after_a_slow_first_load(harness: Harness) -> None:
    slow = harness.gated("/api/recipes")
    app = harness.app(harness.service(transport=slow))
    async with app.run_test(size=(120, 36)) as pilot:
        ui = harness.ui(pilot)
        await pilot.pause()
        slow.release()
        await ui.settle()
        assert ui.table.total_count == len(harness.emu.store.main.recipes)
        await ui.press("j")
        assert ui.table.has_focus and ui.table.cursor_row == 1


async def test_keymap_override_moves_refresh_to_f5(harness: Harness) -> None:
    async with harness.run(harness.app(keymap={"refresh": "f5"})) as ui:
        before = len(harness.requests("/api/recipes"))
        await ui.press("f5")
        assert len(harness.requests("/api/recipes")) == before + 1
        await ui.press("ctrl+r")  # the default key no longer refreshes
        assert len(harness.requests("/api/recipes")) == before + 1


async def test_theme_is_remembered_in_ui_json(harness: Harness) -> None:
    first = harness.app()
    async with harness.run(first) as ui:
        assert first.theme != "gruvbox"
        first.theme = "gruvbox"
        await ui.pilot.pause()
    assert json.loads(harness.ui_state_file.read_text()) == {"theme": "gruvbox"}
    second = harness.app()
    async with harness.run(second):
        assert second.theme == "gruvbox"


async def test_narrow_terminal_hides_the_tree_until_ctrl_b(harness: Harness) -> None:
    async with harness.run(size=NARROW) as ui:
        tree = ui.app.screen.query_one(FolderTree)
        assert not tree.display
        assert ui.table.size.width == NARROW[0]
        assert ui.table.total_count == len(harness.emu.store.main.recipes)
        await ui.press("j", "j")
        assert ui.table.cursor_row == 2
        await ui.press("ctrl+b")
        assert tree.display and 0 < tree.size.width < NARROW[0] // 2
        await ui.jump("connections")
        assert ui.view.spec is find_view("connections")
        assert ui.table.total_count == len(harness.emu.store.main.connections)


async def test_read_only_profile_shows_the_badge(harness: Harness) -> None:
    async with harness.run(harness.app(harness.service(read_only=True))) as ui:
        header = ui.app.screen.query_one("#status")
        assert "READ-ONLY" in str(header.render())
        assert ui.table.total_count == len(harness.emu.store.main.recipes)  # reads still work


async def test_another_tokens_start_never_shows_the_last_identitys_rows(harness: Harness) -> None:
    from workato_tui.emulator import FINANCE_TOKEN

    async with harness.run() as ui:
        admin_rows = {r.id for r in ui.rows}
        await ui.pilot.press("ctrl+q")
    slow = harness.gated("/api/recipes")
    app = harness.app(harness.service(FINANCE_TOKEN, transport=slow))
    async with app.run_test(size=(120, 36)) as pilot:
        ui = harness.ui(pilot)
        await pilot.pause()
        assert ui.rows == [] and "stale" not in ui.crumbs  # nothing of the admin's
        slow.release()
        await ui.settle()
        finance_rows = {r.id for r in ui.rows}
        assert finance_rows and finance_rows < admin_rows
