"""What a route handler receives, and the registry that maps endpoint ids to handlers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request

from ..api.endpoints import Endpoint
from ..api.ids import ascii_int
from .errors import bad_request, not_found
from .store import ApiClient, Record, Scope, Store, Workspace
from .validate import parse_time

FOLDER_ID_REQUIRED_FROM = datetime(2026, 5, 7, tzinfo=UTC)
BOOLEANS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


@dataclass
class Ctx:
    request: Request
    store: Store
    endpoint: Endpoint
    params: dict[str, str]
    client: ApiClient
    scope: Scope
    body: Any

    @property
    def workspace(self) -> Workspace:
        return self.store.workspace_of(self.client)

    # query parameters
    def query(self, name: str, default: str | None = None) -> str | None:
        return self.request.query_params.get(name, default)

    def query_list(self, name: str) -> list[str]:
        values = self.request.query_params.getlist(name) + self.request.query_params.getlist(
            name + "[]"
        )
        return [v for value in values for v in value.split(",") if v]

    def query_bool(self, name: str) -> bool | None:
        raw = self.query(name)
        if raw is None or raw == "":
            return None
        value = BOOLEANS.get(raw.strip().lower())
        if value is None:
            raise bad_request(f"{name} must be true or false", "invalid_parameter", name)
        return value

    def query_int(self, name: str, default: int) -> int:
        raw = self.query(name)
        if raw is None or raw == "":
            return default
        value = ascii_int(raw.strip(), signed=True)
        if value is None:
            raise bad_request(f"{name} must be an integer", "invalid_parameter", name)
        return value

    def query_id(self, name: str) -> int | None:
        """An optional id filter: None when absent, a 400 naming it when not an id."""
        raw = self.query(name)
        if raw is None or raw == "":
            return None
        value = ascii_int(raw.strip())
        if value is None:
            raise bad_request(f"{name} must be an id", "invalid_parameter", name)
        return value

    def query_time(self, name: str) -> datetime | None:
        """A time filter as aware UTC (decisions #30), or None when absent."""
        raw = self.query(name)
        return parse_time(name, raw) if raw else None

    def page(
        self, default_size: int, max_size: int, page_key: str = "page", size_key: str = "per_page"
    ) -> tuple[int, int]:
        """1-based page number and page size, clamped to the endpoint's maximum."""
        number = max(1, self.query_int(page_key, 1))  # third-party clients send page=0
        size = self.query_int(size_key, default_size)
        if size < 1:
            raise bad_request(f"{size_key} must be at least 1", "invalid_parameter", size_key)
        return number, min(size, max_size)

    def paginate(self, items: list[Any], default_size: int, max_size: int) -> list[Any]:
        number, size = self.page(default_size, max_size)
        start = (number - 1) * size
        return items[start : start + size]

    # path parameters
    def path_int(self, name: str, what: str = "Not found") -> int:
        value = ascii_int(self.params.get(name, ""))
        if value is None:
            raise not_found(what)
        return value

    # body fields
    def field(self, name: str, wrapper: str | None = None) -> Any:
        """A body field, accepting Rails-style wrapping (`{"recipe": {...}}`) or top level."""
        body = self.body if isinstance(self.body, dict) else {}
        if wrapper and isinstance(body.get(wrapper), dict) and name in body[wrapper]:
            return body[wrapper][name]
        return body.get(name)

    def require_folder_id(self, value: Any, *, integer_ok: bool = False) -> int | None:
        """The folder_id rule: required from 2026-05-07 on the emulator's clock; a string
        (an integer too where `integer_ok`: connection create, decisions #27)."""
        if value in (None, ""):
            if self.store.now() >= FOLDER_ID_REQUIRED_FROM:
                raise bad_request(
                    "folder_id is required: assets can no longer be created in the Home folder "
                    "(required since 2026-05-07)",
                    "missing_parameter",
                    "folder_id",
                )
            return None
        if integer_ok and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise bad_request("folder_id must be a String", "invalid_parameter", "folder_id")
        folder_id = ascii_int(value)
        if folder_id is None:
            raise bad_request("folder_id must be a folder id", "invalid_parameter", "folder_id")
        if folder_id == self.store.root_folder_id:
            raise bad_request(
                "can't be assigned to the root folder", "invalid_parameter", "folder_id"
            )
        folder = self.workspace.folders.get(folder_id)
        if not self.scope.allows(folder):
            raise not_found("Folder not found")
        return folder_id

    # scoped lookups
    def visible(self, records: dict[int, Record], record_id: int, what: str) -> Record:
        """A record the token may see, or 404 as if it did not exist (decisions #3)."""
        record = records.get(record_id)
        if not self.scope.allows(record):
            raise not_found(f"{what} not found")
        assert record is not None
        return record

    def visible_all(self, records: dict[int, Record]) -> list[Record]:
        return [r for r in records.values() if self.scope.allows(r)]


Handler = Callable[[Ctx], Awaitable[Any]]
HANDLERS: dict[str, Handler] = {}


def route(endpoint_id: str) -> Callable[[Handler], Handler]:
    """Register the handler for one endpoint of `workato_tui.api.endpoints`."""

    def register(handler: Handler) -> Handler:
        if endpoint_id in HANDLERS:
            raise RuntimeError(f"two handlers for {endpoint_id}")
        HANDLERS[endpoint_id] = handler
        return handler

    return register
