"""`StartingWorkspace`: the main screen's first frame without the client.

A `WorkspaceService` needs httpx, pydantic, the API models and (for `--demo`) the emulator:
about half of what start-up imports, none of which the first frame shows. This stand-in
answers what the first frame reads (the profile, the access policy, the last-known rows, the
clock, an unfinished freeze) from light modules, and builds the real service in a thread once
the app says the first frame is out (`allow_start`). `started()` awaits it; the screens' reads
(`me`, `projects`, `folders`, a view's load) go through it, so they wait instead of blocking
the event loop. Everything else is the real service's own, by delegation; asked for before the
build, it waits for the build there and then (correct, if not smooth: nothing on the first
frame's path does that). With no snapshot to paint, the app calls `build_now` instead: the
first data needs the service anyway, so it is built at once on the main thread; unless a
second process is making the snapshot (`priming`, see primer.py): the app paints its first
frame meanwhile, then waits for it (`primed`) and paints its rows as above. A build that
fails (nothing was sent) fails each read that waits for it with a `StartFailed`, which the
app's one error presenter shows once; last-known rows on screen stay.

Everything here runs on the event loop's thread except `build` itself.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .api.endpoints import endpoint
from .api.errors import WorkatoError
from .primer import WAIT, SnapshotPrimer
from .service.names import Names
from .service.snapshot import Snapshot, SnapshotStore

if TYPE_CHECKING:
    from .api.limiter import BucketState, QuotaWait
    from .api.models import Folder, Project, User
    from .service.policy import AccessPolicy
    from .service.profile import ResolvedProfile
    from .service.workspace import WorkspaceService


class StartingWorkspace:
    """Stands in for a `WorkspaceService` until `build` has made it (see the module doc)."""

    def __init__(
        self,
        profile: ResolvedProfile,
        build: Callable[[], WorkspaceService],
        *,
        snapshot: SnapshotStore | None = None,
        freezes_dir: Path | None = None,
        primer: SnapshotPrimer | None = None,
    ) -> None:
        self._profile = profile
        self._policy = profile.access_policy()
        self._build = build
        self._store = snapshot
        self._primer = primer  # making the snapshot in a second process (primer.py)
        self._snapshot: Snapshot | None = snapshot.load() if snapshot and not primer else None
        self._mask: Callable[[str], str] = snapshot.masked if snapshot else str
        self._freezes_dir = freezes_dir
        self._service: WorkspaceService | None = None
        self._building: Future[WorkspaceService] | None = None
        self._allowed: asyncio.Event | None = None
        # The first frame's columns name ids from this directory; the service built takes it
        # over (it learns the names there), so those columns show names once they are read.
        self._names = Names()

    # the build -----------------------------------------------------------------------------

    @property
    def built(self) -> bool:
        return self._service is not None

    @property
    def priming(self) -> bool:
        """A second process is still making this start's snapshot: `primed` waits for it."""
        self._take_primed()
        return self._primer is not None

    async def primed(self) -> bool:
        """Wait for the primer (the event loop runs meanwhile) and take the snapshot it made;
        True if there is a snapshot to paint now. A primer slower than `WAIT` is stopped."""
        primer = self._primer
        if primer is not None and not primer.finished():
            loop = asyncio.get_running_loop()
            ready: asyncio.Future[None] = loop.create_future()

            def finished() -> None:
                if not ready.done():
                    ready.set_result(None)

            done = primer.fileno()
            loop.add_reader(done, finished)
            try:
                await asyncio.wait_for(ready, WAIT)
            except TimeoutError:
                pass
            finally:
                loop.remove_reader(done)
            if not primer.finished():  # too slow: build here instead
                self._primer = None
                primer.stop()
        self._take_primed()
        return self._snapshot is not None

    def _take_primed(self) -> None:
        """If the primer has finished, take its snapshot (never waits)."""
        if self._primer is not None and self._primer.finished():
            primer, self._primer = self._primer, None
            if primer.result() and self._store is not None:
                self._snapshot = self._store.load()

    def allow_start(self) -> None:
        """The first frame is out: build the service now (in a thread)."""
        self._start()
        if self._allowed is not None:
            self._allowed.set()

    def build_now(self) -> None:
        """Build the service here and now, on the calling thread: what the app does when there
        is no snapshot to paint first (the first data needs the service anyway, and measured,
        building in a thread then cost ~0.1 s more CPU and wall time; bench_startup.py).
        A failed build raises nothing here: the reads waiting for it fail with `StartFailed`."""
        if self._service is not None:
            return
        if self._building is None:
            self._building = Future()
            try:
                self._service = self._built()
            except StartFailed as error:
                self._building.set_exception(error)
            else:
                self._building.set_result(self._service)
        elif self._building.exception() is None:  # a thread is building it: wait for that one
            self._service = self._building.result()
        if self._allowed is not None:
            self._allowed.set()  # any read already waiting goes on with it

    async def started(self) -> WorkspaceService:
        """The real service, once built (after `allow_start`; the event loop runs meanwhile)."""
        if self._service is None:
            if self._building is None:
                self._allowed = self._allowed or asyncio.Event()
                await self._allowed.wait()
            self._service = await asyncio.wrap_future(self._start())
        return self._service

    def _start(self) -> Future[WorkspaceService]:
        if self._building is None:
            building: Future[WorkspaceService] = Future()
            self._building = building

            def run() -> None:
                try:
                    building.set_result(self._built())
                except BaseException as error:  # the awaiting reader reports it
                    building.set_exception(error)

            threading.Thread(target=run, name="workspace-start", daemon=True).start()
        return self._building

    def _built(self) -> WorkspaceService:
        """Build the service, handing it the names directory the first frame's columns read;
        whatever stops the build is raised as a `StartFailed` (an API error, for the app's
        one error presenter), with the token masked out of its text."""
        try:
            service = self._build()
        except Exception as error:  # (not chained: the cause's text may hold the token)
            cause = self._mask(f"{type(error).__name__}: {error}")
            raise StartFailed(self._profile.label, cause) from None
        service.names = self._names
        return service

    def _now_built(self) -> WorkspaceService:
        """The real service, waiting for the build right here if it is not done yet."""
        if self._service is None:
            self._service = self._start().result()
        return self._service

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._now_built(), name)

    # what the first frame reads --------------------------------------------------------------

    @property
    def profile(self) -> ResolvedProfile:
        return self._service.profile if self._service else self._profile

    @property
    def policy(self) -> AccessPolicy:
        return self._service.policy if self._service else self._policy

    @property
    def freezes_dir(self) -> Path | None:
        return self._service.freezes_dir if self._service else self._freezes_dir

    @property
    def snapshot_saved_at(self) -> datetime | None:
        self._take_primed()
        if self._service is not None:
            saved: datetime | None = self._service.snapshot_saved_at
            return saved
        return self._snapshot.saved_at if self._snapshot else None

    def now(self) -> datetime:
        return self._service.now() if self._service else datetime.now(UTC)

    def last_known(self, view_key: str) -> list[dict[str, Any]] | None:
        self._take_primed()  # (a primer done by now: its rows go in the first frame)
        if self._service is not None:
            return self._service.last_known(view_key)
        rows = self._snapshot.data.get(view_key) if self._snapshot else None
        return rows if isinstance(rows, list) else None

    def denied(self, endpoint_id: str) -> str | None:
        if self._service is not None:
            return self._service.denied(endpoint_id)
        return self._policy.reason(endpoint(endpoint_id))  # no 403 seen yet: nothing sent

    @property
    def names(self) -> Names:
        return self._names  # the service's own, once built (see `_built`)

    def quota_wait(self) -> QuotaWait | None:
        return self._service.quota_wait() if self._service else None  # nothing sent yet

    def busiest_bucket(self) -> BucketState | None:
        return self._service.busiest_bucket() if self._service else None  # nothing sent yet

    # the first reads: they wait for the build --------------------------------------------------

    async def me(self) -> User:
        return await (await self.started()).me()

    async def projects(self) -> list[Project]:
        return await (await self.started()).projects()

    async def folders(self, parent_id: int | None = None) -> list[Folder]:
        return await (await self.started()).folders(parent_id)

    async def aclose(self) -> None:
        """Close the service if it was built (or is being built); otherwise nothing was sent
        and the snapshot on disk is still the last known (as after a failed build). A primer
        still at work is stopped."""
        primer, self._primer = self._primer, None
        if primer is not None:
            primer.stop()
        if self._building is not None:
            with suppress(StartFailed):
                await (await self.started()).aclose()


class StartFailed(WorkatoError):
    """The service could not be built (nothing was sent): shown by the app's one error
    presenter, by whichever read waited for the build first."""

    kind = "start"
    hint = "Nothing was sent. Check the profile's settings and start workato-tui again."

    def __init__(self, profile_label: str, cause: str) -> None:
        super().__init__(cause)
        self.profile_label = profile_label

    def describe(self) -> str:
        return f"Could not open {self.profile_label}: {self.message.rstrip('.')}. {self.hint}"
