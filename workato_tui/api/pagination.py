"""The one pager: async iterators over the API's paging styles, and every page size.

- page numbers (`page`/`per_page`, or `page[number]`/`page[size]`): `pages_by_number`
- a cursor taken from the last item (jobs: `offset_job_id`; activity log: `page[after]`):
  `pages_by_cursor`

Both yield whole pages (the service caches each one); `by_page_number` and `by_cursor` yield
the items. They stop on a short or empty page, which is the only end signal most endpoints
give, and on a page that does not move forward (a server ignoring the paging parameters), so
they cannot loop forever.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
C = TypeVar("C")

# Page sizes, defined here only: the client's iterators and the service's page streams use them.
RECIPES_PER_PAGE = 100  # the documented maximum (decisions #6)
JOBS_PER_PAGE = 100  # the emulator's maximum (decisions #14)
VERSIONS_PER_PAGE = 100
FOLDERS_PER_PAGE = 100
PROJECTS_PER_PAGE = 100
TABLES_PER_PAGE = 100
ROWS_PER_PAGE = 1000  # the maximum; Workato's default is 500 (decisions #10)
ROLES_PER_PAGE = 100
API_CLIENTS_PER_PAGE = 100
ACTIVITY_PAGE_SIZE = 100
CUSTOMERS_PER_PAGE = 100
CUSTOMER_RECIPES_PER_PAGE = 100
CUSTOMER_JOBS_PER_PAGE = 100

PageFetch = Callable[[int, int], Awaitable[Sequence[T]]]  # (page number, size) -> items
CursorFetch = Callable[[C | None, int], Awaitable[Sequence[T]]]  # (cursor, size) -> items


async def pages_by_number(
    fetch: PageFetch[T], per_page: int, first_page: int = 1, max_pages: int | None = None
) -> AsyncIterator[list[T]]:
    """Pages first_page, first_page+1, ... until one comes back shorter than `per_page`.

    A page equal to the one before ends the stream without being yielded: the server ignored
    `page`, and everything after it would be the same page again."""
    _check_size(per_page)
    number, fetched = first_page, 0
    previous: list[T] | None = None
    while max_pages is None or fetched < max_pages:
        items = list(await fetch(number, per_page))
        fetched += 1
        if previous is not None and items == previous:
            return
        yield items
        if len(items) < per_page:
            return
        previous, number = items, number + 1


async def pages_by_cursor(
    fetch: CursorFetch[C, T],
    cursor_of: Callable[[T], C],
    per_page: int,
    start: C | None = None,
    max_pages: int | None = None,
) -> AsyncIterator[list[T]]:
    """Pages that each start after the last item of the one before.

    A page equal to the one before ends the stream without being yielded (the server ignored
    the cursor), as does a cursor that does not move."""
    _check_size(per_page)
    cursor, fetched = start, 0
    previous: list[T] | None = None
    while max_pages is None or fetched < max_pages:
        items = list(await fetch(cursor, per_page))
        fetched += 1
        if previous is not None and items == previous:
            return
        yield items
        if len(items) < per_page:
            return
        next_cursor = cursor_of(items[-1])
        if next_cursor == cursor:
            return  # the cursor did not move: stop rather than repeat the page
        previous, cursor = items, next_cursor


async def by_page_number(
    fetch: PageFetch[T], per_page: int, first_page: int = 1, max_pages: int | None = None
) -> AsyncIterator[T]:
    """The items of `pages_by_number`, one by one."""
    async for page in pages_by_number(fetch, per_page, first_page, max_pages):
        for item in page:
            yield item


async def by_cursor(
    fetch: CursorFetch[C, T],
    cursor_of: Callable[[T], C],
    per_page: int,
    start: C | None = None,
    max_pages: int | None = None,
) -> AsyncIterator[T]:
    """The items of `pages_by_cursor`, one by one."""
    async for page in pages_by_cursor(fetch, cursor_of, per_page, start, max_pages):
        for item in page:
            yield item


def _check_size(per_page: int) -> None:
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
