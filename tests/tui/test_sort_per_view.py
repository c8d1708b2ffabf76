"""Each view keeps its own sort, and the breadcrumb names the column by its header."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pilot_world import World


async def test_sort_stays_with_its_view_and_reads_as_the_header(world: World) -> None:
    async with world.run() as ui:
        await ui.press("s", "s", "s")
        recipes_sort = ui.table.sort_key
        assert recipes_sort is not None
        header = next(c.label for c in ui.table.columns if c.key == recipes_sort)
        assert f"sort: {header}" in ui.crumbs
        await ui.jump("connections")
        assert ui.table.sort_key is None and "sort:" not in ui.crumbs
        await ui.press("s")
        connections_sort = ui.table.sort_key
        await ui.jump("recipes")
        assert ui.table.sort_key == recipes_sort and f"sort: {header}" in ui.crumbs
        await ui.jump("connections")
        assert ui.table.sort_key == connections_sort
