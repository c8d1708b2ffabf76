"""Async iterators over the API's three paging styles.

- page numbers (`page`/`per_page`, or `page[number]`/`page[size]`): `by_page_number`
- a cursor taken from the last item (jobs: `offset_job_id`; activity log: `page[after]`):
  `by_cursor`

Both stop on a short or empty page, which is the only end signal most endpoints give, and on
a page that does not move forward (a server ignoring the paging parameters), so they cannot
loop forever.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
C = TypeVar("C")

PageFetch = Callable[[int, int], Awaitable[Sequence[T]]]  # (page number, size) -> items
CursorFetch = Callable[[C | None, int], Awaitable[Sequence[T]]]  # (cursor, size) -> items


async def by_page_number(
    fetch: PageFetch[T], per_page: int, first_page: int = 1, max_pages: int | None = None
) -> AsyncIterator[T]:
    """Pages first_page, first_page+1, ... until one comes back shorter than `per_page`."""
    _check_size(per_page)
    number, previous, fetched = first_page, None, 0
    while max_pages is None or fetched < max_pages:
        items = list(await fetch(number, per_page))
        fetched += 1
        if previous is not None and items == previous:
            return  # the same page again: the server ignored `page`
        for item in items:
            yield item
        if len(items) < per_page:
            return
        previous, number = items, number + 1


async def by_cursor(
    fetch: CursorFetch[C, T],
    cursor_of: Callable[[T], C],
    per_page: int,
    start: C | None = None,
    max_pages: int | None = None,
) -> AsyncIterator[T]:
    """Pages that each start after the last item of the one before."""
    _check_size(per_page)
    cursor, fetched = start, 0
    while max_pages is None or fetched < max_pages:
        items = list(await fetch(cursor, per_page))
        fetched += 1
        for item in items:
            yield item
        if len(items) < per_page:
            return
        next_cursor = cursor_of(items[-1])
        if next_cursor == cursor:
            return  # the cursor did not move: stop rather than repeat the page
        cursor = next_cursor


def _check_size(per_page: int) -> None:
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
