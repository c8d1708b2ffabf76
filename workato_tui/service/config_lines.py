"""Find the line of a TOML key, so a validation error can say where the offending key is.

tomllib does not keep positions, so this scans the text for table headers (`[a.b]`) and key
assignments (`k = ...`, `a."b c".d = ...`). It is best effort: multi-line strings and arrays of
tables can fool it, in which case the error simply points at a nearby line or none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY_PART = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER = re.compile(rf"^\s*\[\s*({_DOTTED})\s*\]")
_ARRAY_HEADER = re.compile(rf"^\s*\[\[\s*({_DOTTED})\s*\]\]")
_ASSIGNMENT = re.compile(rf"^\s*({_DOTTED})\s*=")
_PART = re.compile(_KEY_PART)


def split_key(dotted: str) -> tuple[str, ...]:
    """`a."b.c".d` -> ("a", "b.c", "d")."""
    return tuple(_unquote(m.group(0)) for m in _PART.finditer(dotted))


def _unquote(part: str) -> str:
    if part[:1] == '"':
        try:
            return str(json.loads(part))
        except ValueError:
            return part[1:-1]
    if part[:1] == "'":
        return part[1:-1]
    return part


def key_positions(text: str) -> list[tuple[tuple[str, ...], int]]:
    """Every header and key in the file as (full dotted path, 1-based line number)."""
    positions: list[tuple[tuple[str, ...], int]] = []
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        if header := _ARRAY_HEADER.match(line) or _HEADER.match(line):
            table = split_key(header.group(1))
            positions.append((table, number))
        elif assignment := _ASSIGNMENT.match(line):
            positions.append((table + split_key(assignment.group(1)), number))
    return positions


def line_of(text: str, loc: Sequence[str]) -> int | None:
    """The line that best matches `loc`: the longest shared prefix, first occurrence wins."""
    best_line, best_len = None, 0
    for path, number in key_positions(text):
        shared = _shared_prefix(path, loc)
        if shared > best_len:
            best_line, best_len = number, shared
    return best_line


def _shared_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count
