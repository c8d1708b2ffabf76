"""One error hierarchy for everything a call can go wrong with.

Every error carries what a person needs: what failed (`endpoint`), why (`message`, `details`),
what to do (`hint`, from the seed's status table) and the `correlation_id` support asks for.
`str(error)` is the full sentence a UI can show as it is. Tokens never appear here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from .refusals import StepProblem, step_problems


class WorkatoError(Exception):
    """Base of every error the client raises."""

    hint: ClassVar[str] = ""
    kind: ClassVar[str] = "error"

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        endpoint: str | None = None,
        method: str | None = None,
        path: str | None = None,
        correlation_id: str | None = None,
        error_id: str | None = None,
        details: list[str] | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.endpoint = endpoint
        self.method = method
        self.path = path
        self.correlation_id = correlation_id
        self.error_id = error_id
        self.details = details or []
        self.body = body

    @property
    def what(self) -> str:
        """The call that failed: `PUT /api/recipes/5/start`."""
        if self.method and self.path:
            return f"{self.method} {self.path}"
        return self.endpoint or "The request"

    outcome: ClassVar[str] = "failed"

    def describe(self) -> str:
        parts = [
            f"{self.what} {self.outcome}" + (f" ({self.status})" if self.status else "") + ":",
            self.message.rstrip(".") + ".",
        ]
        if self.details:
            parts.append("Details: " + "; ".join(self.details) + ".")
        if self.advice:
            parts.append(self.advice)
        if self.error_id:
            parts.append(f"Error id: {self.error_id}.")
        if self.correlation_id:
            parts.append(f"Correlation id: {self.correlation_id}.")
        return " ".join(parts)

    @property
    def advice(self) -> str:
        """What to do next (the hint, unless something more specific is known)."""
        return self.hint

    def __str__(self) -> str:
        return self.describe()


class BadRequest(WorkatoError):
    kind = "bad_request"
    hint = "Correct the named field and send it again."


class Unauthorized(WorkatoError):
    kind = "unauthorized"
    hint = (
        "Send a current API client token as an Authorization Bearer header"
        " (check the profile's token)."
    )


class Forbidden(WorkatoError):
    kind = "forbidden"
    hint = "Add the endpoint to the API client's role, or widen its project scopes, then retry."

    @property
    def privilege(self) -> str | None:
        """The privilege the client role lacks, when the server named it."""
        marker = "include '"
        if marker in self.message:
            return self.message.split(marker, 1)[1].split("'", 1)[0]
        return None


class NotFound(WorkatoError):
    kind = "not_found"
    hint = "Confirm the id, and that the token's projects include the resource."


class RateLimited(WorkatoError):
    kind = "rate_limited"
    hint = "Slow down to within the endpoint's limit and retry, or ask Workato to raise the limit."

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerError(WorkatoError):
    kind = "server_error"
    hint = "Retry after a short pause; quote the correlation id to Workato support if it persists."


class Refused(WorkatoError):
    """A 2xx answer with `success: false`: Workato did not do what was asked."""

    kind = "refused"
    outcome = "was refused"
    hint = "Fix what the details name, then try again."

    def __init__(
        self,
        message: str,
        *,
        errors: Any = None,
        code_errors: Any = None,
        config_errors: Any = None,
        **kw: Any,
    ) -> None:
        super().__init__(message, **kw)
        self.errors = errors
        self.code_errors = code_errors
        self.config_errors = config_errors

    @property
    def problems(self) -> list[StepProblem]:
        """The code and config problems, in one shape whatever layout the server used."""
        return step_problems("code", self.code_errors) + step_problems("config", self.config_errors)


class Timeout(WorkatoError):
    kind = "timeout"
    hint = "Workato did not answer in time; retry later."

    def __init__(self, message: str, *, write: bool = False, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.write = write  # a write that timed out is raised as `WriteTimeout`


class TransportError(WorkatoError):
    kind = "transport"
    hint = "Check the network connection and the base URL, then retry."


class Uncertain(WorkatoError):
    """A write went out and its answer was lost (no answer in time, or the connection broke
    after sending): the server may have applied it. It is never sent again blindly; check
    whether it landed first (the service does, where the API allows a check).

    `check` says what a check found, once one ran: None (not checked yet), or a sentence
    such as "checked: no recipe named 'X' in folder 12, so it was not applied"."""

    kind = "uncertain"
    hint = "It was not sent again: refresh and check whether it landed before sending it again."

    def __init__(self, message: str, *, check: str | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.check = check
        self.not_applied = False  # a check found it was not applied: sending again is safe
        self.sent_at: datetime | None = None  # when the first try went out (set by the caller)

    def checked_absent(self, check: str) -> None:
        """A check found it is not on the server."""
        self.check, self.not_applied = check, True

    @property
    def outcome(self) -> str:  # type: ignore[override]
        return "lost its answer" if self.not_applied else "may have been applied"

    @property
    def advice(self) -> str:
        return self.check or self.hint


class WriteTimeout(Uncertain, Timeout):
    """A write got no answer in time: it may have been applied (see `Uncertain`)."""

    kind = "uncertain"

    def __init__(self, message: str, *, check: str | None = None, **kw: Any) -> None:
        Timeout.__init__(self, message, write=True, **kw)
        self.check = check
        self.not_applied = False
        self.sent_at: datetime | None = None


class WriteDropped(Uncertain, TransportError):
    """The connection broke after a write was sent: it may have been applied."""

    kind = "uncertain"


class MalformedResponse(WorkatoError):
    kind = "malformed"
    hint = (
        "Workato answered with something that is not the expected JSON;"
        " retry, and report it if it persists."
    )


class PolicyRefused(WorkatoError):
    """The local access policy blocked the call before anything was sent."""

    kind = "policy"
    hint = "Change the profile's read_only / access settings to allow it."

    def __init__(self, message: str, *, rule: str, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.rule = rule

    def describe(self) -> str:
        return f"{self.what} was not sent: {self.message} (rule: {self.rule}). {self.hint}"
