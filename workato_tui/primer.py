"""`SnapshotPrimer`: a fresh home's first frame, made by a second process while Textual loads.

With a last-known snapshot, `--demo` paints it before anything heavy is imported and builds
its service after that frame (starting.py). A fresh home has nothing to paint until the
emulator answers: the client, pydantic, the API models and the emulator imported, the demo
workspace seeded and the first page served, about 0.25 s of CPU after Textual's own 0.25 s,
on the same core. So `--demo` with no snapshot forks first, before Textual is imported: the
child seeds the demo workspace, asks its emulator for the first page of recipes (the request
the recipes list sends first, over the emulator's own ASGI app) and saves the rows as the
profile's last-known snapshot, in the snapshot's own format; then it exits. It needs neither
pydantic nor the client: the rows are read as the first frame reads a snapshot
(`RecipeRow.revive`), and a test checks they equal what the client's models give. Meanwhile
the parent imports Textual on the other core. If the child is done by the first frame, its
rows are in it; otherwise the frame goes out and the rows follow when the child is done. Then
the parent builds its own service in a thread and reloads the view from it, as a start with a
snapshot does (bench_startup.py measures both starts).

Only for the demo: its workspace is seeded from a fixed seed in the process itself, so the
child's emulator answers what the parent's will, and its read costs no one quota. A real
profile's first read would be sent twice. Where there is no `fork` (Windows), or the child
fails or takes too long, the parent builds the service itself, as before: the child only ever
adds a snapshot file, written atomically like any other.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from .service.snapshot import SnapshotStore

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


def save_first_recipes(
    transport: httpx.AsyncBaseTransport, base_url: str, token: str, store: SnapshotStore
) -> None:
    """The first page of recipes as the API behind `transport` lists them (the request the
    recipes list sends first), saved in `store` as that list's last-known rows: what the
    app's first frame paints. Raises if the answer is not a list of recipes."""
    import asyncio

    import httpx

    from .api.endpoints import endpoint
    from .api.pagination import RECIPES_PER_PAGE
    from .views.catalog import find_view
    from .views.rows import RecipeRow
    from .views.spec import ViewContext

    spec = find_view("recipes")
    key = spec.snapshot_key(ViewContext()) if spec else None
    assert key is not None  # (the recipes list keeps its rows: see views/catalog.py)
    query = {"exclude_code": True, "page": 1, "per_page": RECIPES_PER_PAGE}

    async def first_page() -> Any:
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as http:
            answer = await http.get(endpoint("recipes.list").path, params=query, headers=headers)
            return answer.raise_for_status().json()

    items = asyncio.run(first_page())["items"]
    store.save({key: [RecipeRow.revive(item) for item in items]})
