"""A fresh home's first frame (issue 14 start-up): its snapshot is made by a second process
while the app paints (workato_tui/primer.py), and the app paints the rows once it is there.

Here the second process is stood in for by `FakePrimer` (the app's side, in process); the real
fork is tested in subprocesses in tests/tui/test_primer_fork.py. How long start-up takes is
measured in tests/benchmarks/bench_startup.py.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, cast

import pytest

from workato_tui.api.errors import WorkatoError
from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN
from workato_tui.primer import prime_first_view
from workato_tui.screens.main import MainScreen
from workato_tui.service.connect import demo_profile
from workato_tui.service.snapshot import snapshot_store
from workato_tui.service.workspace import WorkspaceService
from workato_tui.starting import StartingWorkspace

if TYPE_CHECKING:
    from pilot_world import World


class FakePrimer:
    """What the app sees of a `SnapshotPrimer`: `wait` answers once the "child" is done.

    The child here primes with the world's own service, and only after the app's first frame
    went out (so a test shows the app did not wait for it before painting)."""

    def __init__(self, world: World, events: list[str], *, fails: bool = False) -> None:
        self.world, self.events, self.fails = world, events, fails
        self.first_frame = threading.Event()
        self.waits: list[float | None] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout)
        if timeout == 0:  # the app stops it
            return False
        assert self.first_frame.wait(10), "the app waited for the primer before painting"
        if self.fails:
            self.events.append("primer failed")
            return False
        prime_first_view(self.world.service)
        self.events.append("primed")
        return True


def _starting(world: World, primer: FakePrimer, events: list[str]) -> StartingWorkspace:
    profile = demo_profile()
    store = snapshot_store(world.paths, profile.name, profile.base_url, ADMIN_TOKEN)

    def build() -> WorkspaceService:
        events.append(f"build in {threading.current_thread().name}")
        return world.service()

    return StartingWorkspace(
        profile,
        build,
        snapshot=store,
        freezes_dir=world.paths.freezes_dir(profile.name),
        primer=primer,  # type: ignore[arg-type]  # (it answers `wait` as a primer does)
    )


def _record_frames(monkeypatch: pytest.MonkeyPatch, events: list[str], primer: FakePrimer) -> None:
    original = WorkatoApp._display

    def display(app: WorkatoApp, screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count and isinstance(app.screen, MainScreen):
            events.append(f"frame rows={app.screen.view.table.total_count}")
            primer.first_frame.set()
        original(app, screen, renderable)

    monkeypatch.setattr(WorkatoApp, "_display", display)


async def test_the_first_frame_goes_out_while_priming_then_the_primed_rows_paint(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    primer = FakePrimer(world, events)
    starting = _starting(world, primer, events)
    _record_frames(monkeypatch, events, primer)
    assert starting.priming and starting.snapshot_saved_at is None
    async with world.run(world.app(cast("WorkspaceService", starting))) as ui:
        names = sorted(row.name for row in ui.table.stored_rows)
        assert starting.built and not ui.view.stale  # then reloaded from its own service
    recipes = sorted(r["name"] for r in world.store.main.recipes.values())
    assert names == recipes
    primed = events.index("primed")
    assert "frame rows=0" in events[:primed], events  # painted before the primer was done
    build = events.index("build in workspace-start")  # after the frame, in a thread
    assert f"frame rows={len(recipes)}" in events[primed:build], events[primed:]


async def test_a_failed_primer_builds_at_once_as_without_a_snapshot(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    primer = FakePrimer(world, events, fails=True)
    starting = _starting(world, primer, events)
    _record_frames(monkeypatch, events, primer)
    async with world.run(world.app(cast("WorkspaceService", starting))) as ui:
        await ui.until(lambda: ui.table.total_count > 0, "the recipes")
        assert not ui.messages  # nothing to tell: the start just took the long way
    assert events.index("primer failed") < events.index("build in MainThread")


async def test_quitting_while_priming_stops_the_primer(world: World) -> None:
    events: list[str] = []
    primer = FakePrimer(world, events)
    starting = _starting(world, primer, events)
    await starting.aclose()
    assert primer.waits == [0]  # asked to stop at once
    assert not starting.priming and not starting.built


def test_priming_a_view_that_keeps_no_rows_says_so(world: World) -> None:
    with pytest.raises(ValueError, match="keeps no last-known rows"):
        prime_first_view(world.service, view="jobs")
    with pytest.raises(ValueError, match="no list view"):
        prime_first_view(world.service, view="no-such-view")


def test_a_failed_read_while_priming_saves_nothing(world: World) -> None:
    world.emu.faults.add("/api/recipes", "error500")
    with pytest.raises(WorkatoError):
        prime_first_view(world.service)
    profile = demo_profile()
    store = snapshot_store(world.paths, profile.name, profile.base_url, ADMIN_TOKEN)
    assert store.load() is None
