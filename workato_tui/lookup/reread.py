"""Re-reading rows before saving, in as few requests as the quota allows.

Row endpoints are limited to 60 requests a minute each, so the check for changes by others
must be frugal. A row's page is known from where it sat when the table was loaded; when the
changed rows fall on fewer pages (1000 rows each) than there are rows, the pages are listed
and only rows that moved off their page (someone deleted rows above them) are fetched one by
one. Otherwise each row is fetched on its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..api.errors import NotFound
from ..api.pagination import ROWS_PER_PAGE
from .rows import Values, cell

if TYPE_CHECKING:
    from ..service.lookup_reads import FreshLookupRows

PER_PAGE = ROWS_PER_PAGE  # rows fall on pages of this size when the table is loaded


@dataclass(frozen=True)
class ReadPlan:
    pages: tuple[int, ...] = ()  # page numbers to list
    gets: tuple[int, ...] = ()  # row ids to fetch one by one
    full_scan: bool = False  # list every page until a short one (row get not allowed)

    @property
    def requests(self) -> int:
        """Requests the plan takes if no row moved (a full scan: at least its pages)."""
        return len(self.pages) + len(self.gets)


def plan_reads(
    keys: Sequence[int],
    positions: Mapping[int, int],
    *,
    total_rows: int,
    per_page: int = PER_PAGE,
    can_get: bool = True,
) -> ReadPlan:
    """The cheapest way to re-read `keys`, given each row's index when it was loaded."""
    if not keys:
        return ReadPlan()
    if not can_get:
        pages = max(1, -(-total_rows // per_page))
        return ReadPlan(tuple(range(1, pages + 1)), (), full_scan=True)
    listed = sorted({positions[k] // per_page + 1 for k in keys if k in positions})
    unplaced = tuple(k for k in keys if k not in positions)
    if len(listed) + len(unplaced) < len(keys):
        return ReadPlan(tuple(listed), unplaced)
    return ReadPlan((), tuple(keys))


class RowReader:
    """Carries out a `ReadPlan`; counts the requests it sends."""

    def __init__(
        self,
        client: FreshLookupRows,
        table_id: int,
        columns: Sequence[str],
        per_page: int = PER_PAGE,
    ) -> None:
        self.client = client
        self.table_id = table_id
        self.columns = list(columns)
        self.per_page = per_page
        self.requests = 0
        self._last_page_size = 0

    async def read(self, plan: ReadPlan, keys: Sequence[int]) -> dict[int, Values | None]:
        """Current values of `keys` on the server (None: the row no longer exists)."""
        wanted = set(keys)
        found: dict[int, Values | None] = {}
        for page in plan.pages:
            found.update(await self._page(page, wanted))
        if plan.full_scan:
            found.update(await self._rest_of_scan(plan, wanted))
            return {k: found.get(k) for k in keys}
        for key in [*plan.gets, *(k for k in keys if k not in found and k not in plan.gets)]:
            found[key] = await self._one(key)
        return {k: found.get(k) for k in keys}

    async def _page(self, page: int, wanted: set[int]) -> dict[int, Values | None]:
        self.requests += 1
        rows = await self.client.list_lookup_rows(self.table_id, page=page, per_page=self.per_page)
        self._last_page_size = len(rows)
        return {r.id: self._values(r.data) for r in rows if r.id in wanted}

    async def _rest_of_scan(self, plan: ReadPlan, wanted: set[int]) -> dict[int, Values | None]:
        found: dict[int, Values | None] = {}
        page = (plan.pages[-1] if plan.pages else 0) + 1
        while self._last_page_size >= self.per_page:
            found.update(await self._page(page, wanted))
            page += 1
        return found

    async def _one(self, key: int) -> Values | None:
        self.requests += 1
        try:
            row = await self.client.get_lookup_row(self.table_id, key)
        except NotFound:
            return None
        return self._values(row.data)

    def _values(self, data: Mapping[str, object]) -> Values:
        return {c: cell(data.get(c)) for c in self.columns}
