"""`LastKnown`: the rows each view showed last, kept for the next start.

Loaded from the profile's snapshot when the service opens (so a view can paint before its
first request), remembered again as lists are fully loaded, and saved when the service closes.
What may not be kept (jobs, secrets) is dropped by `SnapshotStore.save`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime

    from .snapshot import SnapshotStore


class LastKnown:
    def __init__(self, store: SnapshotStore | None = None) -> None:
        self.store = store
        loaded = store.load() if store else None
        self.saved_at: datetime | None = loaded.saved_at if loaded else None  # when loaded
        self._rows: dict[str, Any] = dict(loaded.data) if loaded else {}

    def rows(self, view_key: str) -> list[Any] | None:
        """The rows remembered for a view: as remembered this session, as dicts from disk."""
        rows = self._rows.get(view_key)
        return rows if isinstance(rows, list) else None

    def remember(self, view_key: str, rows: Sequence[Any]) -> None:
        """Keep a fully loaded list for the next start (never jobs: see SnapshotStore)."""
        self._rows[view_key] = rows

    def save(self) -> None:
        if self.store is not None and self._rows:
            self.store.save(self._rows)
