"""Request checks that run before any route handler, so hostile input gets a 4xx, never a 5xx.

- Bodies: at most `MAX_BODY_BYTES` (413 past it); a write with a body must say it is JSON
  (`Content-Type: application/json`, else 415); the JSON must parse, hold no `NaN`/`Infinity`
  and nest at most `MAX_JSON_DEPTH` levels (else 400).
- Paging: `page`, `per_page` and `page[size]` must be integers wherever they are sent;
  `per_page`/`page[size]` below 1 is a 400 on every endpoint; a `page` below 1 reads as 1
  (third-party clients send `page=0`).
- Times: `parse_time` reads a time filter as ISO 8601; without an offset it is UTC, a date
  alone is midnight UTC (decisions #30), anything else is a 400 naming the parameter.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

from starlette.requests import Request

from ..api.ids import ascii_int
from .errors import ApiError, bad_request

MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_JSON_DEPTH = 64
SIZE_PARAMETERS = ("per_page", "page[size]")
JSON_TYPES = ("application/json",)


async def read_json_body(request: Request) -> Any:
    """The request's JSON body ({} when empty), or an ApiError saying what is wrong with it."""
    declared = ascii_int(request.headers.get("content-length", ""))
    if declared is not None and declared > MAX_BODY_BYTES:
        raise _too_large()
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise _too_large()
    if not raw.strip():
        request.state.json_body = {}
        return {}
    _require_json_type(request)
    parsed = _parse(raw)
    request.state.json_body = parsed
    return parsed


def _too_large() -> ApiError:
    return ApiError(
        413,
        f"Request body too large: at most {MAX_BODY_BYTES} bytes",
        [{"code": "payload_too_large", "title": f"The body exceeds {MAX_BODY_BYTES} bytes"}],
    )


def _require_json_type(request: Request) -> None:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media in JSON_TYPES or media.endswith("+json"):
        return
    raise ApiError(
        415,
        "Unsupported content type: send the body as application/json",
        [{"code": "unsupported_media_type", "title": f"Content-Type {media or '(none)'}"}],
    )


def _malformed(title: str) -> ApiError:
    return ApiError(
        400, "Malformed JSON in request body", [{"code": "malformed_json", "title": title}]
    )


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse(raw: bytes) -> Any:
    try:
        parsed = json.loads(raw, parse_constant=_no_constants)
    except RecursionError:
        raise _malformed(f"The body nests deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError as error:  # includes UnicodeDecodeError
        title = str(error) if "is not valid JSON" in str(error) else "The body is not valid JSON"
        raise _malformed(title) from None
    if _depth(parsed) > MAX_JSON_DEPTH:
        raise _malformed(f"The body nests deeper than {MAX_JSON_DEPTH} levels")
    return parsed


def _depth(value: Any) -> int:
    """How many arrays/objects deep `value` goes (iterative: no recursion limit to hit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def check_paging(request: Request) -> None:
    """One rule for page sizes on every endpoint (see the module docstring)."""
    params = request.query_params
    for name in ("page", *SIZE_PARAMETERS):
        for raw in params.getlist(name):
            if raw == "":
                continue
            value = ascii_int(raw, signed=True)
            if value is None:
                raise bad_request(f"{name} must be an integer", "invalid_parameter", name)
            if name in SIZE_PARAMETERS and value < 1:
                raise bad_request(f"{name} must be at least 1", "invalid_parameter", name)


def parse_time(name: str, raw: str) -> datetime:
    """A time filter as an aware UTC datetime, or a 400 naming the parameter."""
    text = raw.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), UTC)
        moment = datetime.fromisoformat(text)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise bad_request(
            f"{name} must be an ISO 8601 time (YYYY-MM-DDTHH:MM:SSZ) or a date (YYYY-MM-DD)",
            "invalid_parameter",
            name,
        ) from None
