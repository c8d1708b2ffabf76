"""A notification history: every toast of the session, with its time and correlation id."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World

from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.messages import MessagesScreen
from workato_tui.widgets.table import ResourceTable


async def test_a_refused_start_stays_readable_in_messages_with_its_correlation_id(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == "Escalate urgent Zendesk tickets to Jira")
        await d.press("t")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_main()
        [refusal] = [r for r in world.store.requests if r.endpoint_id == "recipes.start"]
        await d.press("exclamation_mark")
        screen = await d.until_screen(MessagesScreen)
        rows = screen.query_one(ResourceTable).visible_rows
        assert rows[0].title == "Start recipe failed"  # newest first
        assert "step 1 (zendesk)" in rows[0].message
        whole = d.screen_text()
        assert "Correlation id:" in whole and "connection not authorized" in whole
        assert refusal.status == 200
        await d.press("escape")
        d.app.screen.jump("messages")  # type: ignore[attr-defined]
        await d.until_screen(MessagesScreen)
