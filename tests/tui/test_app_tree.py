"""The projects -> folders tree: lazy loading, and scoping the views to a folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workato_tui.views import find_view
from workato_tui.views.model_rows import TreeFolder
from workato_tui.widgets.folder_tree import ALL_PROJECTS, FolderTree

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World


def _folder(world: World, name: str) -> dict[str, Any]:
    return next(f for f in world.emu.store.main.folders.values() if f["name"] == name)


def _project_folder(world: World, name: str) -> int:
    projects = world.emu.store.main.projects.values()
    return int(next(p["folder_id"] for p in projects if p["name"] == name))


def _folder_requests(world: World, parent_id: int) -> list[Any]:
    return [r for r in world.requests("/api/folders") if f"parent_id={parent_id}" in r.query]


def _tree(ui: Driver) -> FolderTree:
    return ui.app.screen.query_one(FolderTree)


async def test_root_is_expanded_with_the_projects(world: World) -> None:
    names = sorted((p["name"] for p in world.emu.store.main.projects.values()), key=str.lower)
    async with world.run() as ui:
        tree = _tree(ui)
        assert str(tree.root.label) == ALL_PROJECTS and tree.root.is_expanded
        assert [str(n.label) for n in tree.root.children] == [f"▣ {name}" for name in names]
        assert not any(n.is_expanded for n in tree.root.children)


async def test_expanding_a_project_loads_its_folders_then_selecting_scopes_views(
    world: World,
) -> None:
    finance = _project_folder(world, "Finance Ops")
    invoices = _folder(world, "Invoices")
    store = world.emu.store.main
    async with world.run() as ui:
        tree = _tree(ui)
        assert _folder_requests(world, finance) == []  # nothing loaded before expanding
        await ui.press("ctrl+t", "j", "j")
        assert tree.has_focus and tree.cursor_node is not None
        assert tree.cursor_node.data is not None and tree.cursor_node.data.id == finance
        await ui.press("space")
        assert len(_folder_requests(world, finance)) == 1
        labels = [str(n.label) for n in tree.cursor_node.children]
        assert labels == ["▢ Invoices", "▢ Month-end close", "▢ Payments"]

        await ui.press("j", "enter")
        assert ui.view.spec is find_view("recipes")
        subtree = store.subtree(invoices["id"])
        expected = {r["id"] for r in store.recipes.values() if r["folder_id"] in subtree}
        assert len(subtree) > 1 and len(expected) > 1  # Invoices has a sub-folder with a recipe
        assert ui.crumbs.startswith(
            f"Finance Ops / Invoices (with sub-folders) › Recipes  [{len(expected)}]"
        )
        assert set(ui.column("id")) == expected
        assert {r.query.split("&")[0] for r in world.requests("/api/recipes")[1:]} == {
            f"folder_id={folder}" for folder in subtree
        }
        await ui.press("F")  # this folder only
        assert ui.crumbs.startswith("Finance Ops / Invoices (this folder only) › Recipes")
        only = {r["id"] for r in store.recipes.values() if r["folder_id"] == invoices["id"]}
        assert set(ui.column("id")) == only
        await ui.press("F")

        await ui.jump("connections")
        assert ui.crumbs.startswith("Finance Ops / Invoices (with sub-folders) › Connections  [0]")
        assert ui.table.total_count == 0 and ui.table.empty_text == "No connections here"

        await ui.press("ctrl+t", "k", "enter")  # up to Finance Ops itself
        project_id = invoices["project_id"]
        # a project shows the connections of all its folders (GET /api/connections?project_id=)
        expected = {c["name"] for c in store.connections.values() if c["project_id"] == project_id}
        assert ui.view.spec is find_view("connections")
        assert set(ui.column("name")) == expected and len(expected) == 4
        assert "NetSuite (sandbox)" in expected  # it sits in Finance Ops / Month-end close
        assert world.requests("/api/connections")[-1].query == f"project_id={project_id}"


async def test_selecting_all_projects_unscopes(world: World) -> None:
    invoices = _folder(world, "Invoices")
    async with world.run() as ui:
        tree = _tree(ui)
        ui.app.screen.post_message(
            FolderTree.FolderChosen(
                TreeFolder(
                    id=invoices["id"],
                    name="Invoices",
                    project_id=invoices["project_id"],
                    path="Finance Ops / Invoices",
                )
            )
        )
        await ui.settle()
        subtree = world.emu.store.main.subtree(invoices["id"])
        in_scope = [r for r in world.emu.store.main.recipes.values() if r["folder_id"] in subtree]
        assert ui.table.total_count == len(in_scope)
        tree.focus()
        assert tree.cursor_node is tree.root
        await ui.press("enter")
        assert ui.crumbs.startswith("Recipes  [")
        assert ui.table.total_count == len(world.emu.store.main.recipes)


async def test_names_that_look_like_markup_show_as_typed(world: World) -> None:
    """A name is text, never markup: `[/]` alone used to fail the whole tree's load, and
    `[bold]x[/bold]` lost its brackets."""
    projects = sorted(world.emu.store.main.projects.values(), key=lambda p: p["id"])
    projects[0]["name"], projects[1]["name"] = "Ops [/] legacy", "[bold]Sales[/bold]"
    async with world.run() as ui:
        labels = [str(n.label) for n in _tree(ui).root.children]
        assert "▣ Ops [/] legacy" in labels and "▣ [bold]Sales[/bold]" in labels
        assert all(not span.style for n in _tree(ui).root.children for span in n.label.spans)
        assert not [n for n in ui.app.notices if n.severity == "error"]
