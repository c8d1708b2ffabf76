"""Shared helpers for the API client tests: a scripted httpx transport and canned replies."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

TOKEN = "wrkaus-secret-token-0123456789abcdef"
BASE = "https://www.workato.com"

Handler = Callable[[httpx.Request], Awaitable[httpx.Response] | httpx.Response]


def reply(
    status: int = 200,
    body: Any = None,
    *,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
) -> httpx.Response:
    """A response with a correlation id, JSON-encoding `body` unless `raw` is given."""
    content = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
    all_headers = {"x-correlation-id": "corr-1", "content-type": "application/json"}
    all_headers.update(headers or {})
    return httpx.Response(status, content=content, headers=all_headers)


class Script:
    """Answers requests from a queue of responses (the last one repeats) and records them."""

    def __init__(self, *answers: httpx.Response | Handler) -> None:
        self.answers = list(answers) or [reply(200, {})]
        self.requests: list[httpx.Request] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, httpx.Response):
            return answer
        result = answer(request)
        return await result if not isinstance(result, httpx.Response) else result

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]
