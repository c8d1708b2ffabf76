"""The cache keeps a bounded number of list items: a 100,000-job list's pages do not stay."""

from __future__ import annotations

from workato_tui.api.models import Job, JobPage
from workato_tui.service.cache import Cache


def test_the_oldest_pages_go_when_the_items_exceed_the_budget() -> None:
    cache = Cache(now=lambda: 0.0, max_items=250)
    for page in range(1, 4):
        cache.put(("jobs", 7, page), list(range(100)))
    assert cache.peek(("jobs", 7, 1)) is None  # 300 items > 250: the oldest page went
    assert cache.peek(("jobs", 7, 2)) is not None and cache.peek(("jobs", 7, 3)) is not None
    cache.put(("me",), {"id": 1})  # not a list: one item
    assert len(cache) == 3


def test_dropped_and_replaced_entries_give_their_items_back() -> None:
    cache = Cache(now=lambda: 0.0, max_items=250)
    cache.put(("jobs", 7, 1), list(range(100)))
    cache.put(("jobs", 7, 1), list(range(100)))  # a refresh of the same page
    assert cache.invalidate(("jobs",)) == 1
    for page in range(1, 3):
        cache.put(("rows", page), list(range(100)))
    assert len(cache) == 2  # 200 items: nothing had to go


def test_one_entry_bigger_than_the_budget_is_still_kept() -> None:
    cache = Cache(now=lambda: 0.0, max_items=10)
    cache.put(("tables",), list(range(50)))
    assert cache.peek(("tables",)) == (list(range(50)), 0.0)


def test_a_page_of_jobs_counts_its_jobs_not_one() -> None:
    """service.job_page caches JobPage envelopes: 1,000 of them (a 100,000-job list) must
    not stay as one item each."""
    cache = Cache(now=lambda: 0.0, max_items=250)
    for page in range(1, 4):
        jobs = [Job(id=f"j-{page}-{n}") for n in range(100)]
        cache.put(("jobs", 7, "page", page), JobPage(items=jobs))
    assert cache.peek(("jobs", 7, "page", 1)) is None  # 300 jobs > 250: the oldest page went
    assert cache.peek(("jobs", 7, "page", 3)) is not None
