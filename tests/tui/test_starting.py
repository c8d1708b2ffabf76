"""`StartingWorkspace` (issue 14 start-up): the first frame from light modules, the service
built after it in a thread, then everything delegated to the real one.

How long start-up takes is measured in tests/benchmarks/bench_startup.py, not here.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any, cast

import pytest
from pilot_world import record_frames, shown_rows

from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN
from workato_tui.first_frame import starting_demo, starting_profile
from workato_tui.service.connect import demo_profile
from workato_tui.service.paths import Paths
from workato_tui.service.snapshot import SnapshotStore, snapshot_store
from workato_tui.service.workspace import WorkspaceService
from workato_tui.starting import StartFailed, StartingWorkspace

if TYPE_CHECKING:
    from pathlib import Path

    from pilot_world import World


class Builds:
    """A build that counts its calls and notes them in a shared event list."""

    def __init__(self, make: Any, events: list[str] | None = None) -> None:
        self.make = make
        self.events = events if events is not None else []
        self.count = 0
        self.threads: list[str] = []

    def __call__(self) -> WorkspaceService:
        self.count += 1
        self.events.append("build")
        self.threads.append(threading.current_thread().name)
        return cast("WorkspaceService", self.make())


def _starting(world: World, build: Builds) -> StartingWorkspace:
    profile = demo_profile()
    store = snapshot_store(world.paths, profile.name, profile.base_url, ADMIN_TOKEN)
    return StartingWorkspace(
        profile, build, snapshot=store, freezes_dir=world.paths.freezes_dir(profile.name)
    )


def _forbid_blocking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if anything waits for the build on the event loop (a read should await it)."""

    original = StartingWorkspace._now_built

    def blocked(self: StartingWorkspace) -> WorkspaceService:
        if not self.built:
            raise AssertionError("the event loop waited for the build")
        return original(self)

    monkeypatch.setattr(StartingWorkspace, "_now_built", blocked)


def _record_frames(
    monkeypatch: pytest.MonkeyPatch, events: list[str], starting: StartingWorkspace
) -> None:
    """Note each frame sent to the terminal: the rows shown and whether the service exists."""

    def note(app: WorkatoApp) -> None:
        events.append(f"frame rows={shown_rows(app)} built={starting.built}")

    record_frames(monkeypatch, note)


