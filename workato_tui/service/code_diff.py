"""A side-by-side diff of two recipes' code: parsed JSON, pretty-printed, unchanged runs folded.

`code_diff` answers rows of (left text, right text, tag), where tag is `same`, `changed`,
`removed` (left only), `added` (right only) or `folded` (a run of unchanged lines hidden, the
text saying how many). Code that is not JSON is compared as text.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

CONTEXT = 3  # unchanged lines kept around each change


@dataclass(frozen=True)
class DiffRow:
    left: str
    right: str
    tag: str


def pretty(code: str | None) -> list[str]:
    if code is None:
        return []
    try:
        return json.dumps(json.loads(code), indent=2, sort_keys=True).splitlines()
    except (TypeError, ValueError):
        return code.splitlines()


def code_diff(left: str | None, right: str | None, context: int = CONTEXT) -> list[DiffRow]:
    a, b = pretty(left), pretty(right)
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += _fold(
                [DiffRow(a[i], b[j1 + k], "same") for k, i in enumerate(range(i1, i2))],
                context,
                first=not rows,
                last=i2 == len(a),
            )
            continue
        removed, added = a[i1:i2], b[j1:j2]
        for k in range(max(len(removed), len(added))):
            l_text = removed[k] if k < len(removed) else ""
            r_text = added[k] if k < len(added) else ""
            if k >= len(removed):
                tag = "added"
            elif k >= len(added):
                tag = "removed"
            else:
                tag = "changed"
            rows.append(DiffRow(l_text, r_text, tag))
    return rows


def _fold(run: list[DiffRow], context: int, *, first: bool, last: bool) -> list[DiffRow]:
    """Keep `context` lines next to a change, fold the rest into one marker row."""
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if len(run) <= keep_head + keep_tail + 1:
        return run
    hidden = len(run) - keep_head - keep_tail
    marker = DiffRow(f"… {hidden} unchanged lines …", f"… {hidden} unchanged lines …", "folded")
    return [*run[:keep_head], marker, *run[len(run) - keep_tail :]]


def changed_count(rows: list[DiffRow]) -> int:
    return sum(r.tag in ("changed", "added", "removed") for r in rows)
