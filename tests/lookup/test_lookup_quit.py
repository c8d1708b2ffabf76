"""ctrl+q with staged lookup edits asks first; they stay staged for the next start."""

from __future__ import annotations

from pilot_world import World

from workato_tui.screens.confirm import ConfirmScreen


async def test_ctrl_q_with_staged_edits_asks_and_escape_keeps_the_app_open(world: World) -> None:
    async with world.editor() as ui:
        key = next(iter(world.stored()))
        await ui.edit(key, "owner", "Quinn Ruiz")
        assert len(ui.editor.staging) == 1
        await ui.pilot.press("ctrl+q")
        await ui.pilot.pause()
        await ui.pilot.pause()
        assert isinstance(ui.app.screen, ConfirmScreen)
        assert "Nothing is sent" in str(ui.app.screen.confirmation.effect)
        await ui.pilot.press("escape")
        await ui.pilot.pause()
        assert ui.top == "LookupEditorScreen" and ui.app.is_running
        assert len(ui.editor.staging) == 1


async def test_ctrl_q_without_staged_edits_quits_at_once(world: World) -> None:
    async with world.editor() as ui:
        await ui.pilot.press("ctrl+q")
        await ui.pilot.pause()
        await ui.pilot.pause()
        assert not ui.app.is_running
