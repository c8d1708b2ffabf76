"""More of the editor: big tables load page by page, reload, discard, edits never dropped."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pilot_world import COST_CENTERS, World, record_frames

from workato_tui.emulator.records import new_row
from workato_tui.lookup.rows import MAX_COLUMNS
from workato_tui.screens.lookup_editor import LookupEditorScreen


def grow(world: World, extra: int) -> None:
    store = world.emu.store
    for n in range(extra):
        new_row(
            store,
            store.main,
            world.table_id(),
            {"code": f"CC-X{n:05d}", "name": f"Extra {n}", "owner": "Ana Ruiz"},
        )


async def test_a_big_table_loads_page_by_page_and_scrolls(world: World) -> None:
    grow(world, 2500)  # 64 + 2500 rows: three pages of 1000
    async with world.editor() as ed:
        pages = [r.query for r in world.requests(method="GET") if r.path.endswith("/rows")]
        assert len(pages) == 3 and all("per_page=1000" in q for q in pages)
        grid = ed.editor.grid
        assert grid.total_count == 2564 and not ed.editor.loading_rows
        await ed.press("G")
        assert grid.current_row["code"] == "CC-X02499"  # type: ignore[index]
        await ed.press("pageup", "g")
        assert grid.cursor_row == 0


async def test_a_streaming_table_takes_one_page_a_frame(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are laid out one per painted frame, so keys and painting go between them (not a
    run of pages in one go: the freeze bench_lookup.py measures on 100,000 rows)."""
    grow(world, 5000)  # 64 + 5000 rows: six pages of 1000
    counts: list[int] = []
    record_frames(
        monkeypatch, lambda app: counts.append(app.screen.grid.total_count), LookupEditorScreen
    )
    async with world.editor() as ed:
        await ed.until(lambda: not ed.editor.loading_rows, "all pages")
        assert ed.editor.grid.total_count == 5064
    grown = [after - before for before, after in itertools.pairwise(counts)]
    assert max(grown) <= 1000, counts  # never two pages between two frames
    assert 5064 in counts


async def test_the_first_page_shows_and_can_be_edited_while_the_rest_loads(world: World) -> None:
    grow(world, 1500)
    service = world.service()
    gate = asyncio.Event()
    real_pages = service.lookup_row_pages

    async def gated(table_id: int) -> AsyncIterator[list[Any]]:
        async for number, page in aenumerate(real_pages(table_id)):
            if number == 1:
                await gate.wait()  # the second page is slow to come
            yield page

    service.lookup_row_pages = gated  # type: ignore[method-assign]
    async with world.run(world.app(service)) as d:
        d.move_to(lambda row: row.name == COST_CENTERS)
        await d.pilot.press("enter")  # no settle: the load waits on the gate
        await d.until(lambda: d.top == "LookupEditorScreen" and d.editor.grid.total_count > 0)
        screen = d.editor
        assert screen.grid.total_count == 1000 and screen.loading_rows
        assert "loading…" in str(screen.query_one("#lookup-crumbs").render())
        first = screen.grid.current_key
        await d.pilot.press("enter", "ctrl+u", *"Early", "enter")
        gate.set()
        await d.settle()
        assert screen.grid.total_count == 1564 and not screen.loading_rows
        assert screen.rows[first]["code"] == "Early" and len(screen.staging) == 1


async def aenumerate(items: AsyncIterator[Any]) -> AsyncIterator[tuple[int, Any]]:
    number = 0
    async for item in items:
        yield number, item
        number += 1


async def test_an_edit_left_open_is_staged_when_another_command_comes(world: World) -> None:
    first = next(iter(world.stored()))
    async with world.editor() as ed:
        ed.move_to_cell(first, "name")
        await ed.press("enter", "ctrl+u")
        await ed.type("Typed, not yet entered")
        await ed.press("ctrl+s")  # save with the edit still open: it is staged first
        await ed.confirm()
        await ed.close_progress()
    assert world.stored()[first]["name"] == "Typed, not yet entered"


async def test_reload_shows_the_servers_rows_with_the_staged_edits_on_top(world: World) -> None:
    first, second = list(world.stored())[:2]
    async with world.editor() as ed:
        await ed.edit(first, "name", "Mine")
        world.emu.store.main.lookup_rows[world.table_id()][second]["data"]["name"] = "Changed"
        await ed.press("ctrl+r")
        assert ed.editor.rows[second]["name"] == "Changed"
        assert ed.editor.rows[first]["name"] == "Mine" and len(ed.editor.staging) == 1


async def test_discard_asks_then_drops_everything_and_undo_brings_it_back(world: World) -> None:
    first = next(iter(world.stored()))
    async with world.editor() as ed:
        await ed.edit(first, "name", "Mine")
        await ed.press("a", "escape")
        await ed.press("U")
        await ed.confirm()
        assert not len(ed.editor.staging) and ed.editor.rows[first]["name"] != "Mine"
        assert -1 not in ed.editor.rows
        staged_file = ed.editor.store.path(world.table_id())
        assert staged_file is not None and not staged_file.exists()
        await ed.press("u")
        assert len(ed.editor.staging) == 2 and staged_file.exists()


async def test_deleting_the_marked_rows_at_once(world: World) -> None:
    keys = list(world.stored())[:3]
    async with world.editor() as ed:
        for key in keys:
            ed.move_to_cell(key)
            await ed.press("space")
        await ed.press("ctrl+d")
        assert [ed.editor.staging.get(k).kind for k in keys] == ["delete"] * 3  # type: ignore[union-attr]
        assert not ed.editor.grid.marked_keys


async def test_columns_come_from_the_schema_and_there_are_at_most_ten(world: World) -> None:
    async with world.editor("Employee departments") as ed:
        labels = [c.label for c in ed.editor.grid.columns]
        assert labels == ["ROW ID", "DEPT_ID", "NAME", "WORKDAY_ORG", "SLACK_CHANNEL"]
        assert len(ed.editor.columns) <= MAX_COLUMNS


async def test_moving_the_cursor_lays_nothing_out_again(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cursor move used to update the status line with the same text, and each update laid
    the whole screen out again and repainted every widget on it: about 2.7 frames a key on
    100,000 rows (bench_lookup.py). The status still changes when its text does."""
    from textual.screen import Screen

    layouts: list[Screen[Any]] = []
    lay_out = Screen._refresh_layout

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        if isinstance(self, LookupEditorScreen):  # (the main screen under it has its own)
            layouts.append(self)
        lay_out(self, *args, **kwargs)

    async with world.editor() as ed:
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        for key in ("down", "down", "right", "pagedown", "up", "end", "home"):
            await ed.press(key)
        assert layouts == []
        await ed.press("e", "ctrl+u", *"CC-9", "enter")  # an edit: the status says so
        assert len(ed.editor.staging) == 1
        assert "1 pending change" in str(ed.editor.query_one("#lookup-status").render())
