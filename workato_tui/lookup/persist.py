"""Staged edits on disk, one JSON file per table, so they survive a crash or a restart.

The file is rewritten (atomically) after every change and removed once nothing is staged.
A file that cannot be read is moved aside (`.unreadable`) rather than silently dropped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from .staging import Staging

VERSION = 1


class StagedStore:
    """Where one profile's staged lookup edits live (`service.staged_dir`)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def path(self, table_id: int) -> Path | None:
        return None if self.directory is None else self.directory / f"{table_id}.json"

    def load(self, table_id: int, columns: Sequence[str]) -> Staging | None:
        """The staged edits kept for this table, or None."""
        path = self.path(table_id)
        if path is None or not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            staging = Staging.from_json(data, columns)
        except (OSError, ValueError, KeyError, TypeError):
            path.replace(path.with_suffix(".unreadable"))
            return None
        return staging if len(staging) else None

    def save(self, staging: Staging, table_name: str = "") -> None:
        """Write the staged edits (or remove the file when nothing is staged)."""
        path = self.path(staging.table_id)
        if path is None:
            return
        if not len(staging):
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": VERSION,
            "table_name": table_name,
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            **staging.to_json(),
        }
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, path)

    def discard(self, table_id: int) -> None:
        path = self.path(table_id)
        if path is not None:
            path.unlink(missing_ok=True)
