"""The base of every API model, lenient field types, and list/object envelope unwrapping."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from .ids import ascii_int


def _timestamp(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _loose_id(value: Any) -> Any:
    """Numeric strings become ints ("523144" -> 523144); "f660222" stays a string."""
    number = ascii_int(value)
    return value if number is None else number


Timestamp = Annotated[datetime | None, BeforeValidator(_timestamp)]
LooseId = Annotated[int | str | None, BeforeValidator(_loose_id)]


class ApiModel(BaseModel):
    # defer_build: a model's validator is built when it is first used, not at import (start-up
    # imports some 30 models and its first screen uses a few; see bench_startup.py)
    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True, defer_build=True)


class Success(ApiModel):
    """`{"success": true}` and the other acknowledgements (an empty 2xx counts as success)."""

    success: bool = True


# Envelopes ---------------------------------------------------------------------------------


class EnvelopeError(ValueError):
    """A 2xx body that holds no list where one was expected."""


def unwrap_list(body: Any) -> list[Any]:
    """The list in any envelope: a bare list, then `items`, `data`, `result`, `result.items`."""
    if isinstance(body, list):
        return body
    if isinstance(body, dict):
        for key in ("items", "data", "result"):
            if isinstance(body.get(key), list):
                return list(body[key])
        result = body.get("result")
        if isinstance(result, dict) and isinstance(result.get("items"), list):
            return list(result["items"])
    raise EnvelopeError("expected a list (bare, or under items, data, result or result.items)")


def unwrap_object(body: Any) -> Any:
    """A single record, bare or wrapped as `{"result": {...}}` / `{"data": {...}}`."""
    if isinstance(body, dict):
        for key in ("result", "data"):
            inner = body.get(key)
            if isinstance(inner, dict) and "id" not in body:
                return inner
    return body
