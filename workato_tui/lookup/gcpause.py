"""Pause Python's cyclic garbage collector while a big import allocates its rows.

Staging 143,401 rows creates about a million objects; each full collection meanwhile walks all
of them and holds the interpreter for 0.2-0.4 s, which the UI feels as a freeze (measured in
tests/benchmarks/bench_import.py). Reference counting still frees everything that is not in a
cycle, and the collector is back on (with the usual thresholds) as soon as the work is done.
Nested and concurrent uses (a thread reading the file, the event loop staging) are counted.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
