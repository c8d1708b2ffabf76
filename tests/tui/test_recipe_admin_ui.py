"""Recipe detail's connection switch (C) and versions (v), and the tree's folder delete (D):
what each shows and sends (decisions #36-#38)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pilot_driver import Driver
from pilot_world import World, connection_named, recipe_named
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen

MONTH_END = "Month-end revenue reconciliation"


def versions_text(d: Driver) -> str:
    """The versions pane as shown (a Rich table, printed without colour)."""
    widget = d.app.screen.query_one("#versions-table", Static)
    console = Console(width=120, file=io.StringIO(), color_system=None, record=True)
    console.print(widget.content)
    return console.export_text()


async def test_connect_on_a_running_recipe_says_why_and_sends_nothing(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.open_recipe(NETSUITE_SYNC)
        await d.press("C")
        await d.settle()
        assert not d.modal
        assert any("is running" in m and "Stop it first" in m for m in d.messages), d.messages
    assert world.sent("recipes.connect") == []


async def test_connect_lists_only_same_app_connections_and_updates_the_screen(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    store = world.store
    reporting = connection_named(store, "Salesforce (reporting)")
    async with world.run() as d:
        await d.open_recipe(MONTH_END)
        await d.press("C")
        form = await d.until_screen(FormScreen)
        options = {v: k for k, v in form.fields[0].options}
        providers = {store.main.connections[int(v.split(":")[1])]["provider"] for v in options}
        assert providers == {"salesforce", "netsuite"}  # the recipe's own apps only
        current = {c["account_id"] for c in recipe_named(store, MONTH_END)["config"]}
        assert not {int(v.split(":")[1]) for v in options} & current
        d.set_field("connection", f"salesforce:{reporting['id']}")
        await d.submit_form()
        confirm = await d.until_screen(ConfirmScreen)
        assert "salesforce step → Salesforce (reporting)" in confirm.confirmation.items[0]
        await d.confirm()
        await d.until(lambda: "Salesforce (reporting)" in d.screen_text(), "the new connection")
        assert any("Switched" in m for m in d.messages)
    assert [r.body for r in world.sent("recipes.connect")] == [
        {"adapter_name": "salesforce", "connection_id": reporting["id"]}
    ]


async def test_v_lists_versions_newest_first_and_back_to_jobs(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe = recipe_named(world.store, NETSUITE_SYNC)
    async with world.run() as d:
        screen = await d.open_recipe(NETSUITE_SYNC)
        assert world.sent("recipes.versions") == []  # read only when asked for
        await d.press("v")
        await d.settle()
        assert screen.showing_versions
        text = versions_text(d)
        assert "VERSION" in text and "AUTHOR" in text and "COMMENT" in text
        numbers = [str(n) for n in range(recipe["version_no"], 0, -1)]
        positions = [text.index(f" {n} ") for n in numbers[:3]]
        assert positions == sorted(positions)  # newest first
        assert "Initial version" in text
        assert len(world.sent("recipes.versions")) == 1
        await d.press("v")
        assert not screen.showing_versions and d.table.has_focus


async def test_delete_folder_counts_what_goes_and_needs_the_typed_name(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        await d.tree_node("Finance Ops", "Month-end close")
        await d.press("D")
        confirm = await d.until_screen(ConfirmScreen)
        c = confirm.confirmation
        assert c.irreversible and c.phrase == "Month-end close"
        assert c.endpoint == "DELETE /api/folders/:folder_id"
        assert "Goes with it: 0 sub-folders, 1 recipe, 1 connection." in c.details
        assert f"Recipes: {MONTH_END}" in c.details
        assert d.confirm_button().disabled
        await d.type_phrase("Month-end clos")  # not the name: still disabled
        assert d.confirm_button().disabled
        await d.press("escape")
        await d.until_main()
    assert world.sent("folders.delete") == []


async def test_a_refused_delete_is_said_plainly_and_keeps_the_key(tmp_path: Path) -> None:
    world = World(tmp_path)
    before = len(world.store.main.recipes)
    async with world.run() as d:
        await d.jump("recipes")
        await d.tree_node("Finance Ops", "Invoices")
        await d.press("D")
        confirm = await d.until_screen(ConfirmScreen)
        assert any("Running recipes keep a folder" in line for line in confirm.confirmation.details)
        await d.confirm("Invoices")
        await d.until(lambda: any("refused" in m for m in d.messages), "the refusal")
        said = next(m for m in d.messages if "refused" in m)
        assert "Cannot destroy folder" in said and "running recipes" in said
        assert "Create NetSuite invoices from approved Salesforce orders" in said
        assert d.app.screen.query_one("FolderTree")  # still there
        assert world.store.main.recipes and len(world.store.main.recipes) == before
        assert d.app.screen.focused is not None
        await d.press("D")  # not disabled as if the role lacked the privilege
        await d.until_screen(ConfirmScreen)
    assert [r.status for r in world.sent("folders.delete")] == [403]


def test_versions_pane_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    world = World(tmp_path)

    async def run_before(pilot: Pilot[Any]) -> None:
        d = world.driver(pilot)
        await d.settle()
        await d.open_recipe(NETSUITE_SYNC)
        await d.press("v")
        await d.settle()

    assert snap_compare(world.app(), terminal_size=(80, 24), run_before=run_before)
