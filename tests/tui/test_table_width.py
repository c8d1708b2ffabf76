"""Columns use the width (issue 11 item 18): NAME, or the widest text column, grows with
the terminal, as far as its texts need."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workato_tui.widgets.table_model import Column
from workato_tui.widgets.table_render import Layout

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World


def test_name_grows_into_spare_width_as_far_as_its_texts_need() -> None:
    columns = [Column("id", "ID"), Column("name", "NAME", width=10), Column("ok", "OK")]
    long_rows = [{"id": 1, "name": "A rather long recipe name of 40 cells....", "ok": 3}]
    narrow = Layout.build(columns, long_rows)
    assert narrow.widths[1] == 10
    wide = Layout.build(columns, long_rows, available=200)
    assert wide.widths[1] == 41  # its text, not all 200 cells
    some = Layout.build(columns, long_rows, available=narrow.width + 5)
    assert some.widths[1] == 15 and some.width == narrow.width + 5


async def test_recipe_names_show_in_full_on_a_wide_terminal(world: World) -> None:
    full = "Load Salesforce opportunities into Snowflake"
    async with world.run(size=(120, 36)) as d:
        assert not any(full in line for line in table_lines(d))  # cut at 120 with the tree
    async with world.run(size=(200, 36)) as d:
        assert any(full in line for line in table_lines(d))


def table_lines(d: Driver) -> list[str]:
    table = d.table
    return [table.render_line(y).text for y in range(table.size.height)]
