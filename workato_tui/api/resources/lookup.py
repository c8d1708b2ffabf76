"""Lookup tables and their rows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any

from ..core import BaseClient, Query
from ..models import LookupRow, LookupTable, Success
from ..pagination import (
    ROWS_PER_PAGE,
    TABLES_PER_PAGE,
    by_page_number,
)
from ._util import by_filters


class LookupMixin(BaseClient):
    async def list_lookup_tables(
        self, *, page: int = 1, per_page: int = TABLES_PER_PAGE
    ) -> list[LookupTable]:
        query = {"page": page, "per_page": per_page}
        return await self._many(LookupTable, "lookup_tables.list", query=query)

    def iter_lookup_tables(self, *, per_page: int = TABLES_PER_PAGE) -> AsyncIterator[LookupTable]:
        async def fetch(page: int, size: int) -> list[LookupTable]:
            return await self.list_lookup_tables(page=page, per_page=size)

        return by_page_number(fetch, min(per_page, TABLES_PER_PAGE))

    async def lookup_row(self, table_id: int, by: Mapping[str, object]) -> LookupRow:
        """The first row whose columns match `by` ({label: value}); NotFound when none does."""
        if not by:
            raise ValueError("lookup needs at least one column to match")
        return await self._one(
            LookupRow, "lookup_tables.lookup", {"table_id": table_id}, by_filters(by)
        )

    async def list_lookup_rows(
        self,
        table_id: int,
        *,
        page: int = 1,
        per_page: int = ROWS_PER_PAGE,
        by: Mapping[str, object] | None = None,
    ) -> list[LookupRow]:
        """One page of rows, optionally only those whose columns match `by`."""
        query: Query = {**by_filters(by), "page": page, "per_page": per_page}
        return await self._many(LookupRow, "lookup_rows.list", {"table_id": table_id}, query)

    def iter_lookup_rows(
        self,
        table_id: int,
        *,
        per_page: int = ROWS_PER_PAGE,
        by: Mapping[str, object] | None = None,
    ) -> AsyncIterator[LookupRow]:
        async def fetch(page: int, size: int) -> list[LookupRow]:
            return await self.list_lookup_rows(table_id, page=page, per_page=size, by=by)

        return by_page_number(fetch, min(per_page, ROWS_PER_PAGE))

    async def get_lookup_row(self, table_id: int, row_id: int) -> LookupRow:
        return await self._one(
            LookupRow, "lookup_rows.get", {"table_id": table_id, "row_id": row_id}
        )

    async def add_lookup_row(self, table_id: int, data: Mapping[str, Any]) -> LookupRow:
        """Add a row: `data` maps column labels to values."""
        return await self._one(
            LookupRow, "lookup_rows.create", {"table_id": table_id}, body={"data": dict(data)}
        )

    async def update_lookup_row(
        self, table_id: int, row_id: int, data: Mapping[str, Any]
    ) -> LookupRow:
        """Change the given columns of a row; the others keep their values."""
        return await self._one(
            LookupRow,
            "lookup_rows.update",
            {"table_id": table_id, "row_id": row_id},
            body={"data": dict(data)},
        )

    async def delete_lookup_row(self, table_id: int, row_id: int) -> Success:
        return await self._one(
            Success, "lookup_rows.delete", {"table_id": table_id, "row_id": row_id}
        )
