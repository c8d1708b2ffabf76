"""Names instead of ids (issue 11 item 16) in the lists and the recipe screen: folders and
projects by name, API clients' roles by name, from the cached lists (no request per row)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World


def shown(ui: Driver, label: str, name: str) -> str:
    """The text the column `label` shows on the row named `name`."""
    column = next(c for c in ui.table.columns if c.label == label)
    row = next(r for r in ui.table.visible_rows if _name(r) == name)
    return column.text(row)


def _name(row: Any) -> Any:
    return row.get("name") if isinstance(row, dict) else getattr(row, "name", None)


async def test_lists_name_folders_projects_and_roles(world: World) -> None:
    async with world.run() as ui:
        await ui.jump("connections")
        assert shown(ui, "FOLDER", "Salesforce (production)") == "Finance Ops"
        await ui.jump("lookup-tables")
        assert shown(ui, "PROJECT", "Cost centers") == "Finance Ops"
        assert shown(ui, "PROJECT", "Employee departments") == "HR Onboarding"
        await ui.jump("api-clients")
        roles = {r.name for r in world.emu.store.client_roles.values()}
        column = next(c for c in ui.table.columns if c.label == "ROLE")
        assert {column.text(row) for row in ui.table.visible_rows} <= roles
        await ui.jump("deployments")
        column = next(c for c in ui.table.columns if c.label == "PROJECT")
        assert "Finance Ops" in {column.text(row) for row in ui.table.visible_rows}
    assert len(world.requests("/api/projects")) <= 2  # the tree's read, and one TTL revisit
    assert len(world.requests("/api/developer_api_client_roles")) == 1


async def test_the_recipe_screen_names_its_folder_and_project(world: World) -> None:
    async with world.run() as ui:
        ui.move_to(lambda r: _name(r) == "Sync closed-won opportunities to NetSuite")
        await ui.press("enter")
        assert "Finance Ops / Finance Ops" in ui.text  # its folder is the project's folder
        assert "100003" not in ui.text


async def test_a_recipe_in_a_sub_folder_names_it(world: World) -> None:
    async with world.run() as ui:
        ui.move_to(lambda r: _name(r) == "Check Snowflake row counts after loads")
        await ui.press("enter")
        assert "Quality checks / Data Platform" in ui.text
        assert "100025" not in ui.text
