"""Start-up (issue 14): the first frame paints before the first answer, the collector pauses
until the first data, and `--demo` imports only what its first frame needs.

How long it all takes is measured in tests/benchmarks/bench_startup.py, not here.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from pilot_world import record_frames, shown_rows

from workato_tui.startup import paused, paused_for_startup, resume_after_first_frame
from workato_tui.widgets.typing_focus import takes_typing

if TYPE_CHECKING:
    from pilot_world import World


class RecordingTransport(httpx.AsyncBaseTransport):
    """The emulator's transport, noting each request's path in a shared event list."""

    def __init__(self, inner: httpx.AsyncBaseTransport, events: list[str]) -> None:
        self.inner = inner
        self.events = events

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.events.append(f"request {request.url.path}")
        return await self.inner.handle_async_request(request)


def _record_frames(monkeypatch: pytest.MonkeyPatch, events: list[str]) -> None:
    """Note each frame sent to the terminal, with the rows the view showed then."""
    record_frames(monkeypatch, lambda app: events.append(f"frame rows={shown_rows(app)}"))


async def test_last_known_rows_paint_before_the_first_request(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with world.run() as ui:
        shown = ui.table.total_count
        await ui.pilot.press("ctrl+q")  # saves the last-known snapshot
    assert shown > 0
    events: list[str] = []
    _record_frames(monkeypatch, events)
    service = world.service(transport=RecordingTransport(world.emu.transport(), events))
    async with world.run(world.app(service)) as ui:
        assert ui.table.total_count == shown
    first_request = events.index("request /api/recipes")
    assert f"frame rows={shown}" in events[:first_request], events


async def test_first_frame_is_sent_before_the_first_answer_without_a_snapshot(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No snapshot: the empty screen paints at once instead of waiting for data to arrive."""
    events: list[str] = []
    _record_frames(monkeypatch, events)
    service = world.service(transport=RecordingTransport(world.emu.transport(), events))
    async with world.run(world.app(service)) as ui:
        assert ui.table.total_count > 0
    first_request = events.index("request /api/recipes")
    assert any(e.startswith("frame") for e in events[:first_request]), events


async def test_collector_paused_for_start_up_resumes_with_the_first_data(
    world: World,
) -> None:
    try:
        with paused_for_startup():
            assert not gc.isenabled() and paused()
            async with world.run() as ui:
                assert ui.table.total_count > 0
                assert gc.isenabled() and not paused()
    finally:
        gc.unfreeze()
    assert gc.isenabled()


def test_collector_is_back_on_when_the_app_ends_without_data() -> None:
    try:
        with paused_for_startup():
            assert not gc.isenabled()
        assert gc.isenabled() and not paused()
    finally:
        gc.unfreeze()


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_for_startup():
            resume_after_first_frame()
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


START_DEMO = """
import gc, json, sys
import textual.app
textual.app.App.run = lambda self, **kwargs: None  # everything up to the event loop
from workato_tui.__main__ import main
main(ARGUMENTS)
import workato_tui.screens.main  # the screen the app opens once it runs
started = {"modules": sorted(sys.modules), "gc": gc.isenabled()}
print(json.dumps(started | {"switch": sys.getswitchinterval()}))
"""
# A config profile reads its config models and token first (pydantic), but not the client.
CLIENT = ["httpx", "starlette", "workato_tui.api.client", "workato_tui.service.workspace"]
NOT_FOR_THE_FIRST_FRAME = [
    "workato_tui.actions",  # the write actions: the first write imports them
    "workato_tui.screens.form",
    "workato_tui.screens.freezes",  # only when a crashed freeze is offered
    "workato_tui.widgets.command_bar",  # mounted by the first ':'
    "workato_tui.widgets.filter_input",  # mounted by the first '/'
    "workato_tui.lookup.staging",
    "tomllib",  # the config file's parser: --demo reads no config
    "click",  # httpx's command-line tool (see cli.lean_imports)
    "pygments",
    "textual.widgets._text_area",  # only forms and editors have one (see typing_focus)
    # the client and what it needs: built in a thread after the first frame (starting.py);
    # the last-known recipes are revived as slotted rows without pydantic (views/rows.py)
    "httpx",
    "pydantic",
    "starlette",
    "workato_tui.api.client",
    "workato_tui.api.models",
    "workato_tui.emulator.core",
    "workato_tui.service.workspace",
]


def _modules_at_start(tmp_path: Any, arguments: list[str], **extra_env: str) -> dict[str, Any]:
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run(
        [sys.executable, "-c", START_DEMO.replace("ARGUMENTS", repr(arguments))],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "PYTHONDONTWRITEBYTECODE": "1", **env, **extra_env},
        check=True,
    )
    started: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return started


