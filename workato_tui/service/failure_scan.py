"""The failures inbox's scan: every failed job in a window, read inside the quota.

The recipe list already carries `job_failed_count` and `last_run_at`, so only recipes that can
have failed in the window are read: a recipe with no failures, or whose last run is older than
the window, costs nothing. Jobs are read newest first with `status=failed` and the cursor, and
the scan stops at the window's edge. Pages go through the service's cache, so a revisit inside
the TTL costs no request; `run(refresh=True)` re-reads the recipe list and only the recipes
whose counts or last run moved since the last scan, and only until it meets a job it already has.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..api.ids import ascii_int
from ..api.limiter import BucketState
from ..api.models import Job, Recipe
from .failures import FailedJob, FailureInbox
from .families import Family
from .scope import recipe_pages_under
from .workspace import JOBS_PER_PAGE, WorkspaceService

WINDOWS: dict[str, timedelta] = {
    "1h": timedelta(hours=1),
    "24h": timedelta(hours=24),
    "7d": timedelta(days=7),
}
DEFAULT_WINDOW = "24h"
MAX_WINDOW = timedelta(days=30)  # Workato keeps job data for 30 days on most plans
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def parse_window(text: str) -> timedelta | None:
    """`90m`, `36h`, `3d` as a timedelta (up to 30 days), else None."""
    text = text.strip().lower()
    amount, unit = ascii_int(text[:-1]), text[-1:]
    if unit not in _UNITS or amount is None or amount < 1 or amount > 100_000:
        return None
    window = timedelta(**{_UNITS[unit]: amount})
    return window if window <= MAX_WINDOW else None


@dataclass(frozen=True)
class ScanScope:
    """What to scan: the workspace, one folder or project (with its subfolders), or a customer."""

    folder_id: int | None = None
    customer: str | None = None
    label: str = "workspace"

    @property
    def jobs_endpoint(self) -> str:
        return "customers.jobs.list" if self.customer else "jobs.list"


@dataclass(frozen=True)
class ScanProgress:
    """One step of a scan: what it found since the last step, and where the budget stands."""

    found: list[FailedJob]
    recipes_to_scan: int
    recipes_scanned: int
    requests: int
    budget: BucketState | None
    eta_seconds: float
    done: bool = False


@dataclass(frozen=True)
class _Seen:
    failed_count: int
    last_run_at: datetime | None


@dataclass
class FailureScan:
    """One inbox's scan over a scope and window; run it again to refresh."""

    service: WorkspaceService
    scope: ScanScope
    since: datetime
    inbox: FailureInbox = field(default_factory=FailureInbox)
    requests: int = 0
    _seen: dict[int, _Seen] = field(default_factory=dict)
    _queued: int = 0  # candidate recipes found so far

    @classmethod
    def for_window(
        cls,
        service: WorkspaceService,
        scope: ScanScope,
        window: timedelta,
        now: Callable[[], datetime] | None = None,
    ) -> FailureScan:
        moment = now() if now else datetime.now(UTC)
        return cls(service, scope, moment - window)

    async def run(self, *, refresh: bool = False) -> AsyncIterator[ScanProgress]:
        """Scan, one step per recipe read. Listing recipes and reading their jobs overlap (two
        quota buckets), so the first failures arrive before the recipe list is complete."""
        unsubscribe = self.service.calls.subscribe(self._count_call)
        if refresh:
            self._forget_lists()
        queue: asyncio.Queue[Recipe | None] = asyncio.Queue()
        self._queued = 0
        lister = asyncio.ensure_future(self._list_candidates(queue, refresh))
        try:
            scanned = 0
            while (recipe := await queue.get()) is not None:
                found = await self._scan_recipe(recipe, refresh)
                scanned += 1
                yield self._progress(found, scanned)
            await lister  # its error, if listing failed
            yield self._progress([], scanned, done=True)
        finally:
            lister.cancel()
            unsubscribe()

    # which recipes ------------------------------------------------------------------------

    async def _list_candidates(self, queue: asyncio.Queue[Recipe | None], refresh: bool) -> None:
        """Queue the recipes that can have failed in the window, page by page."""
        try:
            async for page in self._recipe_pages():
                for recipe in sorted(page, key=self._last_run, reverse=True):
                    if self._is_candidate(recipe, refresh):
                        self._queued += 1
                        queue.put_nowait(recipe)
        finally:
            queue.put_nowait(None)

    def _is_candidate(self, recipe: Recipe, refresh: bool) -> bool:
        if not self._may_have_failed(recipe):
            return False
        seen = _Seen(recipe.job_failed_count, recipe.last_run_at)
        if refresh and self._seen.get(recipe.id) == seen:
            return False  # nothing moved since the last scan: what we have is current
        self._seen[recipe.id] = seen
        return True

    def _last_run(self, recipe: Recipe) -> datetime:
        return recipe.last_run_at or self.since

    def _may_have_failed(self, recipe: Recipe) -> bool:
        last_run = recipe.last_run_at
        return recipe.job_failed_count > 0 and last_run is not None and last_run >= self.since

    async def _recipe_pages(self) -> AsyncIterator[list[Recipe]]:
        if self.scope.customer is not None:
            yield await self.service.customer_recipes(self.scope.customer)
            return
        async for page in recipe_pages_under(self.service, self.scope.folder_id):
            yield page

    def _forget_lists(self) -> None:
        if self.scope.customer is not None:
            self.service.gateway.forget(Family.CUSTOMERS, self.scope.customer)
        else:
            self.service.refresh(Family.RECIPES, Family.FOLDERS)

    # one recipe's failed jobs ---------------------------------------------------------------

    async def _scan_recipe(self, recipe: Recipe, refresh: bool) -> list[FailedJob]:
        """The recipe's failed jobs in the window that the inbox does not have yet."""
        customer = self.scope.customer
        if refresh:
            self.service.gateway.forget(Family.JOBS, customer, recipe.id)
        known = self.inbox.ids()
        found: list[FailedJob] = []
        offset: str | None = None
        while True:
            page = await self.service.job_page(
                recipe.id, customer=customer, status="failed", offset_job_id=offset
            )
            in_window = [job for job in page.items if self._in_window(job)]
            new = [job for job in in_window if (customer, job.id) not in known]
            found.extend(FailedJob(recipe.id, recipe.name, job, customer) for job in new)
            if self._last_page(page.items, in_window) or len(new) < len(in_window):
                break  # the window's edge, the last page, or jobs we already have
            offset = page.items[-1].id
        self.inbox.add(found)
        return found

    def _in_window(self, job: Job) -> bool:
        return job.started_at is None or job.started_at >= self.since

    @staticmethod
    def _last_page(items: list[Job], in_window: list[Job]) -> bool:
        return len(items) < JOBS_PER_PAGE or len(in_window) < len(items)

    # budget ---------------------------------------------------------------------------------

    def _count_call(self, _entry: object) -> None:
        self.requests += 1

    def _progress(self, found: list[FailedJob], scanned: int, done: bool = False) -> ScanProgress:
        budget = next(
            (b for b in self.service.quota() if b.endpoint_id == self.scope.jobs_endpoint), None
        )
        eta = _eta(budget, self._queued - scanned)
        return ScanProgress(found, self._queued, scanned, self.requests, budget, eta, done)


def _eta(budget: BucketState | None, pending_requests: int) -> float:
    """Seconds until `pending_requests` more requests fit the budget (at least one each)."""
    if budget is None or pending_requests <= 0:
        return 0.0
    beyond = pending_requests - budget.remaining
    if beyond <= 0:
        return 0.0
    return beyond * budget.per_seconds / budget.limit
