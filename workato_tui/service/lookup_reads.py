"""Lookup rows read as they are on the server now: what a save compares its edits with.

Around the cache on purpose (a save must not compare with a copy up to 30 s old), but through
the gateway, so a 403 is remembered like any other. `lookup/` reads through this, never
through the client.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..api.pagination import ROWS_PER_PAGE

if TYPE_CHECKING:
    from ..api.models import LookupRow
    from .gateway import Gateway


class FreshLookupRows:
    def __init__(self, gateway: Gateway) -> None:
        self._gateway = gateway

    async def list_lookup_rows(
        self,
        table_id: int,
        *,
        page: int = 1,
        per_page: int = ROWS_PER_PAGE,
        by: Mapping[str, object] | None = None,
    ) -> list[LookupRow]:
        client = self._gateway.client
        return await self._gateway.guard(
            client.list_lookup_rows(table_id, page=page, per_page=per_page, by=by)
        )

    async def get_lookup_row(self, table_id: int, row_id: int) -> LookupRow:
        return await self._gateway.guard(self._gateway.client.get_lookup_row(table_id, row_id))
