"""Errors a route raises, rendered in the bodies Workato uses (reference/decisions.md)."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An HTTP error answer: `{"message": ..., "errors": [...]}`."""

    def __init__(
        self,
        status: int,
        message: str,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        return body


def bad_request(message: str, code: str = "invalid_request", field: str | None = None) -> ApiError:
    """400 with the seed's `errors` array of `{code, title}`."""
    title = message if field is None else f"{field}: {message}"
    return ApiError(400, message, [{"code": code, "title": title}])


def not_found(what: str = "") -> ApiError:
    """404 for an unknown or out-of-scope asset. The body is always `{"message": "Not found"}`
    (decisions #35); `what` only names the asset for whoever reads the handler."""
    del what
    return ApiError(404, "Not found")


class Refused(Exception):
    """A write Workato refuses with HTTP 200 and `success: false` (decisions #4)."""

    def __init__(self, **details: Any) -> None:
        super().__init__("refused")
        self.details = details

    def body(self) -> dict[str, Any]:
        return {"success": False, **self.details}
