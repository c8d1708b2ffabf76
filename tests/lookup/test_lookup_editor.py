"""The lookup editor under Pilot: open, edit, add, delete, undo, save, and check the emulator."""

from __future__ import annotations

from pilot_driver import Driver, widget_text
from pilot_world import COST_CENTERS, World
from textual.widgets import Static

from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.main import MainScreen


def ids(world: World) -> list[int]:
    return list(world.stored())


async def test_enter_on_a_table_opens_its_rows_in_the_editor(world: World) -> None:
    stored = world.stored()
    async with world.editor() as ed:
        grid = ed.editor.grid
        assert [c.key for c in grid.columns] == ["id", "code", "name", "owner"]
        assert grid.cursor_mode == "cell" and grid.current_column.key == "code"  # type: ignore[union-attr]
        assert str(ed.editor.query_one("#lookup-crumbs").render()) == "Cost centers › Rows  [64]"
        assert {
            r["id"]: {k: r[k] for k in ("code", "name", "owner")} for r in grid.visible_rows
        } == stored
        assert ed.status.startswith("No pending changes")


async def test_edit_add_delete_undo_and_save(world: World) -> None:
    first, second, third, fourth = ids(world)[:4]
    async with world.editor() as ed:
        await ed.edit(first, "name", "Finance HQ")
        await ed.press("a")  # a new row, editing its first cell
        await ed.type("CC-9000")
        await ed.press("enter")
        await ed.press("tab", "enter")  # its name
        await ed.type("Treasury")
        await ed.press("enter")
        ed.move_to_cell(second)
        await ed.press("ctrl+d")
        ed.move_to_cell(third)
        await ed.press("ctrl+d")
        await ed.press("u")  # the third row is kept after all
        await ed.edit(fourth, "owner", "Typo")
        await ed.press("u")
        assert ed.status.startswith("3 pending changes: 1 changed (1 cell), 1 added, 1 deleted")
        progress = await ed.save()
        assert [r.ok for r in progress.results] == [True, True, True]
        await ed.close_progress()
        assert ed.status.startswith("No pending changes")
        staged_file = ed.editor.store.path(world.table_id())
        assert staged_file is not None and not staged_file.exists()
    stored = world.stored()
    assert stored[first]["name"] == "Finance HQ"
    assert second not in stored and third in stored
    assert stored[fourth]["owner"] != "Typo"
    assert list(stored.values())[-1] == {"code": "CC-9000", "name": "Treasury", "owner": ""}


async def test_escape_cancels_a_cell_edit_and_letters_typed_are_not_commands(world: World) -> None:
    first = ids(world)[0]
    async with world.editor() as ed:
        ed.move_to_cell(first, "name")
        await ed.press("e")
        await ed.type("uaxi")  # undo, add, export, import keys: here they are text
        assert ed.editor.prompt.value.endswith("uaxi")
        await ed.press("escape")
        assert not len(ed.editor.staging) and ed.editor.prompt_mode is None
        assert ed.editor.grid.has_focus


async def test_tab_in_a_cell_edit_commits_and_edits_the_next_cell(world: World) -> None:
    async with world.editor() as ed:
        await ed.press("a")
        await ed.type("CC-1")
        await ed.press("tab")
        await ed.type("Nme")
        await ed.press("shift+tab")  # back to the code
        assert ed.editor.edit_target == (-1, "code")
        assert ed.editor.rows[-1]["name"] == "Nme"
        await ed.press("shift+tab")  # the id is skipped: the row above, last cell
        assert ed.editor.edit_target == (ids(world)[-1], "owner")
        await ed.press("tab", "tab", "ctrl+u")
        await ed.type("Name")
        await ed.press("tab")
        await ed.type("Owner")
        await ed.press("enter")
        assert ed.editor.rows[-1] == {"id": -1, "code": "CC-1", "name": "Name", "owner": "Owner"}
        assert ed.editor.grid.current_column.key == "owner"  # type: ignore[union-attr]


