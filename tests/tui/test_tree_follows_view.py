"""The folder tree hides itself on views it does not scope and comes back on views it does
(issue 11 item 18); ctrl+b still shows or hides it, and a narrow terminal starts without it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workato_tui.widgets.folder_tree import FolderTree

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World


def tree_shown(ui: Driver) -> bool:
    return bool(ui.app.screen.query_one(FolderTree).display)


async def test_the_tree_follows_the_views_it_scopes_at_120_columns(world: World) -> None:
    async with world.run(size=(120, 36)) as ui:
        assert tree_shown(ui)  # recipes: scoped by folder
        await ui.jump("deployments")
        assert not tree_shown(ui)
        await ui.jump("api-clients")
        assert not tree_shown(ui)
        await ui.jump("connections")
        assert tree_shown(ui)
        await ui.press("ctrl+b")  # hidden by choice: stays hidden on scoped views
        await ui.jump("recipes")
        assert not tree_shown(ui)
        await ui.press("ctrl+b")
        assert tree_shown(ui)


async def test_a_narrow_terminal_shows_the_tree_only_when_asked(world: World) -> None:
    async with world.run(size=(80, 24)) as ui:
        assert not tree_shown(ui)
        await ui.jump("connections")
        assert not tree_shown(ui)
        await ui.press("ctrl+b")
        assert tree_shown(ui)
        await ui.jump("deployments")
        assert not tree_shown(ui)
        await ui.jump("lookup-tables")
        assert tree_shown(ui)
