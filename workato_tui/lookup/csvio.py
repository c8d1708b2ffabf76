"""CSV files of a lookup table: write one, and read one back with clear, line-numbered errors.

A file's header names the table's columns (matched exactly, else ignoring case), optionally
with an `id` column holding row ids. Files must be UTF-8 (a BOM is fine).

Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or
carriage return) as a formula. Export prefixes such cells with `'` by default (`raw=True` writes
them verbatim), and import removes that one `'` again, so an export re-imports unchanged. A cell
that itself starts with `'` before such a character gets a second `'`, so nothing is ambiguous.

A file may hold at most `MAX_IMPORT_ROWS` records and `MAX_IMPORT_BYTES` bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .rows import ID, MAX_COLUMNS, Values, cell, is_new_key

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"
MAX_IMPORT_ROWS = 500_000  # well past a real lookup table; bounds memory and staging time
MAX_IMPORT_BYTES = 100 * 1024 * 1024


class CsvProblem(ValueError):
    """A file that cannot be imported; the message names the line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


@dataclass(frozen=True)
class CsvRecord:
    line: int  # where the record starts in the file (1 is the header)
    row_id: str  # the `id` cell ("" when the file has none)
    values: Values  # the table's columns the file has


@dataclass(frozen=True)
class CsvTable:
    columns: list[str]  # the table columns the file has, in file order
    has_id: bool
    records: list[CsvRecord]


# writing --------------------------------------------------------------------------------


def needs_guard(value: str) -> bool:
    """Whether a spreadsheet would run `value` as a formula (or it already carries a guard)."""
    return value.startswith(FORMULA_STARTS) or (
        value.startswith(GUARD) and needs_guard(value[len(GUARD) :])
    )


def guard(value: str) -> str:
    """`value` as export writes it: `'` before anything a spreadsheet would run."""
    return GUARD + value if needs_guard(value) else value


def unguard(value: str) -> str:
    """The value a guarded cell stands for (the inverse of `guard`)."""
    rest = value[len(GUARD) :]
    return rest if value.startswith(GUARD) and needs_guard(rest) else value


def export_text(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, raw: bool = False
) -> tuple[str, int]:
    """CSV text with an `id` column then the table's columns; returns (text, row count).

    Cells a spreadsheet would run as formulas are neutralised unless `raw`."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([ID, *columns])
    text_of = cell if raw else lambda value: guard(cell(value))
    count = 0
    for row in rows:
        key = row[ID]
        writer.writerow(["" if is_new_key(key) else key, *(text_of(row.get(c)) for c in columns)])
        count += 1
    return buffer.getvalue(), count


def write_csv(
    path: Path, rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, raw: bool = False
) -> int:
    text, count = export_text(rows, columns, raw=raw)
    path.write_text(text, encoding="utf-8", newline="")
    return count


def parse_row_id(text: str, line: int) -> int:
    """A row id cell as a number; a CsvProblem naming the line for anything but ASCII digits."""
    if not (text.isascii() and text.isdigit()):
        raise CsvProblem(f"id {text!r} is not a row id (a whole number)", line)
    return int(text)


# reading --------------------------------------------------------------------------------


def read_csv_file(path: Path, columns: Sequence[str]) -> CsvTable:
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise CsvProblem(
                f"{path.name} is {size / 2**20:.0f} MB; an import reads at most "
                f"{MAX_IMPORT_BYTES // 2**20} MB (split the file)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise CsvProblem(f"cannot read {path}: {error.strerror or error}") from error
    return parse_csv(data, columns)


def parse_csv(data: bytes, columns: Sequence[str]) -> CsvTable:
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise CsvProblem("the file is empty: the first line must name the columns", 1)
        names, has_id = _header(header, columns)
        records = list(_records(reader, names, has_id))
    except csv.Error as error:
        raise CsvProblem(f"not valid CSV ({error})", reader.line_num or 1) from error
    return CsvTable([n for n in names if n != ID or not has_id], has_id, records)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CsvProblem(
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file "
            "as UTF-8 CSV and import it again",
            line,
        ) from error


def _header(header: list[str], columns: Sequence[str]) -> tuple[list[str], bool]:
    """File column names mapped to table labels (or `id`); raises on any problem."""
    by_folded = {c.casefold(): c for c in columns}
    names: list[str] = []
    unknown: list[str] = []
    for position, raw in enumerate(header, start=1):
        name = raw.strip()
        if not name:
            raise CsvProblem(f"column {position} has no name in the header", 1)
        mapped = name if name in columns else by_folded.get(name.casefold())
        if mapped is None and name.casefold() == ID:
            mapped = ID
        if mapped is None:
            unknown.append(name)
        elif mapped in names:
            raise CsvProblem(f"column {mapped!r} appears twice in the header", 1)
        else:
            names.append(mapped)
    has_id = ID in names and ID not in columns
    data_columns = len(header) - (1 if has_id else 0)
    if data_columns > MAX_COLUMNS:
        raise CsvProblem(f"{data_columns} columns, but a lookup table has at most {MAX_COLUMNS}", 1)
    if unknown:
        raise CsvProblem(
            f"unknown column(s) {', '.join(map(repr, unknown))}; this table's "
            f"columns are {', '.join(columns)}",
            1,
        )
    if not [n for n in names if n != ID or not has_id]:
        raise CsvProblem(f"no column of this table; its columns are {', '.join(columns)}", 1)
    return names, has_id


def _records(reader: Iterable[list[str]], names: list[str], has_id: bool) -> Iterable[CsvRecord]:
    line, count = 1, 0
    for record in reader:
        start, line = line + 1, reader.line_num  # type: ignore[attr-defined]
        if not record:
            continue  # a blank line
        if len(record) != len(names):
            fields = f"{len(record)} field{'s' if len(record) != 1 else ''}"
            raise CsvProblem(f"{fields}, but the header has {len(names)}", start)
        count += 1
        if count > MAX_IMPORT_ROWS:
            raise CsvProblem(
                f"more than {MAX_IMPORT_ROWS:,} rows; an import takes at most that many "
                "(split the file)",
                start,
            )
        pairs = {name: unguard(value) for name, value in zip(names, record, strict=True)}
        row_id = pairs.pop(ID, "").strip() if has_id else ""
        yield CsvRecord(start, row_id, pairs)
