"""The compare screen at 80 and 120 columns (issue 11 item 18): STATUS always shows and WHAT
DIFFERS has its text; a long WHERE is cut with an ellipsis instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from test_compare_ui import _app, _open_compare
from textual.widgets import DataTable

from workato_tui.emulator.seed_envs import CHANGED_RECIPE
from workato_tui.screens.compare import column_widths

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World


def table_lines(ui: Driver) -> list[str]:
    table: DataTable[Any] = ui.app.screen.query_one(DataTable)
    return [table.render_line(y).text for y in range(table.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_status_and_what_differs_show_at_80_and_120_columns(
    world: World, size: tuple[int, int]
) -> None:
    async with world.run(_app(world), size=size) as ui:
        await _open_compare(ui)
        await ui.settle()
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


def test_where_is_cut_for_what_differs_and_what_differs_takes_the_rest() -> None:
    rows = [("recipe", "W" * 90, "differs", "version, code, name")]
    kind, where, status, what = column_widths(78, rows)
    assert (kind, status, what) == (len("recipe"), len("differs"), len("version, code, name"))
    assert kind + where + status + what + 8 == 78  # WHERE gives way, nothing off-screen
    short = [("folder", "Sales Ops", "same", "")]
    kind, where, status, what = column_widths(78, short)
    assert where == len("Sales Ops") and what == 78 - 8 - kind - where - status
