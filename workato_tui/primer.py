"""`SnapshotPrimer`: a fresh home's first frame, read by a second process while Textual loads.

With a last-known snapshot, `--demo` paints it before anything heavy is imported and builds
its service after that frame (starting.py). A fresh home has nothing to paint until the
emulator answers: the client, pydantic, the API models and the emulator must be imported, the
demo workspace seeded and the first page served, about 0.25 s of CPU, after Textual's own
0.25 s and on the same core. So `--demo` with no snapshot forks first, before Textual is
imported: the child builds the demo service exactly as the app would, loads the first view's
rows through that view's own loader and saves them as the profile's last-known snapshot (as the
app does when it closes), then exits. Meanwhile the parent imports Textual on the other core,
then waits for the child and starts as from a home with a snapshot: paints it, builds its own
service in a thread and reloads the view from it (bench_startup.py measures both starts).

Only for the demo: its workspace is seeded from a fixed seed in the process itself, so the
child's emulator answers what the parent's will, and its reads cost no one quota. A real
profile's first reads would be sent twice. Where there is no `fork` (Windows), or the child
fails or takes too long, the parent just builds the service itself as before: the child only
ever adds a snapshot file, written atomically like any other.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .service.workspace import WorkspaceService

WAIT = 10.0  # seconds: a child slower than that would be as slow as building here
PRIMED = b"primed"


class SnapshotPrimer:
    """A forked child priming a snapshot. The parent asks whether it has `finished` (or waits
    for its `fileno` to be readable, in an event loop), then takes its `result` once."""

    def __init__(self, pid: int, done: int) -> None:
        self.pid = pid
        self._done = done  # the read end of a pipe: PRIMED, or end of file when it exits
        self._primed: bool | None = None

    @classmethod
    def fork(cls, prime: Callable[[], None]) -> SnapshotPrimer | None:
        """Run `prime` in a forked child (None where the platform has no fork). Call it before
        any thread is started: the child has only the thread that forked it."""
        if not hasattr(os, "fork"):
            return None
        done, told = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: it never returns from here
            os.close(done)
            _run_child(prime, told)
        os.close(told)
        return cls(pid, done)

    def fileno(self) -> int:
        """Readable once the child has finished (primed, failed or gone)."""
        return self._done

    def finished(self) -> bool:
        """Without waiting: has the child finished?"""
        return self._primed is not None or _readable(self._done, 0)

    def wait(self, timeout: float = WAIT) -> bool:
        """Its `result` once finished, waiting up to `timeout` seconds; `stop` if not by then."""
        if self._primed is None and not _readable(self._done, timeout):
            return self.stop()
        return self.result()

    def result(self) -> bool:
        """True if the child primed the snapshot (call once `finished`; later calls answer
        the same). The child is reaped: no zombie is left behind."""
        if self._primed is None:
            try:
                self._primed = os.read(self._done, len(PRIMED)) == PRIMED
            except OSError:
                self._primed = False
            self._end()
        return self._primed

    def stop(self) -> bool:
        """Stop the child if it is still at work (what it made so far is not used): False,
        unless it had already finished priming."""
        if self._primed is None:
            self._primed = False
            self._kill()
            self._end()
        return self._primed

    def _end(self) -> None:
        os.close(self._done)
        self._reap()

    def _kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def _reap(self) -> None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)  # it has exited, or will at once


def _readable(fd: int, timeout: float) -> bool:
    try:
        ready, _, _ = select.select([fd], [], [], timeout)
    except (OSError, ValueError):  # closed: nothing more will come
        return True
    return bool(ready)


def _run_child(prime: Callable[[], None], told: int) -> None:
    """In the child: `prime`, say so, and exit without running the parent's exit handlers
    or flushing its buffers. Nothing reaches the terminal (the parent owns it)."""
    code = 1
    try:
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        prime()
        os.write(told, PRIMED)
        code = 0
    finally:
        os._exit(code)


def prime_first_view(build: Callable[[], WorkspaceService], view: str = "recipes") -> None:
    """Build a service, load `view` (unscoped, as the app first opens it) through the view's
    own loader and close the service, which saves those rows as its last-known snapshot."""
    import asyncio

    from .views.catalog import find_view
    from .views.spec import ViewContext

    spec = find_view(view)
    if spec is None or spec.load is None:
        raise ValueError(f"no list view {view!r} to prime")
    context = ViewContext()
    key = spec.snapshot_key(context)
    if key is None:
        raise ValueError(f"the {view!r} view keeps no last-known rows")
    load = spec.load

    async def remember() -> None:
        service = build()
        try:
            rows = [row async for page in load(service, context) for row in page]
            service.memory.remember(key, rows)
        finally:
            await service.aclose()  # saves what it remembers

    asyncio.run(remember())
