"""Turning an HTTP answer into JSON or into the right `WorkatoError` (reference/decisions.md).

Status mapping: 400/422 -> BadRequest, 401 -> Unauthorized, 403 -> Forbidden, 404 -> NotFound,
429 -> RateLimited, 5xx -> ServerError; any 2xx with `success: false` -> Refused; a 2xx body
that is not JSON -> MalformedResponse. Error bodies of every known shape become readable
`details` strings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from .errors import (
    BadRequest,
    Forbidden,
    MalformedResponse,
    NotFound,
    RateLimited,
    Refused,
    ServerError,
    Unauthorized,
    WorkatoError,
)
from .refusals import step_problems

_BY_STATUS: dict[int, type[WorkatoError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    422: BadRequest,
}


@dataclass(frozen=True)
class CallInfo:
    """What every error names: which call it was."""

    endpoint: str
    method: str
    path: str

    def context(self, response: httpx.Response | None = None) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "method": self.method,
            "path": self.path,
            "status": response.status_code if response is not None else None,
            "correlation_id": response.headers.get("x-correlation-id") if response else None,
        }


def decode(response: httpx.Response, call: CallInfo) -> Any:
    """The JSON body of a successful answer (None when empty), or raise the matching error."""
    if 200 <= response.status_code < 300:
        body = _success_body(response, call)
        if isinstance(body, dict) and body.get("success") is False:
            raise refused(body, call.context(response))
        return body
    raise error_for(response, call)


def _success_body(response: httpx.Response, call: CallInfo) -> Any:
    raw = response.content
    if response.status_code == 204 or not raw.strip():
        return None
    try:
        return json.loads(raw)
    except ValueError:
        raise MalformedResponse(
            f"the answer is not valid JSON ({len(raw)} bytes, starting {raw[:40]!r})",
            **call.context(response),
        ) from None


def _error_body(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return response.text[:500]


def error_for(response: httpx.Response, call: CallInfo) -> WorkatoError:
    """The error an unsuccessful status stands for."""
    status = response.status_code
    body = _error_body(response)
    context = call.context(response)
    message = message_of(body) or response.reason_phrase or f"HTTP {status}"
    details = readable(body.get("errors")) if isinstance(body, dict) else []
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        return RateLimited(message, retry_after=retry_after, details=details, body=body, **context)
    if status >= 500:
        error_id = body.get("id") if isinstance(body, dict) else None
        return ServerError(
            message,
            error_id=str(error_id) if error_id else None,
            details=details,
            body=body,
            **context,
        )
    cls = _BY_STATUS.get(status, BadRequest if 400 <= status < 500 else WorkatoError)
    return cls(message, details=details, body=body, **context)


def refused(body: dict[str, Any], context: dict[str, Any]) -> Refused:
    """A 2xx with `success: false`: what Workato would not do, and why."""
    details = (
        readable(body.get("errors"))
        + code_error_details(body.get("code_errors"))
        + config_error_details(body.get("config_errors"))
    )
    message = message_of(body) or "Workato refused the request"
    return Refused(
        message,
        errors=body.get("errors"),
        code_errors=body.get("code_errors"),
        config_errors=body.get("config_errors"),
        details=details,
        body=body,
        **context,
    )


def message_of(body: Any) -> str | None:
    if isinstance(body, dict):
        for key in ("message", "error", "title"):
            if isinstance(body.get(key), str) and body[key].strip():
                return str(body[key]).strip()
    if isinstance(body, str) and body.strip() and not body.lstrip().startswith("<"):
        return body.strip()[:200]
    return None


def readable(errors: Any, prefix: str = "") -> list[str]:
    """`errors` in any shape -> ["field: message", ...]: a list of `{code, title}`, a
    `{field: [msg]}` or `{field: msg}` mapping, or plain strings."""
    lead = f"{prefix}: " if prefix else ""
    if errors is None or errors == [] or errors == {}:
        return []
    if isinstance(errors, str):
        return [lead + errors]
    if isinstance(errors, dict):
        if any(k in errors for k in ("title", "message", "code", "key")):
            return [lead + _one_error(errors)]
        return [f"{lead}{field}: {_join(value)}" for field, value in errors.items()]
    if isinstance(errors, list):
        return [lead + _one_error(item) for item in errors]
    return [lead + str(errors)]


def _one_error(item: Any) -> str:
    if isinstance(item, dict):
        text = item.get("title") or item.get("message") or item.get("detail")
        code = item.get("code") or item.get("key") or item.get("type_id")
        if text and code:
            return f"{text} ({code})"
        if text or code:
            return str(text or code)
        return ", ".join(f"{k}: {_join(v)}" for k, v in item.items())
    if isinstance(item, list):
        return " ".join(_one_error(part) for part in item if part not in (None, "", [], {}))
    return str(item)


def _join(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_one_error(v) for v in value)
    return _one_error(value)


def code_error_details(code_errors: Any) -> list[str]:
    """`[[step_no, [[field, value, message, {key}], ...]], ...]` to
    "step 3: field value message"."""
    if not isinstance(code_errors, list):
        return readable(code_errors)
    return [p.text() for p in step_problems("code", code_errors)]


def config_error_details(config_errors: Any) -> list[str]:
    """Either layout (decisions #26) -> "step 1: account_id 32148 unconnected (key)", or
    "salesforce: message (key)" for the flat one."""
    if not isinstance(config_errors, list):
        return readable(config_errors)
    return [p.text() for p in step_problems("config", config_errors)]


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After in seconds, from delta-seconds or an HTTP date."""
    if value is None or not value.strip():
        return None
    try:
        return max(0.0, float(value.strip()))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
