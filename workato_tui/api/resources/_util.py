"""Small helpers shared by the resource mixins."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..ids import as_id


def id_string(value: int | str | None) -> str | None:
    """Workato wants folder ids in bodies as strings ("Must be a String")."""
    return None if value is None else str(value)


def folder_number(value: int | str | None) -> int | str | None:
    """Connection create takes `folder_id` as an integer, as Workato's own clients send it
    (decisions #27); a non-numeric value is sent as it is, for the server to judge."""
    number = as_id(value)
    return value if number is None else number


def json_text(value: str | Sequence[Any] | Mapping[str, Any] | None) -> str | None:
    """Recipe `code` and `config` travel as JSON-encoded strings."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)


def csv(value: str | Sequence[str] | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return ",".join(value)


def compact(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that were given (None means "leave out")."""
    return {k: v for k, v in fields.items() if v is not None}


def by_filters(by: Mapping[str, object] | None) -> dict[str, str]:
    """`{"code": "US"}` -> `{"by[code]": "US"}` (lookup-table column filters)."""
    return {f"by[{column}]": str(value) for column, value in (by or {}).items()}
