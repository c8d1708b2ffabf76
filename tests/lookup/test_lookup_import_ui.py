"""The editor with big imports and damaged staged files: keys answered while an import stages,
editing keys held back until it is done, and a corrupt staged file reported, not hidden."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from pilot_world import World
from textual import events
from textual.app import App

from workato_tui.lookup import ImportPlan
from workato_tui.lookup import files as lookup_files
from workato_tui.lookup import staging as staging_module
from workato_tui.screens.lookup_import import ImportScreen

NEW_ROWS = 20_000


def big_file(path: Path, count: int) -> None:
    lines = ["code,name,owner", *(f"NEW-{i:06d},Imported {i},Ana" for i in range(count))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def send_key(app: App[None], key: str) -> None:
    """A key as the terminal sends it, without Pilot's wait for the app to go idle (which
    would wait for the whole import)."""
    event = events.Key(key, None)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


async def test_the_editor_answers_keys_while_a_big_import_stages(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(staging_module, "IMPORT_CHUNK", 250)  # many turns of the event loop:
    monkeypatch.setattr(lookup_files, "IMPORT_SLICE_SECONDS", 0)  # one per chunk of 250 rows
    big_file(tmp_path / "Cost_centers.csv", NEW_ROWS)
    async with world.editor() as ed:
        editor, grid = ed.editor, ed.editor.grid
        staging_started, moved = asyncio.Event(), asyncio.Event()
        seen: list[tuple[bool, int]] = []
        show_progress, cursor_down = editor._import_progress, grid.action_cursor_down

        def progress(text: str) -> None:
            staging_started.set()
            show_progress(text)

        def down() -> None:
            seen.append((editor.importing, len(editor.staging)))
            cursor_down()
            moved.set()

        monkeypatch.setattr(editor, "_import_progress", progress)
        monkeypatch.setattr(grid, "action_cursor_down", down)
        await ed.press("i")
        assert isinstance(ed.app.screen, ImportScreen)
        send_key(ed.app, "ctrl+s")  # stage
        await asyncio.wait_for(staging_started.wait(), 60)
        send_key(ed.app, "u")  # undo is held back while the import stages
        send_key(ed.app, "down")  # moving is not
        await asyncio.wait_for(moved.wait(), 60)
        importing, staged_then = seen[0]
        assert importing and 0 < staged_then < NEW_ROWS  # answered mid-import
        assert grid.cursor_row == 1
        await ed.app.workers.wait_for_complete()
        await ed.settle()
        assert not editor.importing
        assert len(editor.staging) == NEW_ROWS  # the held-back undo did not run
        assert ed.status.startswith(f"{NEW_ROWS} pending changes: {NEW_ROWS} added")
        assert grid.total_count == 64 + NEW_ROWS
        saved = editor.store.load(editor.table_id, editor.columns)
        assert saved is not None and len(saved) == NEW_ROWS  # written to disk afterwards
        await ed.press("u")  # one undo step for the whole file
        assert not len(editor.staging)


async def test_a_corrupt_staged_file_is_reported_when_the_editor_opens(world: World) -> None:
    service = world.service()
    assert service.staged_dir is not None
    service.staged_dir.mkdir(parents=True, exist_ok=True)
    (service.staged_dir / f"{world.table_id()}.json").write_text("{half a file")
    async with world.editor(app=world.app(service)) as ed:
        assert any("could not be read" in m and ".unreadable" in m for m in ed.messages)
        assert ed.status == "No pending changes"
    assert (service.staged_dir / f"{world.table_id()}.unreadable").read_text() == "{half a file"


async def test_escape_while_a_big_file_is_read_closes_the_import_cleanly(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    big_file(tmp_path / "Cost_centers.csv", NEW_ROWS)
    async with world.editor() as ed:
        editor = ed.editor
        dismissed = threading.Event()

        def slow_planner(*args: Any) -> ImportPlan:
            dismissed.wait(30)  # still reading when escape comes
            return editor.plan_file(*args)

        import_screen = ImportScreen(
            editor.table_name, editor.columns, tmp_path / "none.csv", slow_planner, tmp_path
        )
        ed.app.push_screen(import_screen)
        await ed.until_screen(ImportScreen)
        import_screen.preview(then_stage=True)  # reading in a thread...
        import_screen.dismiss(None)  # ...and escape meanwhile
        await ed.pilot.pause()
        dismissed.set()
        await ed.settle()
        assert ed.editor is editor and not len(editor.staging)  # nothing staged, no crash
