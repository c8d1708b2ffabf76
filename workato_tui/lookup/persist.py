"""Staged edits on disk, one JSON file per table, so they survive a crash or a restart.

The file is rewritten (atomically) after every change and removed once nothing is staged. Files
are readable by the owner only (0600, in 0700 directories): they hold table data. A file that
cannot be read is moved aside under a name of its own (`7.unreadable`, `7.unreadable-2`, ...)
and `load` says so in `problem`, so the editor can tell the user instead of showing nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..service.paths import ensure_private_dir
from .staging import Staging

VERSION = 1
FILE_MODE = 0o600
DIR_MODE = 0o700


class StagedStore:
    """Where one profile's staged lookup edits live (`service.staged_dir`)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.problem: str | None = None  # why the last `load` found nothing it could use

    def path(self, table_id: int) -> Path | None:
        return None if self.directory is None else self.directory / f"{table_id}.json"

    def load(self, table_id: int, columns: Sequence[str]) -> Staging | None:
        """The staged edits kept for this table, or None (see `problem` for why, if any)."""
        self.problem = None
        path = self.path(table_id)
        if path is None or not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            staging = Staging.from_json(data, columns)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            self.problem = self._set_aside(path, error)
            return None
        return staging if len(staging) else None

    def _set_aside(self, path: Path, error: Exception) -> str:
        why = f"{type(error).__name__}: {error}" if isinstance(error, OSError) else "not valid"
        backup = unique_backup(path)
        try:
            path.replace(backup)
        except OSError as move_error:
            return (
                f"The staged edits in {path} could not be read ({why}) nor moved aside "
                f"({move_error.strerror}); they were not restored."
            )
        return (
            f"The staged edits in {path.name} could not be read ({why}); they were not "
            f"restored. The file is kept as {backup}."
        )

    def save(self, staging: Staging, table_name: str = "") -> None:
        """Write the staged edits (or remove the file when nothing is staged)."""
        path = self.path(staging.table_id)
        if path is None:
            return
        if not len(staging):
            path.unlink(missing_ok=True)
            return
        write_private(path, file_text(staging, table_name))

    def discard(self, table_id: int) -> None:
        path = self.path(table_id)
        if path is not None:
            path.unlink(missing_ok=True)


def unique_backup(path: Path) -> Path:
    """`7.unreadable`, or `7.unreadable-2`, `-3`, ... when earlier backups exist."""
    backup = path.with_suffix(".unreadable")
    number = 1
    while backup.exists():
        number += 1
        backup = path.with_suffix(f".unreadable-{number}")
    return backup


def private_dir(directory: Path) -> None:
    """Create `directory` (and missing parents) 0700; tighten it if it exists."""
    ensure_private_dir(directory)
    if directory.stat().st_mode & 0o077:
        directory.chmod(DIR_MODE)


def file_text(staging: Staging, table_name: str) -> str:
    """The staged file: `Staging.to_json()` with a header, as compact JSON. Each row's text is
    cached on the row, so after one edit only that row is encoded again."""
    head = {
        "version": VERSION,
        "table_name": table_name,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **staging.to_json(rows=False),
    }
    rows = ",".join(row.json_text() for row in list(staging.rows.values()))
    return json.dumps(head, ensure_ascii=False)[:-1] + f', "rows": [{rows}]}}'


def write_private(path: Path, text: str) -> None:
    """Write `text` atomically to a file only the owner can read."""
    private_dir(path.parent)
    temporary = path.with_suffix(".tmp")
    temporary.unlink(missing_ok=True)  # a leftover may have looser permissions
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, path)