async def test_shift_enter_adds_a_row_too(world: World) -> None:
    async with world.editor() as ed:
        await ed.press("shift+enter")
        assert ed.editor.edit_target == (-1, "code")
        assert ed.editor.grid.current_key == -1


async def test_grid_keys_move_between_cells(world: World) -> None:
    async with world.editor() as ed:
        grid = ed.editor.grid
        await ed.press("tab", "tab")
        assert grid.current_column.key == "owner"  # type: ignore[union-attr]
        await ed.press("tab")
        assert (grid.cursor_row, grid.cursor_column) == (1, 0)
        await ed.press("shift+tab", "home")
        assert (grid.cursor_row, grid.cursor_column) == (0, 0)
        await ed.press("end", "pagedown", "down")
        assert grid.cursor_column == 3 and grid.cursor_row > 20


async def test_changed_cells_new_and_deleted_rows_are_highlighted(world: World) -> None:
    first, second = ids(world)[:2]
    async with world.editor() as ed:
        await ed.edit(first, "name", "X")
        ed.move_to_cell(second)
        await ed.press("ctrl+d")
        await ed.press("a", "escape")
        grid, rows = ed.editor.grid, ed.editor.rows
        assert grid.cell_style(rows[first], "name") == "resource-table--changed"  # type: ignore[misc]
        assert grid.cell_style(rows[first], "code") is None  # type: ignore[misc]
        assert grid.row_style(rows[second]) == "resource-table--danger"  # type: ignore[misc]
        assert grid.row_style(rows[-1]) == "resource-table--success"  # type: ignore[misc]


async def test_a_conflict_shows_theirs_yours_and_original_and_keep_yours_saves(
    world: World,
) -> None:
    first, second = ids(world)[:2]
    async with world.editor() as ed:
        await ed.edit(first, "name", "Mine")
        await ed.edit(second, "name", "Not contested")
        world.emu.store.main.lookup_rows[world.table_id()][first]["data"]["owner"] = "Theirs"
        await ed.save()
        await ed.close_progress()
        assert ed.top == "ConflictScreen"
        text = widget_text(ed.app.screen.query_one("#conflict-cells Static", Static))
        assert "Theirs" in text and "Mine" in text and "Finance AMER 1" in text
        assert world.stored()[second]["name"] == "Not contested"
        await ed.press("y")  # keep yours: saved on top of their version
        await ed.close_progress()
        assert ed.top == "LookupEditorScreen"
    assert world.stored()[first] == {"code": "CC-1000", "name": "Mine", "owner": "Theirs"}


async def test_keep_theirs_drops_the_staged_change(world: World) -> None:
    first = ids(world)[0]
    async with world.editor() as ed:
        await ed.edit(first, "name", "Mine")
        world.emu.store.main.lookup_rows[world.table_id()][first]["data"]["name"] = "Theirs"
        await ed.save()
        await ed.close_progress()
        await ed.press("t")
        assert not len(ed.editor.staging)
        assert ed.editor.rows[first]["name"] == "Theirs"
    assert world.stored()[first]["name"] == "Theirs"


async def test_a_fault_mid_save_keeps_what_was_typed_and_saves_the_rest(world: World) -> None:
    rows = ids(world)[:3]
    async with world.editor() as ed:
        for index, key in enumerate(rows):
            await ed.edit(key, "name", f"Edit {index}")
        world.emu.faults.add("/api/lookup_tables/*/rows/*", "error500", times=1, method="PUT")
        progress = await ed.save()
        assert [r.ok for r in progress.results] == [False, True, True]
        await ed.close_progress()
        staged = ed.editor.staging.get(rows[0])
        assert staged is not None and staged.values["name"] == "Edit 0"
        assert ed.editor.rows[rows[0]]["name"] == "Edit 0"
        ed.move_to_cell(rows[0], "name")
        await ed.pilot.pause()
        assert "1 pending change" in ed.status and "(500)" in ed.status
        assert ed.editor.grid.row_style(ed.editor.rows[rows[0]]) == "resource-table--warning"  # type: ignore[misc]
        assert any("1 failed" in m for m in ed.messages)
    stored = world.stored()
    assert [stored[k]["name"] for k in rows] == ["Finance AMER 1", "Edit 1", "Edit 2"]


