"""The lookup editor's CSV files, without any UI: where a file goes, which rows are exported and
what the export says, and staging an import a slice at a time so the screen keeps answering.

Export writes the rows as the grid shows them (the filtered rows when a filter is on, staged
edits included, rows staged for deletion left out), cells a spreadsheet would run as formulas
prefixed with `'` unless raw (see `csvio`).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .importing import ImportPlan
from .rows import ID
from .staging import GridChange, Staging

IMPORT_SLICE_SECONDS = 0.03  # staging work between two looks at the event loop
YIELD_SECONDS = 0.002  # time for a key's trip through the queues between two slices


def default_file_name(table_name: str) -> str:
    """`Cost_centers.csv`: the table's name, minus spaces and characters awkward in paths."""
    safe = re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "_", table_name).strip(" ._") or "lookup-table"
    return f"{safe}.csv"


def resolve_path(text: str, workdir: Path) -> Path:
    """A typed path: `~` expanded, relative to `workdir`."""
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else workdir / path


def rows_to_export(shown: Iterable[Mapping[str, Any]], staging: Staging) -> list[Mapping[str, Any]]:
    """The rows the grid shows, less those staged for deletion."""
    return [row for row in shown if not ((staged := staging.get(row[ID])) and staged.deleted)]


def export_message(count: int, path: Path, *, filtered: bool, staged: bool, raw: bool) -> str:
    notes = [
        " (the filtered rows)" if filtered else "",
        ", staged edits as shown" if staged else "",
        ", formulas raw" if raw else "",
    ]
    return f"Exported {count} rows{''.join(notes)} to {path}"


def time_slices(chunks: Iterator[list[GridChange]], seconds: float) -> Iterator[list[GridChange]]:
    """The chunks joined into slices of about `seconds` of work each."""
    joined: list[GridChange] = []
    started = time.perf_counter()
    for chunk in chunks:
        joined += chunk
        if time.perf_counter() - started >= seconds:
            yield joined
            joined, started = [], time.perf_counter()
    if joined:
        yield joined


async def stage_in_slices(
    staging: Staging,
    plan: ImportPlan,
    show: Callable[[list[GridChange]], None],
    progress: Callable[[str], None],
) -> int:
    """Stage `plan` as one undo step, a slice at a time: `show` each slice's changes, report
    `progress`, and yield to the event loop between slices. Returns the rows staged (if
    cancelled, what was staged so far stays, still one undo step)."""
    chunks = staging.import_chunks(plan.changes, plan.adds, plan.deletes)
    done = 0
    try:
        for changes in time_slices(chunks, IMPORT_SLICE_SECONDS):
            show(changes)
            done += len(changes)
            progress(f"Staging the import: {done:,} of {plan.total:,} rows…")
            await asyncio.sleep(YIELD_SECONDS)
    finally:
        chunks.close()
    return done
