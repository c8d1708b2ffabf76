"""One exchange on the wire, and what the send loop reports about retry waits.

`Exchange` reads the headers first and then the body, so a connection that breaks mid-answer
still names its correlation id. `transport_error` tells a write that may have been applied
(`WriteDropped`: it went out) from a connection never made (a plain `TransportError`).
"""

from __future__ import annotations

import httpx

from .endpoints import Endpoint
from .errors import RateLimited, TransportError, WorkatoError, WriteDropped
from .responses import CallInfo
from .retry import current_watch


class Exchange:
    """Sends a request and reads its body, remembering the correlation id once the headers
    are in (so a break mid-body still names it)."""

    def __init__(self) -> None:
        self.correlation_id: str | None = None

    async def run(self, http: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
        response = await http.send(request, stream=True)
        self.correlation_id = response.headers.get("x-correlation-id")
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response


def transport_error(
    exc: httpx.TransportError, endpoint: Endpoint, call: CallInfo, exchange: Exchange
) -> WorkatoError:
    detail = str(exc) or type(exc).__name__
    context = {**call.context(), "correlation_id": exchange.correlation_id}
    never_sent = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))
    if endpoint.write and not never_sent:
        return WriteDropped(f"the connection broke after sending: {detail}", **context)
    return TransportError(f"the connection failed: {detail}", **context)


def unless_cancelled(delay: float | None, error: WorkatoError) -> float | None:
    """No more retries once the watching bulk work was cancelled."""
    watch = current_watch()
    if delay is not None and watch and watch.cancelled and watch.cancelled():
        return None
    return delay


def report_wait(delay: float, endpoint: Endpoint, error: WorkatoError) -> None:
    watch = current_watch()
    if watch and watch.on_wait and isinstance(error, RateLimited):
        name = [p for p in endpoint.display_path.split("/") if p and not p.startswith(":")][-1]
        quota = endpoint.quota
        rate = f"{quota.limit}/s" if quota.per_seconds == 1 else f"{quota.limit}/min"
        watch.on_wait(f"waiting {delay:g} s: {name} {rate}")
