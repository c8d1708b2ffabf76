"""How the API spells a few values the UI shows or sends: a customer's ref, a connection's
state. Light to import (no pydantic, no httpx): the list views format with them."""

from __future__ import annotations


def customer_ref(external_id: str) -> str:
    """How the API addresses a customer by external id: `E` + the id (URL-encoded on send)."""
    return "E" + external_id


def connection_state(status: str | None, authorized: bool = True) -> str:
    """Workato only sends `success`, `failed`, `exception` or null (decisions #28): null, or
    `success` without `authorized_at`, reads "disconnected"; `exception` reads "error"."""
    if status == "success":
        return "connected" if authorized else "disconnected"
    if status in (None, ""):
        return "disconnected"
    return "error" if status == "exception" else str(status)
