"""The facade's folder census (what a delete takes with it), folder and project deletes that
refresh the cached reads, and a recipe's versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_facade_world import open_world

from workato_tui.api.errors import Forbidden
from workato_tui.service.folder_census import folder_contents


def _find(records: dict, name: str) -> dict:
    return next(r for r in records.values() if r["name"] == name)


async def test_folder_contents_counts_what_goes_with_the_folder(tmp_path: Path) -> None:
    world = open_world(tmp_path)
    ws = world.emu.store.main
    invoices = _find(ws.folders, "Invoices")
    try:
        found = await folder_contents(world.service, invoices["id"])
    finally:
        await world.aclose()
    assert found.folders == ["Approvals"]
    assert sorted(found.recipes) == sorted(
        r["name"]
        for r in ws.recipes.values()
        if r["folder_id"] in {invoices["id"], _find(ws.folders, "Approvals")["id"]}
    )
    assert found.running and set(found.running) <= set(found.recipes)
    assert found.summary().startswith("1 sub-folder, 2 recipes (2 running), 0 connections")


async def test_delete_folder_refreshes_recipes_and_connections(tmp_path: Path) -> None:
    world = open_world(tmp_path)
    store = world.emu.store
    month_end = _find(store.main.folders, "Month-end close")
    try:
        before = await folder_contents(world.service, month_end["id"])
        assert before.recipes == ["Month-end revenue reconciliation"]
        assert before.connections == ["NetSuite (sandbox)"]
        assert (await world.service.writes.delete_folder(month_end["id"])).success
        names = {c.name for c in await world.service.connections()}
        assert "NetSuite (sandbox)" not in names  # the cached list was refreshed
        finance = _find(store.main.projects, "Finance Ops")
        with pytest.raises(Forbidden) as caught:
            await world.service.writes.delete_project(finance["id"])
        assert caught.value.message == "Cannot destroy folder"
        assert world.service.denied("projects.delete") is None  # not a missing privilege
    finally:
        await world.aclose()


async def test_recipe_versions_newest_first(tmp_path: Path) -> None:
    world = open_world(tmp_path)
    recipe = _find(world.emu.store.main.recipes, "Month-end revenue reconciliation")
    try:
        versions = await world.service.recipe_versions(recipe["id"])
    finally:
        await world.aclose()
    assert [v.version_no for v in versions] == list(range(recipe["version_no"], 0, -1))
    assert all(v.author_name for v in versions)
