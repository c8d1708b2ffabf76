"""A form's checkbox reads as unchecked when it is (`[ ]`), and as checked once toggled (`[x]`)."""

from __future__ import annotations

from pilot_world import World

from workato_tui.screens.form import FormScreen
from workato_tui.widgets.plain_checkbox import PlainCheckbox


async def test_checkbox_shows_its_state(world: World) -> None:
    async with world.run() as d:
        await d.jump("connections")
        await d.press("n")
        screen = await d.until_screen(FormScreen)
        box = screen.query_one(PlainCheckbox)
        assert box.value is False
        assert "[ ]" in str(box.render()) and "[x]" not in str(box.render())
        box.focus()
        await d.press("space")
        assert box.value is True and "[x]" in str(box.render())
        assert "Shell connection" in str(box.render())
