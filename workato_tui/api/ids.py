"""Strict number parsing for ids and counts that arrive as text.

`str.isdigit()` is true for Unicode digits such as "²" or "١", which `int()` then rejects (or
reads as another number), so `isdigit()` followed by `int()` crashes on hostile input. Every
id or count read from a path, a query string, a CSV cell or a loosely typed JSON field goes
through `ascii_int` instead.
"""

from __future__ import annotations

import re

MAX_DIGITS = 30  # longer is not an id or a count; refusing it also bounds int() work
_UNSIGNED = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}", re.ASCII)
_SIGNED = re.compile(rf"-?[0-9]{{1,{MAX_DIGITS}}}", re.ASCII)


def ascii_int(text: object, *, signed: bool = False) -> int | None:
    """The integer `text` spells in ASCII digits (a leading '-' when `signed`), else None."""
    if not isinstance(text, str):
        return None
    pattern = _SIGNED if signed else _UNSIGNED
    return int(text) if pattern.fullmatch(text) else None


def as_id(value: object) -> int | None:
    """An id sent in JSON as an integer or as a string of ASCII digits, else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return ascii_int(value)
