"""Writes whose answer was lost: remember them, check whether they landed, never resend blind.

`SettlingWrites._once` sends a write at most once. When the answer is lost (`Uncertain`), the
write's check (`landing`) runs: found, it counts as done; not found, the error says so and
sending again is safe; the check failing leaves it uncertain. Until a check has found it, the
write stays in `unsettled`, and asking for the same write again checks before sending.
Repeats are settled job by job, by master job.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..api.errors import Uncertain, WorkatoError
from ..api.models import RepeatedJob, RepeatResult
from . import landing
from .landing import Check

if TYPE_CHECKING:
    from ..api import WorkatoClient

T = TypeVar("T")
CheckSince = Callable[[datetime], Check]  # the check, given when the first try was sent


def _now(check: Check) -> CheckSince:
    """A check that does not depend on when the write was sent."""
    return lambda since: check


class SettlingWrites:
    client: WorkatoClient

    async def _write(self, call: Awaitable[T], *families: str) -> T:  # pragma: no cover
        raise NotImplementedError

    async def _guard(self, call: Awaitable[T]) -> T:  # pragma: no cover
        raise NotImplementedError

    @property
    def unsettled(self) -> dict[tuple[Any, ...], Uncertain]:
        """Writes whose answer was lost and that no check has yet found on the server."""
        unsettled: dict[tuple[Any, ...], Uncertain] = self.__dict__.setdefault("_unsettled", {})
        return unsettled

    async def _once(
        self,
        key: tuple[Any, ...],
        send: Callable[[], Awaitable[T]],
        check: CheckSince | None,
        *families: str,
    ) -> T:
        """Send a write at most once: if an earlier try lost its answer, check first."""
        earlier = self.unsettled.get(key)
        since = earlier.sent_at if earlier and earlier.sent_at else self.client.wall_now()
        if earlier is not None and check is not None:
            found = await self._guard(check(since).run())
            if found is not None:
                del self.unsettled[key]
                return cast("T", found)  # a check finds what the write would have returned
        try:
            result = await self._write(send(), *families)
        except Uncertain as error:
            self.unsettled[key] = error
            error.sent_at = since
            found = await self._check(error, check(since) if check else None)
            if found is None:
                raise
            del self.unsettled[key]
            return cast("T", found)
        self.unsettled.pop(key, None)
        return result

    async def _check(self, error: Uncertain, check: Check | None) -> Any | None:
        """Run the check after a lost answer; say in `error` what it found."""
        if check is None:
            return None
        try:
            found = await self._guard(check.run())
        except WorkatoError as failure:
            error.check = (
                f"Could not check whether it landed ({failure.message}): it was not sent "
                "again. Refresh and look before sending it again."
            )
            return None
        if found is None:
            error.checked_absent(
                f"Checked: {check.absent}, so it was not applied; sending it again is safe."
            )
        return found

    async def _already_repeated(
        self,
        recipe_id: int,
        job_ids: Sequence[str],
        customer: str | None,
        results: list[RepeatResult],
        on_batch: Callable[[list[RepeatResult]], None] | None,
    ) -> list[str]:
        """Jobs an earlier, answer-lost repeat may have enqueued: found ones are reported
        done (and dropped from the list to send)."""
        earlier = [
            self.unsettled[k]
            for j in job_ids
            if (k := _repeat_key(customer, recipe_id, j)) in self.unsettled
        ]
        if not earlier:
            return list(job_ids)
        since = min(e.sent_at or self.client.wall_now() for e in earlier)
        try:
            found = await self._guard(
                landing.repeats_since(self.client, recipe_id, job_ids, since, customer)
            )
        except WorkatoError:
            found = {}
        done = [_repeat_found(j, found[j]) for j in job_ids if j in found]
        for job_id in found:
            self.unsettled.pop(_repeat_key(customer, recipe_id, job_id), None)
        if done:
            results.extend(done)
            if on_batch:
                on_batch(done)
        return [j for j in job_ids if j not in found]

    async def _settle_repeats(
        self, recipe_id: int, batch: list[str], customer: str | None, error: Uncertain
    ) -> list[RepeatResult]:
        """After a lost answer: the jobs whose repeat is on the server are enqueued."""
        since = error.sent_at or self.client.wall_now()
        try:
            found = await self._guard(
                landing.repeats_since(self.client, recipe_id, batch, since, customer)
            )
        except WorkatoError as failure:
            error.check = (
                f"Could not check whether they were repeated ({failure.message}): not sent "
                "again. Refresh the jobs before repeating them again."
            )
            return [_repeat_failed(j, error.describe(), "uncertain") for j in batch]
        results = []
        for job_id in batch:
            if job_id in found:
                results.append(_repeat_found(job_id, found[job_id]))
                continue
            error.checked_absent(
                f"Checked: job {job_id} was not repeated, so repeating it again is safe."
            )
            results.append(_repeat_failed(job_id, error.describe()))
        return results


def _repeat_key(customer: str | None, recipe_id: int, job_id: str) -> tuple[Any, ...]:
    return ("jobs.repeat", customer, recipe_id, job_id)


def _repeat_found(job_id: str, new_id: str) -> RepeatResult:
    return RepeatResult(requested_job_id=job_id, status="enqueued", job=RepeatedJob(id=new_id))


def _repeat_failed(job_id: str, message: str, status: str = "failed") -> RepeatResult:
    return RepeatResult(requested_job_id=job_id, status=status, error=message)
