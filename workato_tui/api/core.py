"""The engine under `WorkatoClient`: one shared httpx client, the send loop with policy hook,
rate limiter, retries and per-attempt call records, and typed decoding of answers.

The resource mixins in `api/resources/` build on `BaseClient._one`, `_many`, `_call`
and `_request`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
from pydantic import BaseModel, SecretStr, ValidationError

from .. import __version__
from .calls import BeforeSend, CallRecord, OnCall, detail_of, outcome_of
from .endpoints import BY_ID, Endpoint
from .errors import (
    MalformedResponse,
    PolicyRefused,
    RateLimited,
    Timeout,
    WorkatoError,
    WriteTimeout,
)
from .exchange import Exchange, report_wait, transport_error, unless_cancelled
from .hosts import base_url_for, check_base_url
from .limiter import RateLimiter
from .models import EnvelopeError, unwrap_list, unwrap_object
from .responses import CallInfo, decode
from .retry import ReadRetry, RetryPolicy, WriteRetry

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
Scalar = str | int | float | bool | datetime
QueryValue = Scalar | Sequence[str | int] | None
Query = Mapping[str, QueryValue]
Sleep = Callable[[float], Awaitable[None]]

REQUEST_TIMEOUT = 40.0  # Workato's documented server-side limit
CONNECT_TIMEOUT = 5.0
USER_AGENT = f"workato-tui/{__version__}"


@dataclass(frozen=True)
class Reply:
    """A successful answer: the decoded JSON body (None when empty) and where it came from."""

    body: Any
    status: int
    correlation_id: str | None
    call: CallInfo

    def context(self) -> dict[str, Any]:
        return {
            "endpoint": self.call.endpoint,
            "method": self.call.method,
            "path": self.call.path,
            "status": self.status,
            "correlation_id": self.correlation_id,
        }


def encode_query(query: Query | None) -> list[tuple[str, str]]:
    """Query pairs: None dropped, bools as true/false, sequences repeated, datetimes as ISO Z."""
    pairs: list[tuple[str, str]] = []
    for key, value in (query or {}).items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend((key, str(v)) for v in value)
        else:
            pairs.append((key, _scalar(value)))
    return pairs


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def _query_record(pairs: list[tuple[str, str]]) -> dict[str, str]:
    record: dict[str, str] = {}
    for key, value in pairs:
        record[key] = f"{record[key]},{value}" if key in record else value
    return record


def _checked_token(token: str | SecretStr) -> str:
    value = (token.get_secret_value() if isinstance(token, SecretStr) else token).strip()
    if not value:
        raise ValueError("an API token is required")
    if not value.isascii() or not value.isprintable() or " " in value:
        raise ValueError("the API token contains characters an HTTP header cannot carry")
    return value


def _validation_summary(exc: ValidationError) -> str:
    """Where validation failed, without the input values (they could hold secrets)."""
    problems = exc.errors(include_input=False, include_url=False)
    parts = [".".join(str(p) for p in e["loc"]) + ": " + e["msg"] for e in problems[:3]]
    more = f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
    return "unexpected answer shape: " + "; ".join(parts) + more


class BaseClient:
    """Holds the connection and sends calls; see `WorkatoClient` for the endpoint methods."""

    def __init__(
        self,
        token: str | SecretStr,
        *,
        base_url: str | None = None,
        data_center: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = REQUEST_TIMEOUT,
        connect_timeout: float = CONNECT_TIMEOUT,
        limiter: RateLimiter | None = None,
        read_retry: RetryPolicy | None = None,
        write_retry: RetryPolicy | None = None,
        sleep: Sleep | None = None,
        before_send: BeforeSend | None = None,
        on_call: OnCall | None = None,
        wall_time: Callable[[], datetime] | None = None,
    ) -> None:
        if (base_url is None) == (data_center is None):
            raise ValueError("give exactly one of base_url or data_center")
        self.base_url = check_base_url(
            base_url if base_url is not None else base_url_for(data_center or "")
        )
        self.timeout = timeout
        self.limiter = limiter or RateLimiter()
        self.read_retry: RetryPolicy = read_retry or ReadRetry()
        self.write_retry: RetryPolicy = write_retry or WriteRetry()
        self._sleep: Sleep = sleep or (limiter.sleep if limiter else asyncio.sleep)
        self._before_send = before_send
        self._on_call = on_call
        self._wall_time = wall_time or (lambda: datetime.now(UTC))
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={
                "Authorization": f"Bearer {_checked_token(token)}",
                "Accept": "application/json",
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
            },
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(connect_timeout, timeout)),
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    def wall_now(self) -> datetime:
        """The client's wall clock (the injected one in tests), for "since when" checks."""
        return self._wall_time()

    # sending ----------------------------------------------------------------------------

    async def _request(
        self,
        endpoint_id: str,
        path: Mapping[str, object] | None = None,
        query: Query | None = None,
        body: Any = None,
    ) -> Reply:
        """Send one call and return the decoded answer."""
        return await self._call(_as_reply, endpoint_id, path, query, body)

    async def _call(
        self,
        parse: Callable[[Reply], T],
        endpoint_id: str,
        path: Mapping[str, object] | None = None,
        query: Query | None = None,
        body: Any = None,
    ) -> T:
        """Send one call (with retries per the endpoint's policy), decode the answer and
        `parse` it; a parse failure (MalformedResponse) counts against that attempt."""
        endpoint = BY_ID[endpoint_id]
        call = CallInfo(endpoint.id, endpoint.method, endpoint.url(**(path or {})))
        pairs = encode_query(query)
        self._check_policy(endpoint, call, pairs)
        policy = self.write_retry if endpoint.write else self.read_retry
        attempt, waited = 0, 0.0
        while True:
            attempt += 1
            await self.limiter.acquire(endpoint)
            started, clock = self._wall_time(), time.perf_counter()
            try:
                response = await self._send_once(endpoint, call, pairs, body)
                correlation_id = response.headers.get("x-correlation-id")
                reply = Reply(decode(response, call), response.status_code, correlation_id, call)
                result = parse(reply)
            except WorkatoError as error:
                delay = unless_cancelled(policy.delay(error, attempt, waited), error)
                if isinstance(error, RateLimited):
                    self.limiter.penalize(endpoint, error.retry_after or delay or 0.0)
                self._emit(
                    call,
                    pairs,
                    started,
                    clock,
                    attempt,
                    error.status,
                    error.correlation_id,
                    error,
                    delay,
                )
                if delay is None:
                    raise
                report_wait(delay, endpoint, error)
                await self._sleep(delay)
                waited += delay
                continue
            self._emit(
                call, pairs, started, clock, attempt, reply.status, correlation_id, None, None
            )
            return result

    async def _send_once(
        self, endpoint: Endpoint, call: CallInfo, pairs: list[tuple[str, str]], body: Any
    ) -> httpx.Response:
        """One exchange. A write whose answer is lost after it went out (no answer in time,
        or the connection broke) raises `Uncertain`; the correlation id is kept when the
        headers arrived."""
        request = self._http.build_request(
            endpoint.method, call.path, params=tuple(pairs), json=body if endpoint.write else None
        )
        exchange = Exchange()
        sent_at, real_start = self.limiter.now(), time.monotonic()
        try:
            # ASGI transports ignore httpx timeouts, so the whole exchange is also bounded here.
            async with asyncio.timeout(self.timeout):
                response = await exchange.run(self._http, request)
        except (TimeoutError, httpx.TimeoutException) as exc:
            kind = WriteTimeout if endpoint.write else Timeout
            context = {**call.context(), "correlation_id": exchange.correlation_id}
            raise kind(f"no answer within {self.timeout:g} s", **context) from exc
        except httpx.TransportError as exc:
            raise transport_error(exc, endpoint, call, exchange) from exc
        late = self.limiter.now() - sent_at > self.timeout
        if late and time.monotonic() - real_start < self.timeout:
            # Only on a virtual clock (tests) can an answer arrive after the timeout without
            # the real timeout firing; a real client would have given up, so this does too.
            kind = WriteTimeout if endpoint.write else Timeout
            context = {**call.context(), "correlation_id": exchange.correlation_id}
            raise kind(f"no answer within {self.timeout:g} s", **context)
        return response

    def _check_policy(
        self, endpoint: Endpoint, call: CallInfo, pairs: list[tuple[str, str]]
    ) -> None:
        if self._before_send is None:
            return
        started, clock = self._wall_time(), time.perf_counter()
        try:
            self._before_send(endpoint)
        except PolicyRefused as error:
            error.endpoint = error.endpoint or call.endpoint
            error.method = error.method or call.method
            error.path = error.path or call.path
            self._emit(call, pairs, started, clock, 0, None, None, error, None)
            raise

    def _emit(
        self,
        call: CallInfo,
        pairs: list[tuple[str, str]],
        started: datetime,
        clock: float,
        attempt: int,
        status: int | None,
        correlation_id: str | None,
        error: WorkatoError | None,
        retry_in: float | None,
    ) -> None:
        if self._on_call is None:
            return
        self._on_call(
            CallRecord(
                started_at=started,
                method=call.method,
                path=call.path,
                query=_query_record(pairs),
                endpoint_id=call.endpoint,
                status=status,
                duration_ms=(time.perf_counter() - clock) * 1000.0,
                correlation_id=correlation_id,
                outcome=outcome_of(error),
                attempt=attempt,
                error=error.kind if error is not None else None,
                retry_in=retry_in,
                detail=detail_of(error),
            )
        )

    # decoding ---------------------------------------------------------------------------

    async def _one(
        self,
        model: type[M],
        endpoint_id: str,
        path: Mapping[str, object] | None = None,
        query: Query | None = None,
        body: Any = None,
    ) -> M:
        """Call and validate a single record (bare, or wrapped in result/data)."""

        def parse(reply: Reply) -> M:
            data = unwrap_object(reply.body)
            return validate(model, {} if data is None else data, reply)

        return await self._call(parse, endpoint_id, path, query, body)

    async def _many(
        self,
        model: type[M],
        endpoint_id: str,
        path: Mapping[str, object] | None = None,
        query: Query | None = None,
    ) -> list[M]:
        """Call and validate a list, whatever its envelope."""

        def parse(reply: Reply) -> list[M]:
            return [validate(model, item, reply) for item in list_of(reply)]

        return await self._call(parse, endpoint_id, path, query)


def _as_reply(reply: Reply) -> Reply:
    return reply


def list_of(reply: Reply) -> list[Any]:
    """The list in the reply's body, whatever its envelope (else MalformedResponse)."""
    try:
        return unwrap_list(reply.body)
    except EnvelopeError as exc:
        raise MalformedResponse(str(exc), **reply.context()) from None


def validate(model: type[M], data: Any, reply: Reply) -> M:
    """Validate `data` from `reply`, turning a shape mismatch into MalformedResponse."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise MalformedResponse(_validation_summary(exc), **reply.context()) from None