async def test_staged_edits_survive_a_crash_and_are_restored(world: World) -> None:
    first = ids(world)[0]
    async with world.editor() as ed:
        await ed.edit(first, "name", "Unsaved")
        await ed.press("a", "escape")
    # the app ended without saving or leaving the table: as after a crash
    async with world.editor() as ed:
        assert ed.editor.rows[first]["name"] == "Unsaved"
        assert ed.status.startswith("2 pending changes: 1 changed (1 cell), 1 added")
        assert any("restored" in m and "nothing was sent" in m for m in ed.messages)
        await ed.save()
        await ed.close_progress()
    assert world.stored()[first]["name"] == "Unsaved"
    async with world.editor() as ed:
        assert ed.status.startswith("No pending changes") and not ed.messages


async def test_read_only_stages_but_refuses_to_send_and_says_why(world: World) -> None:
    first = ids(world)[0]
    async with world.editor(app=world.app(world.service(read_only=True))) as ed:
        await ed.edit(first, "name", "Staged only")
        assert "saving is refused" in ed.status
        writes = len([r for r in world.requests() if r.method != "GET"])
        await ed.press("ctrl+s")
        assert ed.top == "LookupEditorScreen"
        assert any("Saving is refused" in m and "read-only" in m for m in ed.messages)
        assert len([r for r in world.requests() if r.method != "GET"]) == writes
        assert len(ed.editor.staging) == 1


async def test_leaving_with_unsaved_changes_asks_first(world: World) -> None:
    first = ids(world)[0]
    async with world.editor() as ed:
        await ed.edit(first, "name", "Pending")
        await ed.press("escape")
        assert isinstance(ed.app.screen, ConfirmScreen)
        assert "come back when you reopen" in ed.app.screen.confirmation.effect
        await ed.press("escape")  # cancel: stay
        assert ed.top == "LookupEditorScreen"
        await ed.press("escape")
        await ed.confirm()
        assert isinstance(ed.app.screen, MainScreen)


async def test_leaving_without_changes_does_not_ask(world: World) -> None:
    async with world.editor() as ed:
        await ed.press("escape")
        assert isinstance(ed.app.screen, MainScreen)


async def test_ctrl_f_looks_a_key_up_through_the_api(world: World) -> None:
    stored = world.stored()
    target = next(k for k, d in stored.items() if d["code"] == "CC-1300")
    async with world.editor() as ed:
        await ed.press("ctrl+f")
        await ed.type("CC-1300")
        await ed.press("enter")
        assert ed.editor.grid.current_key == target
        assert any("/lookup" in r.path and "CC-1300" in r.query for r in world.requests())
        found = stored[target]
        assert any(
            f"Found row {target}: code = 'CC-1300', name = {found['name']!r}" in m
            for m in ed.messages
        )
        await ed.press("ctrl+f")
        await ed.type("CC-0000")
        await ed.press("enter")
        assert ed.editor.grid.current_key == target
        assert any("No row has code = 'CC-0000'" in m for m in ed.messages)


async def test_slash_filters_and_escape_clears(world: World) -> None:
    async with world.editor() as ed:
        await ed.press("slash")
        await ed.type("legal")
        assert ed.editor.grid.row_count == 8 and ed.editor.grid.total_count == 64
        await ed.press("enter")
        assert "filter: legal" in str(ed.editor.query_one("#lookup-crumbs").render())
        await ed.press("escape")
        assert ed.editor.grid.row_count == 64


async def test_the_table_name_opens_from_the_lookup_tables_view(world: World) -> None:
    async with world.editor(COST_CENTERS) as ed:
        assert isinstance(ed, Driver) and ed.editor.table_name == COST_CENTERS
