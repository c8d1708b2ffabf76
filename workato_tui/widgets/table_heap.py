"""Keeping a big table's rows out of the garbage collector's way.

Rows held by a table live as long as it does. Each full collection walks every tracked
object, so with 100,000 rows (and the pages they came from) it stalls the event loop for
100 ms or more, several times while pages stream in. After rows arrive in bulk we collect
the young generations (cheap: only recent objects) and freeze what survived: the frozen
objects are skipped by later collections but still freed normally once nothing refers to
them (rows and their cells hold no reference cycles).

What a frozen object cannot be is collected as part of a reference cycle: a closed screen and
its widgets are such a cycle. So a table drops its rows when it is unmounted (they go at once,
by reference counting) and, if it froze the heap, unfreezes it: the next full collection, at
a time of the collector's choosing, takes the screen. (That collection walks every object
again, once; a table that never froze anything leaves the freeze alone.)
"""

from __future__ import annotations

import gc

# One page of a streamed list (1,000 rows): freezing only from 5,000 rows on left the first pages
# to full collections of 40-50 ms while a 100,000-row table streamed in (bench_lookup.py: the
# longest collection 40-49 ms with 5,000, 3-4 ms with 1,000). Below it a full collection is fast.
BULK_ROWS = 1_000


def settle_after_bulk(total_rows: int) -> bool:
    """After rows were added to a table that now holds `total_rows`: freeze the survivors.
    True when it did."""
    if total_rows < BULK_ROWS or not gc.isenabled():
        return False
    gc.collect(1)
    gc.freeze()
    return True


def release_after_bulk() -> None:
    """A table is gone: frozen objects may be garbage now, let the collector see them again."""
    if gc.get_freeze_count():
        gc.unfreeze()
