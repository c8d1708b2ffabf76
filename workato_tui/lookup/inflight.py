"""Row adds that went out and whose answer is not known yet: a write-ahead journal.

An add is not idempotent: sent twice, it makes two rows. So before an add goes out, the save
engine notes it here (on disk, next to the staged edits, so neither a lost answer nor a kill
mid-save can lose the note), and removes the note once the answer is known. A staged add that
still has a note may be on the server already: it is looked for (by its values, among rows
newer than any known when it was sent) before anything is sent again.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..api.models import LookupRow
from .rows import Values, cell

if TYPE_CHECKING:
    from ..service.lookup_reads import FreshLookupRows

SCAN_PAGE = 1000


@dataclass(frozen=True)
class SentAdd:
    key: int  # the staged (negative) key
    values: Values  # what was sent
    after_id: int  # the highest row id known when it was sent: a landed add is newer

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "values": self.values, "after_id": self.after_id}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SentAdd:
        values = {str(k): str(v) for k, v in dict(data["values"]).items()}
        return cls(int(data["key"]), values, int(data["after_id"]))


class SendJournal:
    """The adds of one table in flight; kept in `path` when there is one."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.entries: dict[int, SentAdd] = self._load()

    def get(self, key: int) -> SentAdd | None:
        return self.entries.get(key)

    def begin(self, entry: SentAdd) -> None:
        self.entries[entry.key] = entry
        self._save()

    def end(self, key: int) -> None:
        if self.entries.pop(key, None) is not None:
            self._save()

    def keep_only(self, keys: set[int]) -> None:
        """Drop notes for rows no longer staged as adds (they were settled before a crash)."""
        stale = [k for k in self.entries if k not in keys]
        for key in stale:
            del self.entries[key]
        if stale:
            self._save()

    def _load(self) -> dict[int, SentAdd]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            entries = [SentAdd.from_json(item) for item in data["adds"]]
        except (OSError, ValueError, KeyError, TypeError):
            return {}  # unreadable: the adds it named are checked as if never sent
        return {e.key: e for e in entries}

    def _save(self) -> None:
        if self.path is None:
            return
        if not self.entries:
            self.path.unlink(missing_ok=True)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = self.path.with_suffix(".tmp")
        data = {"adds": [e.to_json() for e in self.entries.values()]}
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            with contextlib.suppress(OSError):
                os.fsync(handle.fileno())
        os.replace(temporary, self.path)


async def find_landed(
    client: FreshLookupRows,
    table_id: int,
    entry: SentAdd,
    columns: list[str],
    claimed: set[int],
) -> LookupRow | None:
    """The row this add made, if it is on the server: the same values, a newer id, and not
    already taken as another add's row."""
    by = {c: v for c, v in entry.values.items() if v != ""} or dict(entry.values)
    page = 1
    while True:
        rows = await client.list_lookup_rows(table_id, page=page, per_page=SCAN_PAGE, by=by)
        for row in rows:
            same = all(cell(row.data.get(c)) == entry.values.get(c, "") for c in columns)
            if same and row.id > entry.after_id and row.id not in claimed:
                return row
        if len(rows) < SCAN_PAGE:
            return None
        page += 1
