"""Start-up without the cyclic garbage collector, until the first frame with data.

Importing Textual, pydantic and httpx and building the first screen allocates a few hundred
thousand long-lived objects (modules, classes, schemas, styles); the collector walks them
again and again meanwhile, for nothing: almost none of it is garbage. `paused_for_startup`
turns it off for the app's start (20-30 ms less CPU, measured with bench_startup.py), and the
app calls `resume_after_first_frame` once its first view has loaded (or after a few seconds,
whatever comes first): what start-up built is frozen, so later collections skip it too (it
lives as long as the process; frozen objects are still freed by reference counting), and the
collector runs as usual from then on. Only a pause this module made is ever resumed here.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused = False


@contextmanager
def paused_for_startup() -> Iterator[None]:
    """Around the whole app run: off now, and certainly back on when the app has ended."""
    global _paused
    if not gc.isenabled():  # someone else's choice: leave it alone
        yield
        return
    gc.disable()
    _paused = True
    try:
        yield
    finally:
        resume_after_first_frame()


def resume_after_first_frame() -> None:
    """Collect as usual again (a no-op unless `paused_for_startup` paused it and still does)."""
    global _paused
    if not _paused:
        return
    _paused = False
    gc.freeze()
    gc.enable()


def paused() -> bool:
    return _paused
