"""Writes that fail or are refused: the form keeps what was typed, a 403 disables the action,
read-only shows it disabled, and a connection in use needs a typed force confirm."""

from __future__ import annotations

from pathlib import Path

from pilot_driver import Driver
from pilot_world import World, connection_named, recipe_named
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen

ZENDESK_LOAD = "Load Zendesk ticket metrics into Snowflake"  # stopped, its connection works
SALESFORCE = "Salesforce (production)"  # used by running recipes


async def type_into(d: Driver, field: str, text: str) -> None:
    d.form.query_one(f"#field-{field}", Input).focus()
    await d.type(text)


def form_error(d: Driver) -> Static:
    return d.form.query_one("#form-error", Static)


async def test_a_failed_create_keeps_the_form_and_its_values_and_retry_works(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    world.emu.faults.add("/api/connections", "error500", times=1, method="POST")
    finance = next(f["id"] for f in world.store.main.folders.values() if f["name"] == "Finance Ops")
    service = world.service()
    async with world.run(service=service) as d:
        await d.jump("connections")
        await d.press("n")
        await d.until_screen(FormScreen)
        form = d.form
        d.set_field("provider", "slack")  # one of the providers the workspace uses
        await type_into(d, "name", "Ops bot")
        await type_into(d, "credentials", "bot=x1")
        d.set_field("folder_id", finance)
        typed = form.values()

        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until(lambda: form_error(d).has_class("-shown"), "the form's error")
        assert d.app.screen is form  # still open, still holding what was typed
        assert form.values() == typed
        failed = [e for e in service.calls.recent() if e["method"] == "POST"]
        assert [e["status"] for e in failed] == [500]
        error = str(form_error(d).render())
        assert "(500)" in error and f"Correlation id: {failed[0]['correlation_id']}." in error
        assert not [c for c in world.store.main.connections.values() if c["name"] == "Ops bot"]

        await d.submit_form()  # ctrl+s again: confirm, and this time it works
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_main()
    posts = [r for r in world.store.requests if r.method == "POST" and r.path == "/api/connections"]
    assert [r.status for r in posts] == [500, 200]
    made = connection_named(world.store, "Ops bot")
    assert made["folder_id"] == finance and made["authorization_status"] == "success"
    assert "x1" not in world.paths.call_log_file("demo").read_text(encoding="utf-8")


def footer_key(d: Driver, key: str) -> Widget:
    """The footer's entry for `key` (FooterKey is not exported, so found by its CSS type)."""
    keys = d.app.screen.query_one(Footer).query("FooterKey")
    return next(k for k in keys if getattr(k, "key", None) == key)


async def test_read_only_shows_start_disabled_and_says_why(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run(service=world.service(read_only=True)) as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == ZENDESK_LOAD)
        await d.pilot.pause()
        assert footer_key(d, "t").has_class("-disabled")
        assert d.app.screen.active_bindings["t"].enabled is False
        await d.press("t")
        await d.settle()
        assert not d.modal
        assert d.messages[-1] == (
            "Start recipe: unavailable: Start a recipe, so it begins "
            "running live is a write and this profile is read-only"
        )
    assert world.sent("recipes.start") == []


async def test_start_is_enabled_with_a_writable_profile(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: not r.running)  # start on a running one is disabled by state
        await d.pilot.pause()
        assert not footer_key(d, "t").has_class("-disabled")
        assert d.app.screen.active_bindings["t"].enabled is True


async def test_a_403_disables_the_action_for_the_session_naming_the_privilege(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    token = world.narrow_token("recipes.start")
    target = recipe_named(world.store, ZENDESK_LOAD)
    async with world.run(service=world.service(token)) as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == target["id"])
        assert d.app.screen.active_bindings["t"].enabled is True
        await d.press("t")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_main()
        assert [r.status for r in world.sent("recipes.start")] == [403]
        assert d.messages[-1].startswith("Start recipe failed:")
        assert "Recipes: start" in d.messages[-1]

        await d.pilot.pause()
        assert d.app.screen.active_bindings["t"].enabled is False
        assert footer_key(d, "t").has_class("-disabled")
        await d.press("t")
        await d.settle()
        assert not d.modal
        assert d.messages[-1].startswith(
            "Start recipe: unavailable: The API client's role lacks the 'Recipes: start' privilege"
        )
        d.move_to(lambda r: r.running)  # stop applies to a running recipe
        await d.pilot.pause()
        assert d.app.screen.active_bindings["x"].enabled is True  # only start is refused
    assert len(world.sent("recipes.start")) == 1
    assert target["running"] is False


async def test_disconnecting_a_connection_in_use_asks_again_to_force_it(tmp_path: Path) -> None:
    world = World(tmp_path)
    target = connection_named(world.store, SALESFORCE)
    async with world.run() as d:
        await d.jump("connections")
        d.move_to(lambda r: r.id == target["id"])
        for attempt in ("cancel the force", "force it"):
            await d.press("x")
            first = await d.until_screen(ConfirmScreen)
            assert isinstance(first, ConfirmScreen)
            assert not first.confirmation.irreversible, attempt
            await d.confirm()
            force = await d.until_screen(ConfirmScreen)
            assert isinstance(force, ConfirmScreen) and force is not first
            assert force.confirmation.irreversible and d.confirm_button().disabled
            assert "Force disconnect?" in d.screen_text()
            assert "Workato refused: Connection is used by" in d.screen_text()
            if attempt == "cancel the force":
                await d.press("escape")
                await d.until_main()
                assert [r.status for r in world.sent("connections.disconnect")] == [400]
                assert target["authorization_status"] == "success"
            else:
                await d.confirm(SALESFORCE)
                await d.until_main()
    sent = world.sent("connections.disconnect")
    assert [r.status for r in sent] == [400, 400, 200]
    assert [r.body for r in sent] == [{}, {}, {"force": True}]
    assert target["authorization_status"] is None and target["authorized_at"] is None
    assert d.messages[-1] == f"Disconnect connection: Disconnected {SALESFORCE} (forced)."
