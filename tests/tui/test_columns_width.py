"""Columns use the width (issue 11 item 18): at 80 columns the recipes view keeps NAME, STATE,
OK, FAILED and LAST RUN and hides ids, folders and edit times first, saying how many are
hidden; at 120 with the tree open OK/FAILED/LAST RUN fit; left/right (h/l) step through the
hidden columns one at a time; sorting a hidden column shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from workato_tui.widgets.folder_tree import FolderTree

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

NARROW, WIDE = (80, 24), (120, 36)
GLANCE = ["name", "running", "job_succeeded_count", "job_failed_count", "last_run_at"]
HIDES_FIRST = {"id", "action_applications", "updated_at"}


def name_width(ui: Driver) -> int:
    layout = ui.table.geometry
    return layout.widths[layout.indices.index(1)]  # NAME is the recipes view's 2nd column


async def test_at_80_columns_recipes_keep_what_a_glance_needs(world: World) -> None:
    async with world.run(size=NARROW) as ui:
        for label in ("NAME", "STATE", "OK", "FAILED", "LAST RUN"):
            assert label in ui.header
        shown = ui.table.shown_columns
        assert [key for key in shown if key in GLANCE] == GLANCE
        assert not HIDES_FIRST & set(shown)
        hidden = len(ui.table.columns) - len(shown)
        assert f"{hidden} more\u203a" in ui.header  # only right to go
        assert "UPDATED" not in ui.header and " ID " not in ui.header


async def test_at_120_columns_with_the_tree_open_ok_failed_last_run_fit(world: World) -> None:
    async with world.run(size=WIDE) as ui:
        assert ui.app.screen.query_one(FolderTree).display
        assert set(GLANCE) <= set(ui.table.shown_columns)
        assert all(label in ui.header for label in ("OK", "FAILED", "LAST RUN"))
        wide_name = name_width(ui)
    async with world.run(size=NARROW) as ui:
        assert name_width(ui) < wide_name  # NAME follows the terminal's width


async def test_left_and_right_step_through_the_hidden_columns_one_at_a_time(
    world: World,
) -> None:
    async with world.run(size=NARROW) as ui:
        first = ui.table.shown_columns
        hidden = [c.key for c in ui.table.columns if c.key not in first]
        seen = []
        for _ in hidden:
            await ui.press("right")
            [new] = [key for key in ui.table.shown_columns if key not in first]
            seen.append(new)
            revealed = ui.table.geometry.revealed  # its header stands out
            assert revealed is not None and ui.table.columns[revealed].key == new
            assert "\u2039" in ui.header  # left goes back
        assert seen == hidden  # each hidden column in turn, in table order
        await ui.press("right")  # none further: stays on the last
        assert [k for k in ui.table.shown_columns if k not in first] == [hidden[-1]]
        assert "\u203a" not in ui.header
        await ui.press("h")
        assert hidden[-2] in ui.table.shown_columns
        await ui.press(*["h"] * len(hidden))
        assert ui.table.shown_columns == first
        await ui.press("l")
        assert "ID" in ui.header.split()


async def test_sorting_a_hidden_column_shows_it(world: World) -> None:
    async with world.run(size=NARROW) as ui:
        assert "updated_at" not in ui.table.shown_columns
        for _ in ui.table.columns:  # s steps the sort through the columns
            await ui.press("s")
            if ui.table.sort_key == "updated_at":
                break
        assert ui.table.sort_key == "updated_at"
        assert "updated_at" in ui.table.shown_columns
        assert "UPDATED \u25b2" in ui.header
        assert "name" in ui.table.shown_columns
        await ui.press("s")  # sorted by another column: UPDATED hides again
        assert "updated_at" not in ui.table.shown_columns


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_rows_use_the_width_under_the_note_of_hidden_columns(
    world: World, size: tuple[int, int]
) -> None:
    async with world.run(size=size) as ui:
        table, layout = ui.table, ui.table.geometry
        hidden = len(table.columns) - len(table.shown_columns)
        note = f"{hidden} more\u203a"
        assert hidden and note in ui.header
        assert layout.width == table.scrollable_content_region.width  # no blank tail
        start = ui.header.index(note)
        under = [table.render_line(y).text[start : start + len(note)] for y in range(1, 18)]
        assert any(text.strip() for text in under)  # names run on under the note
        assert ui.header.split()[-2:] == ["LAST", "RUN"]  # the last label stays whole
