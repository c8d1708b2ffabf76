"""The compare screen at 80 and 120 columns (issue 11 item 18): STATUS always shows and WHAT
DIFFERS has its text; a long WHERE is cut with an ellipsis instead. The table takes the
screen's height and its columns its width, up to its scrollbar at the right edge."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import pytest
from test_compare_ui import _app, _open_compare
from textual.widgets import DataTable, Static

from workato_tui.emulator.seed_envs import CHANGED_RECIPE
from workato_tui.screens.compare import column_widths

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World


@asynccontextmanager
async def compared(world: World, size: tuple[int, int]) -> AsyncIterator[Driver]:
    """The app at `size` with `:compare demo` open and loaded."""
    async with world.run(_app(world), size=size) as ui:
        await _open_compare(ui)
        await ui.settle()
        yield ui


def table_lines(ui: Driver) -> list[str]:
    table: DataTable[Any] = ui.app.screen.query_one(DataTable)
    return [table.render_line(y).text for y in range(table.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_status_and_what_differs_show_at_80_and_120_columns(
    world: World, size: tuple[int, int]
) -> None:
    async with compared(world, size) as ui:
        header, *rows = table_lines(ui)
        assert "STATUS" in header and "WHAT DIFFERS" in header
        assert all(len(line) <= size[0] for line in rows)
        await ui.press("d")
        header, *rows = table_lines(ui)
        [recipe] = [line for line in rows if line.lstrip().startswith("recipe")]
        assert "differs" in recipe and recipe.rstrip().endswith("version, code")
        if size[0] == 80:  # the recipe's WHERE is longer than its share: cut, not the rest
            assert f"Sales Ops/Lead routing/{CHANGED_RECIPE}" not in recipe
            assert "…" in recipe


def spanned(table: DataTable[Any]) -> int:
    """Cells the table's columns take side by side."""
    return sum(column.get_render_width(table) for column in table.columns.values())


def assert_columns_take_the_width(ui: Driver, width: int) -> None:
    """The screen does not scroll; the table ends at the right edge and its columns span it,
    up to its own scrollbar when it shows one."""
    screen = ui.app.screen
    table: DataTable[Any] = screen.query_one(DataTable)
    footer = screen.query_one("KeysFooter")
    assert screen.virtual_size.height <= screen.size.height  # no scrollbar of the screen's
    assert table.region.right == width and table.region.bottom <= footer.region.y
    scrollbar = table.styles.scrollbar_size_vertical if table.show_vertical_scrollbar else 0
    assert spanned(table) == table.scrollable_content_region.width == width - scrollbar
    header = table.render_line(0)
    past = [s for s in header if s.style and (s.style.meta or {}).get("out_of_bounds")]
    assert sum(s.cell_length for s in past) <= scrollbar  # the header ends at the scrollbar


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_columns_take_the_width_up_to_the_scrollbar_at_the_right_edge(
    world: World, size: tuple[int, int]
) -> None:
    async with compared(world, size) as ui:
        table: DataTable[Any] = ui.app.screen.query_one(DataTable)
        assert table.show_vertical_scrollbar  # 55 pairs: more than a screenful
        assert_columns_take_the_width(ui, size[0])
        await ui.press("d")  # 5 pairs: no scrollbar, the columns take its room too
        await ui.settle()
        assert not table.show_vertical_scrollbar
        assert_columns_take_the_width(ui, size[0])


async def test_the_columns_refit_when_the_terminal_narrows(world: World) -> None:
    async with compared(world, (120, 36)) as ui:
        await ui.pilot.resize_terminal(80, 24)
        await ui.settle()
        await ui.pilot.pause()
        assert_columns_take_the_width(ui, 80)
        line = ui.app.screen.query_one("#compare-counts", Static)
        assert line.region.height == 1


def test_where_is_cut_for_what_differs_and_what_differs_takes_the_rest() -> None:
    rows = [("recipe", "W" * 90, "differs", "version, code, name")]
    kind, where, status, what = column_widths(78, rows)
    assert (kind, status, what) == (len("recipe"), len("differs"), len("version, code, name"))
    assert kind + where + status + what + 8 == 78  # WHERE gives way, nothing off-screen
    short = [("folder", "Sales Ops", "same", "")]
    kind, where, status, what = column_widths(78, short)
    assert where == len("Sales Ops") and what == 78 - 8 - kind - where - status
