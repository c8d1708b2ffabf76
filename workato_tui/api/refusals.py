"""The items of a start refusal (`code_errors`, `config_errors`), read into one shape.

Workato answers `PUT /api/recipes/:id/start` on a recipe that cannot start with
`{"success": false, "code_errors": [...], "config_errors": [...]}`. Each item is
`[step_number, [[field, value, message, {"key": ...}], ...]]` (decisions #26); older answers
used a flat `[provider, message, {"key": ...}]`, which is still read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StepProblem:
    """One thing that stops a recipe from starting."""

    kind: str  # "config" (a connection) or "code" (a step's fields)
    message: str
    step: int | None = None  # as the recipe editor numbers steps (trigger = 1)
    field: str | None = None  # e.g. "account_id"
    value: Any = None  # e.g. the connection id
    key: str | None = None  # Workato's message key
    provider: str | None = None  # only the flat layout names it

    def text(self) -> str:
        """A plain reading: "step 1: account_id unconnected (key)"."""
        where = f"step {self.step}" if self.step is not None else self.provider or self.kind
        body = f"{self.field or ''} {self.message}".strip()
        return f"{where}: {body}" + (f" ({self.key})" if self.key else "")


def step_problems(kind: str, items: Any) -> list[StepProblem]:
    """Every problem in a `code_errors` or `config_errors` list, in either layout."""
    if not isinstance(items, list):
        return []
    problems: list[StepProblem] = []
    for item in items:
        if _is_step_entry(item):
            step, fields = item
            problems.extend(_field_problem(kind, step, f) for f in fields)
        elif isinstance(item, list):
            problems.append(_flat_problem(kind, item))
        elif item not in (None, "", {}):
            problems.append(StepProblem(kind, _text(item)))
    return problems


def _is_step_entry(item: Any) -> bool:
    return (
        isinstance(item, list)
        and len(item) == 2
        and isinstance(item[0], int)
        and not isinstance(item[0], bool)
        and isinstance(item[1], list)
    )


def _field_problem(kind: str, step: int, field: Any) -> StepProblem:
    if not isinstance(field, list):
        return StepProblem(kind, _text(field), step=step)
    name = field[0] if field and isinstance(field[0], str) else None
    value = field[1] if len(field) > 1 else None
    message = field[2] if len(field) > 2 and isinstance(field[2], str) else ""
    key = _key(field[3:])
    return StepProblem(kind, message, step=step, field=name, value=value, key=key)


def _flat_problem(kind: str, item: list[Any]) -> StepProblem:
    texts = [str(p) for p in item if isinstance(p, (str, int)) and not isinstance(p, bool)]
    provider = texts[0] if len(texts) > 1 else None
    message = " ".join(texts[1:] if provider else texts)
    return StepProblem(kind, message, provider=provider, key=_key(item))


def _key(parts: list[Any]) -> str | None:
    for part in parts:
        if isinstance(part, dict) and (part.get("key") or part.get("code")):
            return str(part.get("key") or part.get("code"))
    return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, default=str)
