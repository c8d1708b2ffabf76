"""The least-privilege report: a scripted session, its report, and its exported policy replayed."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest
from pydantic import SecretStr

from workato_tui.api.errors import Forbidden, PolicyRefused
from workato_tui.emulator import ADMIN_TOKEN, Emulator, FakeClock
from workato_tui.emulator.store import ClientRole
from workato_tui.service.access_report import build_report, read_entries, saved_logs
from workato_tui.service.connect import demo_profile, open_workspace
from workato_tui.service.paths import Paths
from workato_tui.service.workspace import WorkspaceService

NARROW_TOKEN = "narrow-agent-token"


def _open(
    emu: Emulator,
    clock: FakeClock,
    paths: Paths,
    access: dict | None = None,
    token: str = ADMIN_TOKEN,
    name: str = "demo",
) -> WorkspaceService:
    profile = dataclasses.replace(demo_profile(), name=name, access=access or {})
    return open_workspace(profile, SecretStr(token), paths, transport=emu.transport(), clock=clock)


async def script(service: WorkspaceService) -> None:
    """An agent's session: reads recipes and a lookup table, stops and starts one recipe."""
    recipes = [r async for page in service.recipe_pages() for r in page]
    stopped = next(r for r in recipes if r.name == "Month-end revenue reconciliation")
    await service.writes.start_recipe(stopped.id)
    await service.writes.stop_recipe(stopped.id)
    table = next(t for t in await service.lookup_tables() if t.name == "Cost centers")
    async for _ in service.lookup_row_pages(table.id):
        pass
    await service.me()


@pytest.fixture
def world(tmp_path: Path) -> tuple[Emulator, FakeClock, Paths]:
    clock = FakeClock()
    emu = Emulator.demo(clock=clock)
    return emu, clock, Paths.under(tmp_path / "home")


async def test_the_report_lists_exactly_the_privileges_used(world) -> None:
    emu, clock, paths = world
    service = _open(emu, clock, paths)
    await script(service)
    report = build_report(service.calls.recent())
    await service.aclose()
    assert set(report.used) == {
        "recipes.list",
        "recipes.start",
        "recipes.stop",
        "lookup_tables.list",
        "lookup_rows.list",
        "users.me",
    }
    assert (
        report.used["recipes.start"].count == 1 and report.used["recipes.start"].access == "write"
    )
    assert report.refused == {}
    levels = report.levels()
    assert levels["recipes"] == "write" and levels["lookup_tables"] == "read"
    assert levels["connections"] == "none" and levels["folders"] == "none"
    text = report.text("agent")
    assert "Recipes: stop" in text and "[profiles.agent.access]" in text
    assert any("PUT    /api/recipes/:recipe_id/start" in line for line in report.checklist())
    saved = read_entries(saved_logs(paths.state_dir, "demo"))
    assert set(build_report(saved).used) == set(report.used)  # the saved log says the same


async def test_the_exported_policy_replays_the_session_and_refuses_other_writes(world) -> None:
    emu, clock, paths = world
    first = _open(emu, clock, paths)
    await script(first)
    block = build_report(first.calls.recent()).policy_block("agent")
    await first.aclose()
    access = tomllib.loads(block)["profiles"]["agent"]["access"]
    replay = _open(emu, clock, paths, access=access, name="agent")
    await script(replay)  # no PolicyRefused
    assert not [e for e in replay.calls.recent() if e["outcome"] == "blocked"]
    table = next(t for t in await replay.lookup_tables() if t.name == "Cost centers")
    refusals = [
        lambda: replay.writes.add_lookup_row(table.id, {"code": "CC-9"}),
        lambda: replay.writes.create_folder("Agent folder"),
        lambda: replay.writes.disconnect_connection(1),
        lambda: replay.writes.deploy_project(1, "test"),
    ]
    for write in refusals:
        with pytest.raises(PolicyRefused):
            await write()
    await replay.aclose()


async def test_refusals_are_listed_apart(world) -> None:
    emu, clock, paths = world
    store = emu.store
    role = ClientRole(store.new_id(), "Recipes reader", frozenset({"recipes.list", "users.me"}))
    store.client_roles[role.id] = role
    from workato_tui.emulator.seed import add_api_client

    add_api_client(store, "Narrow agent", role, NARROW_TOKEN)
    service = _open(emu, clock, paths, token=NARROW_TOKEN, name="narrow")
    [r async for page in service.recipe_pages() for r in page]
    with pytest.raises(Forbidden):
        await service.lookup_tables()
    report = build_report(service.calls.recent())
    await service.aclose()
    assert set(report.used) == {"recipes.list"}
    assert set(report.refused) == {"lookup_tables.list"}


async def test_the_command_line_prints_the_same_from_a_saved_log(world, capsys) -> None:
    from workato_tui.__main__ import main

    emu, clock, paths = world
    service = _open(emu, clock, paths)
    await script(service)
    await service.aclose()
    log_file = paths.call_log_file("demo")
    assert main(["access-report", "--from", str(log_file), "--profile", "agent"]) == 0
    out = capsys.readouterr().out
    assert "Recipes: start" in out and 'recipes = "write"' in out and 'folders = "none"' in out
    assert main(["access-report", "--from", str(log_file.parent / "missing.jsonl")]) == 2
    assert "no such call log" in capsys.readouterr().err
