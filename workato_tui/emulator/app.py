"""The emulator as an ASGI app: auth, client roles, quotas, faults, then the route handler."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Send
from starlette.types import Scope as AsgiScope

from ..api.endpoints import match
from . import routes  # noqa: F401  (registers every handler)
from .clock import Clock
from .context import HANDLERS, Ctx
from .environments import settle_due
from .errors import ApiError, Refused
from .faults import AFTER_HANDLER, ConnectionDropped, FaultInjector, FaultRule
from .ratelimit import QuotaKeeper
from .store import ApiClient, Scope, SeenRequest, Store
from .validate import check_paging, read_json_body

log = logging.getLogger(__name__)

LEGACY_MESSAGE = (
    "Authentication with the x-user-token and x-user-email headers was removed on "
    "14 July 2025. Send an API client token as 'Authorization: Bearer <token>'."
)


class JSONBody(JSONResponse):
    media_type = "application/json; charset=utf-8"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _error(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    return JSONBody(body, status_code=status, headers=headers)


class EmulatorApp:
    """ASGI callable over one `Store`."""

    def __init__(
        self, store: Store, faults: FaultInjector | None = None, quotas: QuotaKeeper | None = None
    ) -> None:
        self.store = store
        self.faults = faults or FaultInjector()
        self.quotas = quotas or QuotaKeeper(store.clock)

    async def __call__(self, scope: AsgiScope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        correlation_id = uuid.uuid4().hex
        rule = self.faults.pick(request.method, request.url.path)
        if rule is not None and rule.kind in AFTER_HANDLER:
            response = await self._respond(request)
            response.headers["x-correlation-id"] = correlation_id
            await _lose_answer(rule, response, self.store.clock, scope, receive, send)
            return
        if rule is not None and await self._fault(rule, request, correlation_id, send):
            return
        response = await self._respond(request)
        response.headers["x-correlation-id"] = correlation_id
        await response(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _fault(
        self, rule: FaultRule, request: Request, correlation_id: str, send: Send
    ) -> bool:
        """Apply a fault; True when it answered (or broke) the request itself."""
        placeholder = self._record(request, None, None, 0 if rule.kind in ("hang", "drop") else 200)
        if rule.kind in ("latency", "hang"):
            await asyncio.sleep(rule.value or (1.0 if rule.kind == "latency" else 3600.0))
            self._forget(placeholder)
            return False
        headers = [(b"x-correlation-id", correlation_id.encode())]
        if rule.kind == "error500":
            placeholder.status = 500
            body = {"message": "Server error", "id": str(uuid.uuid4())}
            await _send_raw(send, 500, json.dumps(body).encode(), headers)
        elif rule.kind == "storm429":
            placeholder.status = 429
            retry_after = str(int(rule.value or 1))
            body = {"message": "Too many requests, please retry after the given time"}
            await _send_raw(
                send,
                429,
                json.dumps(body).encode(),
                [*headers, (b"retry-after", retry_after.encode())],
            )
        elif rule.kind == "malformed":
            await _send_raw(send, 200, b'{"items": [{"id": 1, "name": "trunc', headers)
        elif rule.kind == "drop":
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [*headers, (b"content-length", b"4096")],
                }
            )
            await send({"type": "http.response.body", "body": b'{"items":[', "more_body": True})
            raise ConnectionDropped(
                "the emulator dropped the connection (injected fault)", 200, headers
            )
        return True

    async def _respond(self, request: Request) -> Response:
        authorization = request.headers.get("authorization", "")
        found = match(
            request.method,
            request.scope.get("raw_path", b"").decode().split("?")[0] or request.url.path,
        )
        endpoint, params = found if found else (None, {})
        client = self._authenticate(authorization)
        if client is None:
            legacy = (
                request.headers.get("x-user-token")
                or request.headers.get("x-user-email")
                or request.query_params.get("user_token")
            )
            message = LEGACY_MESSAGE if legacy and not authorization else "Unauthorized"
            return self._answer(request, None, None, _error(401, {"message": message}))
        if endpoint is None:
            return self._answer(request, None, client, _error(404, {"message": "Not found"}))
        role = self.store.client_roles.get(client.role_id)
        if role is None or not role.allows(endpoint.id, endpoint.write):
            message = (
                f"Forbidden: the client role of API client '{client.record['name']}' does not "
                f"include '{endpoint.privilege}' ({endpoint.method} {endpoint.display_path})"
            )
            return self._answer(request, endpoint.id, client, _error(403, {"message": message}))
        retry_after = self.quotas.admit(client.token, endpoint)
        if retry_after is not None:
            body = {
                "message": f"Rate limit exceeded for {endpoint.method} "
                f"{endpoint.display_path}: {endpoint.quota.describe()}"
            }
            response = _error(429, body, {"Retry-After": str(retry_after)})
            return self._answer(request, endpoint.id, client, response)
        params = {k: unquote(v) for k, v in params.items()}
        try:
            check_paging(request)
            settle_due(self.store)
            body = await read_json_body(request)
            ctx = Ctx(
                request, self.store, endpoint, params, client, Scope(self.store, client), body
            )
            result = await HANDLERS[endpoint.id](ctx)
            response = result if isinstance(result, Response) else JSONBody(result)
        except ApiError as exc:
            response = _error(exc.status, exc.body(), exc.headers)
        except Refused as exc:
            response = JSONBody(exc.body())
        except Exception:
            log.exception("emulator handler failed for %s", endpoint.id)
            response = _error(500, {"message": "Server error", "id": str(uuid.uuid4())})
        return self._answer(request, endpoint.id, client, response, body_of(request))

    def _authenticate(self, authorization: str) -> ApiClient | None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return self.store.client_for_token(token.strip())

    def _answer(
        self,
        request: Request,
        endpoint_id: str | None,
        client: ApiClient | None,
        response: Response,
        body: Any = None,
    ) -> Response:
        self._record(request, endpoint_id, client, response.status_code, body)
        return response

    def _record(
        self,
        request: Request,
        endpoint_id: str | None,
        client: ApiClient | None,
        status: int,
        body: Any = None,
    ) -> SeenRequest:
        seen = SeenRequest(
            request.method,
            request.url.path,
            request.url.query,
            endpoint_id,
            client.id if client else None,
            status,
            body,
        )
        self.store.requests.append(seen)
        return seen

    def _forget(self, seen: SeenRequest) -> None:
        for i, entry in enumerate(self.store.requests):
            if entry is seen:
                del self.store.requests[i]
                return


async def _lose_answer(
    rule: FaultRule,
    response: Response,
    clock: Clock,
    scope: AsgiScope,
    receive: Receive,
    send: Send,
) -> None:
    """The handler ran (the change is made); now lose its answer: hold it past the client's
    timeout (`hang-after:N`, on the store's clock), or cut the connection mid-body."""
    if rule.kind == "hang-after":
        await clock.sleep(rule.value if rule.value is not None else 3600.0)
        await response(scope, receive, send)
        return
    headers = [(k, v) for k, v in response.raw_headers if k.lower() != b"content-length"] + [
        (b"content-length", str(len(response.body) + 64).encode())
    ]
    await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": response.body[:8], "more_body": True})
    raise ConnectionDropped(
        "the emulator dropped the connection after applying the request (injected fault)",
        response.status_code,
        headers,
    )


def body_of(request: Request) -> Any:
    return getattr(request.state, "json_body", None)


async def _send_raw(
    send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]
) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                *headers,
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
