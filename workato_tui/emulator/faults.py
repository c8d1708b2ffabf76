"""Fault injection by method and path pattern: latency, 500s, 429 storms, hangs, drops, bad JSON.

Most faults fire before the route handler, so nothing is applied. Two fire after it, so the
change is made and only the answer is lost: `drop-after` (the headers go out, then the
connection is cut mid-body) and `hang-after:N` (the answer is held N seconds on the store's
clock, past the client's timeout).

In process: `emulator.faults.add("/api/recipes*", "error500", times=2)`.
On the command line: `--fault "[METHOD ]PATTERN=KIND[:VALUE][xTIMES]"`, for example
`--fault "PUT /api/recipes/*=latency:2"`, `--fault "/api/connections=storm429:5x3"` or
`--fault "POST /api/recipes=drop-after"`.
"""

from __future__ import annotations

import asyncio
import fnmatch
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx

from ..api.ids import ascii_int

KINDS = ("latency", "error500", "storm429", "hang", "drop", "malformed", "drop-after", "hang-after")
AFTER_HANDLER = ("drop-after", "hang-after")  # the handler runs: the change is applied


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised mid-response: in process the client sees it as a dropped connection; over HTTP
    the server closes the socket before the promised body length was sent.

    `status` and `headers` are what already went out, so the in-process transport can hand the
    client a response whose body breaks, as a real socket would."""

    def __init__(
        self,
        message: str,
        status: int | None = None,
        headers: list[tuple[bytes, bytes]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or []


class _BrokenBody(httpx.AsyncByteStream):
    """A body that breaks after the headers arrived (the connection dropped mid-answer)."""

    def __init__(self, error: ConnectionDropped) -> None:
        self.error = error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        raise httpx.RemoteProtocolError(str(self.error))
        yield b""  # pragma: no cover  (makes this an async generator)


class EmulatorTransport(httpx.ASGITransport):
    """The in-process transport: like httpx's, but as over a real socket the answer arrives in
    a later turn of the event loop than the request was sent in (so the emulator's work and the
    client's reading of the answer are not one long step: a UI streaming pages stays
    responsive), and a drop after the headers were sent gives the client those headers and a
    body that breaks."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await super().handle_async_request(request)
            await asyncio.sleep(0)  # the answer travels
            return response
        except ConnectionDropped as dropped:
            if dropped.status is None:
                raise
            headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in dropped.headers]
            return httpx.Response(
                dropped.status, headers=headers, stream=_BrokenBody(dropped), request=request
            )


@dataclass
class FaultRule:
    pattern: str
    kind: str
    value: float | None = None
    times: int | None = None  # None: every matching request
    method: str | None = None
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        if self.method and self.method.upper() != method.upper():
            return False
        return fnmatch.fnmatchcase(path, self.pattern)

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.hits >= self.times


class FaultInjector:
    def __init__(self) -> None:
        self.rules: list[FaultRule] = []

    def add(
        self,
        pattern: str,
        kind: str,
        value: float | None = None,
        times: int | None = None,
        method: str | None = None,
    ) -> FaultRule:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {', '.join(KINDS)}")
        rule = FaultRule(pattern, kind, value, times, method)
        self.rules.append(rule)
        return rule

    def add_spec(self, spec: str) -> FaultRule:
        rule = parse_spec(spec)
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        self.rules.clear()

    def pick(self, method: str, path: str) -> FaultRule | None:
        for rule in self.rules:
            if not rule.exhausted and rule.matches(method, path):
                rule.hits += 1
                return rule
        return None


def parse_spec(spec: str) -> FaultRule:
    """`[METHOD ]PATTERN=KIND[:VALUE][xTIMES]` -> FaultRule."""
    target, sep, action = spec.partition("=")
    if not sep or not target.strip() or not action.strip():
        raise ValueError(f"fault spec {spec!r} is not [METHOD ]PATTERN=KIND[:VALUE][xTIMES]")
    parts = target.split()
    method, pattern = (parts[0], parts[1]) if len(parts) == 2 else (None, parts[0])
    times: int | None = None
    head, _, count = action.rpartition("x")
    if "x" in action.split(":")[-1] and ascii_int(count) is not None:
        action, times = head, ascii_int(count)
    kind, _, raw_value = action.partition(":")
    if kind not in KINDS:
        raise ValueError(
            f"unknown fault kind {kind!r} in {spec!r}; expected one of {', '.join(KINDS)}"
        )
    try:
        value = float(raw_value) if raw_value else None
    except ValueError as exc:
        raise ValueError(f"fault value {raw_value!r} in {spec!r} is not a number") from exc
    return FaultRule(pattern, kind, value, times, method)
