"""A profile whose policy blocks the first view opens on the first view it allows."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from workato_tui.service.connect import demo_profile

if TYPE_CHECKING:
    from pilot_world import World


async def test_recipes_none_opens_on_an_allowed_view_and_says_why(world: World) -> None:
    profile = replace(demo_profile(), access={"recipes": "none"})
    async with world.run(world.app(world.service(profile=profile))) as ui:
        assert ui.view.spec is not None and ui.view.spec.name != "recipes"
        assert ui.rows  # it loaded
        assert "loading" not in ui.crumbs
        assert any("Opened" in m and "instead" in m for m in ui.messages)
        assert not [r for r in world.requests() if r.endpoint_id == "recipes.list"]