def test_demo_start_imports_only_what_the_first_frame_needs(tmp_path: Any) -> None:
    started = _modules_at_start(tmp_path, ["--demo"])
    loaded = set(started["modules"])
    assert {"workato_tui.app", "workato_tui.starting", "workato_tui.emulator.tokens"} <= loaded
    assert [m for m in NOT_FOR_THE_FIRST_FRAME if m in loaded] == []
    assert started["gc"] is True  # the start-up pause ended with the run
    # threads hand the GIL back to the UI's within 1 ms, not CPython's 5 (see cli._run)
    assert started["switch"] == pytest.approx(0.001)


def test_a_config_profile_starts_without_the_client(tmp_path: Any) -> None:
    started = _modules_at_start(tmp_path, [], WORKATO_API_TOKEN="a-token-from-the-environment")
    loaded = set(started["modules"])
    assert {"workato_tui.app", "workato_tui.starting", "workato_tui.service.config"} <= loaded
    assert [m for m in CLIENT if m in loaded] == []


def test_typing_focus_knows_inputs_and_text_areas_without_importing_text_area() -> None:
    from textual.widgets import Input, Static, TextArea

    assert takes_typing(Input()) and takes_typing(TextArea())
    assert not takes_typing(Static()) and not takes_typing(None)


# The demo run headless in a subprocess of its own (this process has imported everything).
RUN_DEMO = """
import json, sys
import textual.app
from workato_tui.__main__ import main
from workato_tui.app import WorkatoApp
from workato_tui.starting import StartingWorkspace

run = textual.app.App.run
textual.app.App.run = lambda self, **kwargs: run(self, headless=True, size=(120, 40))
MODE
main(["--demo"])
"""
# First run: quit once the recipes have loaded, which saves the last-known snapshot.
SAVE_A_SNAPSHOT = """
def quit_when_loaded(app):
    app.call_later(app.action_quit)

WorkatoApp.on_resource_view_loaded = quit_when_loaded
"""
# Second run: at the first frame (when the app lets the build start, or builds at once as
# without a snapshot), note what is imported and shown, and leave without building.
AT_THE_FIRST_FRAME = """
def first_frame(starting):
    app = textual.app.active_app.get()
    names = [type(row).__name__ + ": " + row.name for row in app.screen.view.table.stored_rows]
    print(json.dumps({"modules": sorted(sys.modules), "names": names, "built": starting.built}))
    app.exit()

StartingWorkspace.allow_start = first_frame
StartingWorkspace.build_now = first_frame
"""


def _run_demo(home: Any, mode: str) -> str:
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}
    env |= {"XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state")}
    result = subprocess.run(
        [sys.executable, "-c", RUN_DEMO.replace("MODE", mode)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "PYTHONDONTWRITEBYTECODE": "1", **env},
        check=True,
    )
    return result.stdout


def test_demo_paints_last_known_recipes_without_pydantic_or_the_client(tmp_path: Any) -> None:
    """The first frame of a start with a snapshot: its recipes, revived from light modules."""
    _run_demo(tmp_path, SAVE_A_SNAPSHOT)
    assert list((tmp_path / "cache").rglob("*.json")), "no snapshot saved"
    first = json.loads(_run_demo(tmp_path, AT_THE_FIRST_FRAME).splitlines()[-1])
    assert "RecipeRow: Sync closed-won opportunities to NetSuite" in first["names"]
    assert first["built"] is False
    loaded = set(first["modules"])
    assert "workato_tui.widgets.resource_view" in loaded  # it did paint the main screen
    assert [m for m in NOT_FOR_THE_FIRST_FRAME if m in loaded] == []


def test_a_fresh_demo_home_paints_recipes_primed_by_a_second_process(tmp_path: Any) -> None:
    """A fresh home: the snapshot is made by a second process while the app loads (primer.py),
    and its rows are on screen when the app's own service is built."""
    from workato_tui.emulator import Emulator, FakeClock

    first = json.loads(_run_demo(tmp_path, AT_THE_FIRST_FRAME).splitlines()[-1])
    demo = Emulator.demo(FakeClock()).store.main.recipes.values()
    assert sorted(first["names"]) == sorted(f"RecipeRow: {r['name']}" for r in demo)
    assert first["built"] is False  # painted before the app built its own service
    loaded = set(first["modules"])
    assert [m for m in NOT_FOR_THE_FIRST_FRAME if m in loaded] == []
