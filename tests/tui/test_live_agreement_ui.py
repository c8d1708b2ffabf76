"""What the app shows where the live service answers differently from the old emulator
(issue 9): start refusals per step, disconnected connections, a project's connections."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World, connection_named, recipe_named

from workato_tui.screens.confirm import ConfirmScreen

UNAUTHORIZED = "Escalate urgent Zendesk tickets to Jira"  # its Zendesk connection failed
ADVICE = (
    "step 1 (zendesk): connection not authorized; authorize 'Zendesk (support)' or switch the "
    "step's connection"
)


async def test_a_refused_start_says_which_step_and_what_to_do(tmp_path: Path) -> None:
    world = World(tmp_path)
    jira = connection_named(world.store, "Jira Cloud")
    jira["authorization_status"] = None  # disconnected too: step 2 of the same recipe
    service = world.service()
    async with world.run(service=service) as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == UNAUTHORIZED)
        await d.press("t")
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_main()
        message = d.messages[-1]
        await d.jump("calls")
        starts = [r for r in d.table.visible_rows if r.entry["path"].endswith("/start")]
        shown_detail = starts[-1].entry["detail"]
    assert message.startswith("Start recipe failed:")
    assert f"Cannot start: {ADVICE}" in message
    assert (
        "step 2 (jira): connection not authorized; authorize 'Jira Cloud' or switch the step's "
        "connection" in message
    )
    assert recipe_named(world.store, UNAUTHORIZED)["running"] is False
    logged = [e for e in service.calls.recent() if e["endpoint"] == "recipes.start"]
    assert logged[-1]["outcome"] == "refused"
    assert "step 1: account_id unconnected" in logged[-1]["detail"]
    assert "step 2: account_id unconnected" in logged[-1]["detail"]
    assert shown_detail == logged[-1]["detail"]  # the call log view shows it too


async def test_a_disconnected_connection_reads_disconnected(tmp_path: Path) -> None:
    world = World(tmp_path)
    sandbox = connection_named(world.store, "NetSuite (sandbox)")  # never authorized: null
    assert sandbox["authorization_status"] is None
    async with world.run() as d:
        await d.jump("connections")
        d.move_to(lambda r: r.name == "NetSuite (sandbox)")
        status = d.table.columns[[c.key for c in d.table.columns].index("authorization_status")]
        shown = {r.name: status.text(r) for r in d.table.visible_rows}
    assert shown["NetSuite (sandbox)"] == "disconnected"
    assert shown["Zendesk (support)"] == "failed"
    assert shown["Jira Cloud"] == "connected"


async def test_recipe_detail_says_a_step_connection_is_disconnected(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe = recipe_named(world.store, UNAUTHORIZED)
    jira = connection_named(world.store, "Jira Cloud")
    jira.update(authorization_status=None, authorized_at=None)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.press("enter")
        await d.settle()
        text = d.screen_text()
    assert "Jira Cloud (disconnected)" in text
    assert "Zendesk (support) (failed)" in text


def test_typed_folder_ids_skip_unicode_digits_instead_of_crashing() -> None:
    from workato_tui.actions.api_clients import folder_ids

    assert folder_ids("12, \u00b2 34,\u0661") == [12, 34]