async def test_last_known_rows_paint_before_the_service_is_built_then_refresh_in_place(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with world.run() as ui:
        shown = ui.table.total_count
        await ui.pilot.press("ctrl+q")  # saves the last-known snapshot
    events: list[str] = []
    build = Builds(world.service, events)
    starting = _starting(world, build)
    _record_frames(monkeypatch, events, starting)
    _forbid_blocking(monkeypatch)
    app = world.app(cast("WorkspaceService", starting))
    async with world.run(app) as ui:
        assert ui.table.total_count == shown
        assert not ui.view.stale  # refreshed from the emulator, in the same table
        assert starting.built and build.count == 1
        assert app.service is starting  # it answers for the service, now by delegation
        assert build.threads == ["workspace-start"]
    assert f"frame rows={shown} built=False" in events[: events.index("build")], events
    assert len(world.requests("/api/recipes")) >= 1


async def test_without_a_snapshot_the_service_is_built_at_once_and_the_data_arrives(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = Builds(world.service)
    starting = _starting(world, build)
    _forbid_blocking(monkeypatch)
    assert starting.snapshot_saved_at is None
    async with world.run(world.app(cast("WorkspaceService", starting))) as ui:
        assert ui.table.total_count > 0
        assert ui.tree.root.children  # the tree's projects came through the stand-in too
        assert build.threads == ["MainThread"]  # nothing to paint first: no thread
    assert build.count == 1


def test_the_first_frame_reads_answer_without_building(tmp_path: Path) -> None:
    profile = demo_profile(read_only=True)
    store = SnapshotStore(tmp_path / "snapshot.json", ADMIN_TOKEN)
    store.save({"recipes": [{"id": 1, "name": "Kept"}]})
    build = Builds(lambda: pytest.fail("built for a first-frame read"))
    starting = StartingWorkspace(profile, build, snapshot=store, freezes_dir=tmp_path / "fz")
    assert starting.last_known("recipes") == [{"id": 1, "name": "Kept"}]
    assert starting.last_known("connections") is None
    assert starting.profile is profile and starting.policy.read_only
    assert starting.denied("recipes.start")  # read-only refuses writes, before anything is built
    assert starting.denied("recipes.list") is None
    assert starting.busiest_bucket() is None
    assert starting.freezes_dir == tmp_path / "fz"
    assert starting.snapshot_saved_at is not None
    assert starting.now().tzinfo is not None
    assert build.count == 0 and not starting.built


async def test_reads_wait_for_allow_start_then_everything_is_the_service_s(
    world: World,
) -> None:
    service = world.service()
    build = Builds(lambda: service)
    starting = _starting(world, build)
    projects = asyncio.ensure_future(starting.projects())
    for _ in range(5):  # let the read start waiting (no clock involved)
        await asyncio.sleep(0)
    assert not projects.done() and build.count == 0
    starting.allow_start()
    assert [p.name for p in await projects] == [p.name for p in await service.projects()]
    assert await starting.started() is service
    assert starting.cache is service.cache  # delegated
    assert starting.profile is service.profile
    await starting.aclose()
    assert build.count == 1


def test_something_else_asked_for_before_the_build_waits_for_it_there(world: World) -> None:
    service = world.service()
    starting = _starting(world, Builds(lambda: service))
    assert starting.calls is service.calls  # the live call log view, say: built right here
    assert starting.built


def _broken() -> WorkspaceService:
    raise RuntimeError(f"no client today for {ADMIN_TOKEN}")


async def test_a_failed_build_fails_the_read_that_waits_for_it(world: World) -> None:
    starting = _starting(world, Builds(_broken))
    starting.allow_start()
    with pytest.raises(StartFailed, match="RuntimeError: no client today") as failed:
        await starting.me()
    assert ADMIN_TOKEN not in str(failed.value)  # the token is masked out of the message
    await starting.aclose()  # quitting after it: nothing to close, nothing raised


@pytest.mark.parametrize("with_snapshot", [True, False], ids=["last-known rows", "cold"])
async def test_a_failed_build_is_shown_once_by_the_error_presenter(
    world: World, with_snapshot: bool
) -> None:
    if with_snapshot:
        async with world.run() as ui:
            shown = ui.table.total_count
            await ui.pilot.press("ctrl+q")  # saves the last-known snapshot
    sent = len(world.requests())
    starting = _starting(world, Builds(_broken))
    async with world.run(world.app(cast("WorkspaceService", starting))) as ui:
        await ui.until(lambda: bool(ui.messages), "the failure shown")
        await ui.settle()
        failures = [m for m in ui.messages if "no client today" in m]
        assert len(failures) == 1, ui.messages  # the tree, the list and the token check
        assert "failed: Could not open DEMO" in failures[0]
        assert "RuntimeError: no client today for [redacted]" in failures[0]
        assert "Nothing was sent" in failures[0]
        assert ui.table.total_count == (shown if with_snapshot else 0)  # the rows stay
    assert len(world.requests()) == sent  # nothing sent by this run


async def test_quitting_before_the_build_sends_nothing_and_keeps_the_snapshot(
    world: World,
) -> None:
    build = Builds(world.service)
    starting = _starting(world, build)
    await starting.aclose()
    assert build.count == 0 and world.requests() == []


def test_demo_start_is_a_stand_in_with_the_demo_profiles(tmp_path: Path) -> None:
    service, profiles = starting_demo(Paths.under(tmp_path), True, "demo-dev")
    assert isinstance(service, StartingWorkspace) and not service.built
    assert service.profile.name == "demo-dev" and service.policy.read_only
    assert profiles.current == "demo-dev" and profiles.others() == ["demo", "demo-test"]


async def test_a_config_profile_start_is_a_stand_in_and_keeps_read_only(
    world: World,
) -> None:
    from pydantic import SecretStr

    service = starting_profile(demo_profile(), SecretStr(ADMIN_TOKEN), world.paths, True)
    assert isinstance(service, StartingWorkspace) and not service.built
    assert service.policy.read_only and service.denied("recipes.start")
    service.build_now()
    assert service.built and service.profile.read_only and service.policy.read_only
    await service.aclose()


async def test_a_read_waiting_before_build_now_goes_on_with_that_service(
    world: World,
) -> None:
    service = world.service()
    build = Builds(lambda: service)
    starting = _starting(world, build)
    me = asyncio.ensure_future(starting.me())
    for _ in range(5):  # let the read start waiting (no clock involved)
        await asyncio.sleep(0)
    starting.build_now()
    assert (await asyncio.wait_for(me, 5)).id == (await service.me()).id
    assert build.count == 1 and build.threads == ["MainThread"]
