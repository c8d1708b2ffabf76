"""The folder tree from the keyboard: escape leaves it and keeps the scope, tab moves between
panes, right/left expand and collapse, and a reload keeps what was open."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World

from workato_tui.widgets.folder_tree import FolderTree


async def test_escape_leaves_the_tree_and_keeps_the_chosen_scope(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        await d.tree_node("Finance Ops")
        await d.press("enter")
        await d.settle()
        scoped = {row.id for row in d.rows}
        await d.press("escape")
        await d.settle()
        assert d.app.focused is d.table
        assert d.app.screen.context.folder.name == "Finance Ops"  # type: ignore[attr-defined]
        assert {row.id for row in d.rows} == scoped
        assert "Finance Ops" in str(d.view.query_one("#crumbs").render())


async def test_tab_and_shift_tab_move_between_tree_and_list(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        assert d.app.focused is d.table
        await d.press("tab")
        assert isinstance(d.app.focused, FolderTree)
        await d.press("shift+tab")
        assert d.app.focused is d.table


async def test_right_expands_left_collapses_and_a_reload_keeps_the_tree_open(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        node = await d.tree_node("Finance Ops")
        assert not node.is_expanded
        await d.press("right")
        await d.settle()
        assert node.is_expanded and node.children
        await d.press("right")  # onto the first sub-folder
        assert d.tree.cursor_node is node.children[0]
        await d.press("left")  # back to the project
        assert d.tree.cursor_node is node
        d.tree.reload()  # what a deploy or a new folder does
        await d.settle()
        await d.settle()
        again = next(n for n in d.tree.root.children if n.data and n.data.name == "Finance Ops")
        assert again.is_expanded and d.tree.cursor_node is again
        await d.press("left")
        assert not again.is_expanded
