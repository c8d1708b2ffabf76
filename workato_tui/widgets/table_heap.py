"""Keeping a big table's rows out of the garbage collector's way.

Rows held by a table live as long as it does. Each full collection walks every tracked
object, so with 100,000 rows (and the pages they came from) it stalls the event loop for
100 ms or more, several times while pages stream in. After rows arrive in bulk we collect
the young generations (cheap: only recent objects) and freeze what survived: the frozen
objects are skipped by later collections but still freed normally once nothing refers to
them (rows and their cells hold no reference cycles).

What a frozen object cannot be is collected as part of a reference cycle: a closed screen and
its widgets are such a cycle. So a table drops its rows when it is unmounted (they go at once,
by reference counting) and unfreezes everything: the next full collection, at a time of the
collector's choosing, takes the screen.
"""

from __future__ import annotations

import gc

BULK_ROWS = 5_000  # below this a full collection is fast anyway


def settle_after_bulk(total_rows: int) -> None:
    """After rows were added to a table that now holds `total_rows`: freeze the survivors."""
    if total_rows < BULK_ROWS or not gc.isenabled():
        return
    gc.collect(1)
    gc.freeze()


def release_after_bulk() -> None:
    """A table is gone: frozen objects may be garbage now, let the collector see them again."""
    if gc.get_freeze_count():
        gc.unfreeze()
