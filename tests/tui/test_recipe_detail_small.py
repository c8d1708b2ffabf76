"""At 80x24 recipe detail packs its header so at least ten jobs show, with the filter open too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workato_tui.emulator.seed import NETSUITE_SYNC

if TYPE_CHECKING:
    from pilot_world import World


async def test_ten_job_rows_show_at_80x24_with_and_without_the_filter(world: World) -> None:
    async with world.run(size=(80, 24)) as ui:
        ui.move_to(lambda r: r.name == NETSUITE_SYNC)
        await ui.press("enter")
        assert ui.screen_name == "RecipeScreen"
        rows_visible = ui.table.size.height - 1  # the header line
        assert rows_visible >= 10
        await ui.press("slash", *"fail")
        assert ui.table.filter_text == "fail"
        assert ui.table.size.height - 1 >= 10
        assert ui.table.row_count > 10
