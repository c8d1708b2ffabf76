"""Embedded customers are found by the API's reference (`EA2300`) as well as the external id."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pilot_world import World


async def test_filtering_customers_by_ea_reference_finds_the_customer(world: World) -> None:
    customers = [c.record for c in world.emu.store.customers.values()]
    target = next(c for c in customers if c.get("external_id"))
    async with world.run() as ui:
        await ui.jump("customers")
        await ui.press("slash", *f"E{target['external_id']}", "enter")
        assert [row.id for row in ui.rows] == [target["id"]]
        assert ui.cell(ui.rows[0], "api_ref") == f"E{target['external_id']}"
