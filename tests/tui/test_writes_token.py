"""A new API client's token: shown once, copied on request, and kept nowhere else."""

from __future__ import annotations

import json
from pathlib import Path

from pilot_driver import Driver
from pilot_world import World
from textual.widgets import Static

from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.token import TokenScreen
from workato_tui.service.tokens import fingerprint as _fingerprint

ADMIN_IDENTITY = _fingerprint("demo-admin-token", "http://127.0.0.1")  # the demo admin's snapshot

NAME = "CI deployer"


def admin_role_id(world: World) -> int:
    return next(r.id for r in world.store.client_roles.values() if r.name == "Administrator")


def everything_shown(d: Driver) -> str:
    """The text of every widget on every screen of the app, and the notifications."""
    texts = [str(w.render()) for screen in d.app.screen_stack for w in screen.query(Static)]
    return "\n".join([*texts, *d.messages])


async def create_client(d: Driver, role_id: int) -> TokenScreen:
    await d.jump("api-clients")
    await d.press("n")
    await d.until_screen(FormScreen)
    d.set_field("name", NAME)
    d.set_field("role", role_id)
    d.set_field("all_folders", True)
    await d.submit_form()
    await d.until_screen(ConfirmScreen)
    await d.confirm()
    screen = await d.until_screen(TokenScreen)
    assert isinstance(screen, TokenScreen)
    return screen


async def test_new_token_is_shown_once_copied_and_kept_nowhere(tmp_path: Path) -> None:
    world = World(tmp_path)
    service = world.service()
    copied: list[str] = []
    async with world.run(service=service) as d:
        d.app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        screen = await create_client(d, admin_role_id(world))
        client = next(c for c in world.store.api_clients.values() if c.record["name"] == NAME)
        token = client.token
        assert token.startswith("wrkaus-")
        assert str(screen.query_one("#token-value", Static).render()) == token
        assert f"New token for API client {NAME!r}" in d.screen_text()

        await d.press("c")
        assert copied == [token]
        assert d.messages[-1] == "API client: Token copied to the clipboard (OSC 52)."

        await d.press("escape")
        await d.until_main()
        assert screen not in d.app.screen_stack and not screen.is_attached
        assert token not in everything_shown(d)
        assert token not in d.app.export_screenshot()
        assert all(token not in str(row.model_dump()) for row in d.rows)
        service.memory.save()
        recent = json.dumps(service.calls.recent(), default=str)

    assert token not in recent
    files = [world.paths.call_log_file("demo"), world.paths.snapshot_file("demo", ADMIN_IDENTITY)]
    assert all(f.exists() for f in files)
    for file in files:
        assert token not in file.read_text(encoding="utf-8"), file
    assert token not in "\n".join(d.messages)
    created = world.sent("api_clients.create")
    assert [r.status for r in created] == [200]
    assert created[0].body["name"] == NAME
