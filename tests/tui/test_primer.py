"""A fresh home's first frame (issue 14 start-up): its snapshot is made by a second process
while the app paints (workato_tui/primer.py), and the app paints the rows once it is there.

Here the second process is stood in for by `ThreadPrimer` (the app's side, in process); the real
fork is tested in subprocesses in tests/tui/test_primer_fork.py. How long start-up takes is
measured in tests/benchmarks/bench_startup.py.
"""

from __future__ import annotations

import asyncio
import os
import threading
from typing import TYPE_CHECKING, Any, cast

import pytest
from pilot_world import record_frames, shown_rows

from workato_tui.app import WorkatoApp
from workato_tui.emulator import ADMIN_TOKEN
from workato_tui.primer import PRIMED, SnapshotPrimer, save_first_recipes
from workato_tui.service.connect import demo_profile
from workato_tui.service.snapshot import SnapshotStore, snapshot_store
from workato_tui.service.workspace import WorkspaceService
from workato_tui.starting import StartingWorkspace
from workato_tui.views.catalog import find_view
from workato_tui.views.spec import ViewContext

if TYPE_CHECKING:
    from pilot_world import World


class ThreadPrimer(SnapshotPrimer):
    """A `SnapshotPrimer` whose "child" is a thread of this process (the real fork is tested
    in test_primer_fork.py): it primes with the world's own service, and only once the app's
    first frame went out, so a test shows the app did not wait for it before painting."""

    def __init__(self, world: World, events: list[str], *, fails: bool = False) -> None:
        done, self._told = os.pipe()
        super().__init__(pid=-1, done=done)
        self.world, self.events, self.fails = world, events, fails
        self.first_frame = threading.Event()
        self.stopped = threading.Event()
        self._child = threading.Thread(target=self._prime, daemon=True)
        self._child.start()

    def _prime(self) -> None:
        try:
            while not self.first_frame.wait(0.01):
                if self.stopped.is_set():
                    return
            if self.fails:
                self.events.append("primer failed")
                return
            _prime(self.world)
            self.events.append("primed")
            os.write(self._told, PRIMED)
        finally:
            os.close(self._told)

    def _kill(self) -> None:
        self.stopped.set()

    def _reap(self) -> None:
        self._child.join(10)


def _store(world: World) -> SnapshotStore:
    profile = demo_profile()
    return snapshot_store(world.paths, profile.name, profile.base_url, ADMIN_TOKEN)


def _prime(world: World) -> None:
    """What the demo's primer does in its child, here on the world's emulator."""
    save_first_recipes(world.emu.transport(), demo_profile().base_url, ADMIN_TOKEN, _store(world))


def _starting(world: World, primer: ThreadPrimer, events: list[str]) -> StartingWorkspace:
    profile = demo_profile()
    store = _store(world)

    def build() -> WorkspaceService:
        events.append(f"build in {threading.current_thread().name}")
        return world.service()

    return StartingWorkspace(
        profile,
        build,
        snapshot=store,
        freezes_dir=world.paths.freezes_dir(profile.name),
        primer=primer,
    )


def _record_frames(
    monkeypatch: pytest.MonkeyPatch, events: list[str], primer: ThreadPrimer
) -> None:
    """Note each frame sent to the terminal (with its rows), and let the "child" go."""

    def note(app: WorkatoApp) -> None:
        events.append(f"frame rows={shown_rows(app)}")
        primer.first_frame.set()

    record_frames(monkeypatch, note)


async def test_the_first_frame_goes_out_while_priming_then_the_primed_rows_paint(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    primer = ThreadPrimer(world, events)
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
    primer = ThreadPrimer(world, events, fails=True)
    starting = _starting(world, primer, events)
    _record_frames(monkeypatch, events, primer)
    async with world.run(world.app(cast("WorkspaceService", starting))) as ui:
        await ui.until(lambda: ui.table.total_count > 0, "the recipes")
        assert not ui.messages  # nothing to tell: the start just took the long way
    assert events.index("primer failed") < events.index("build in MainThread")


async def test_quitting_while_priming_stops_the_primer(world: World) -> None:
    events: list[str] = []
    primer = ThreadPrimer(world, events)
    starting = _starting(world, primer, events)
    assert starting.priming
    await starting.aclose()
    assert primer.stopped.is_set() and primer.finished() and not primer.result()
    assert not starting.priming and not starting.built and events == []


async def test_a_primer_done_before_the_first_frame_paints_in_it(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child finished while Textual was loading: the first frame has its rows, as with a
    snapshot from the last run, and nothing waits."""
    events: list[str] = []
    primer = ThreadPrimer(world, events)
    primer.first_frame.set()  # (this "child" goes at once)
    primer._child.join(10)
    starting = _starting(world, primer, events)
    _record_frames(monkeypatch, events, primer)
    async with world.run(world.app(cast("WorkspaceService", starting))) as ui:
        assert ui.table.total_count == len(world.store.main.recipes)
    frames = [e for e in events if e.startswith("frame")]
    assert frames[0] == f"frame rows={len(world.store.main.recipes)}", events


def test_the_primed_rows_are_the_rows_the_recipes_list_loads(world: World) -> None:
    """Read without pydantic or the client, they equal what the app's own loader makes of
    the client's models: the reload after the first frame changes nothing on screen."""
    _prime(world)
    spec = find_view("recipes")
    assert spec is not None and spec.load is not None
    load = spec.load
    saved = _store(world).load()
    assert saved is not None
    primed = spec.revived(saved.data[spec.snapshot_key(ViewContext()) or ""])

    async def loaded() -> list[Any]:
        service = world.service()
        try:
            return [row async for page in load(service, ViewContext()) for row in page]
        finally:
            await service.aclose()

    rows = asyncio.run(loaded())
    assert primed == rows and len(rows) == len(world.store.main.recipes)
    first, again = world.requests("/api/recipes")
    assert first.query == again.query  # the same request the list sends first


@pytest.mark.parametrize("fault", ["error500", "malformed"])
def test_a_failed_read_while_priming_saves_nothing(world: World, fault: str) -> None:
    world.emu.faults.add("/api/recipes", fault)
    with pytest.raises(Exception):  # noqa: B017  (the child exits; the parent builds instead)
        _prime(world)
    assert _store(world).load() is None
