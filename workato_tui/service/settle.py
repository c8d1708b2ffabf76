"""Writes whose answer was lost, the part that is not one call: repeats, settled job by job.

`Gateway.once` sends a write at most once and checks a lost answer (`landing`). A batch of
repeated jobs is settled job by job, by master job: the jobs an earlier, answer-lost batch
enqueued are found before anything is sent again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..api.errors import PolicyRefused, Uncertain, WorkatoError
from ..api.models import RepeatedJob, RepeatJobsResult, RepeatResult
from . import landing
from .gateway import CheckSince

if TYPE_CHECKING:
    from .gateway import Gateway
    from .landing import Check


def _now(check: Check) -> CheckSince:
    """A check that does not depend on when the write was sent."""
    return lambda since: check


MAX_REPEAT_BATCH = 25


async def repeat_in_batches(
    gw: Gateway,
    recipe_id: int,
    job_ids: Sequence[str],
    customer: str | None,
    on_batch: Callable[[list[RepeatResult]], None] | None,
) -> list[RepeatResult]:
    """Repeat any number of jobs in batches of 25 (the limiter keeps 1 request/s).

    Jobs whose earlier repeat lost its answer are looked for first; a batch whose answer
    is lost is checked against the recipe's newest jobs (by master job)."""
    results: list[RepeatResult] = []
    pending = await already_repeated(gw, recipe_id, job_ids, customer, results, on_batch)
    for start in range(0, len(pending), MAX_REPEAT_BATCH):
        batch = pending[start : start + MAX_REPEAT_BATCH]
        sent_at = gw.client.wall_now()
        try:
            answer = await gw.write("jobs.repeat", _repeat(gw, recipe_id, batch, customer))
            batch_results = list(answer.results)
        except PolicyRefused:
            raise
        except Uncertain as error:
            for job_id in batch:
                gw.unsettled[_repeat_key(customer, recipe_id, job_id)] = error
            error.sent_at = sent_at
            batch_results = await settle_repeats(gw, recipe_id, batch, customer, error)
        except WorkatoError as error:
            batch_results = [_repeat_failed(j, error.describe()) for j in batch]
        for result in batch_results:
            if result.status == "enqueued" and result.requested_job_id:
                gw.unsettled.pop(_repeat_key(customer, recipe_id, result.requested_job_id), None)
        results.extend(batch_results)
        if on_batch:
            on_batch(batch_results)
    return results


def _repeat(
    gw: Gateway, recipe_id: int, batch: list[str], customer: str | None
) -> Awaitable[RepeatJobsResult]:
    if customer is None:
        return gw.client.repeat_jobs(recipe_id, batch)
    return gw.client.repeat_customer_jobs(customer, recipe_id, batch)


async def already_repeated(
    gw: Gateway,
    recipe_id: int,
    job_ids: Sequence[str],
    customer: str | None,
    results: list[RepeatResult],
    on_batch: Callable[[list[RepeatResult]], None] | None,
) -> list[str]:
    """Jobs an earlier, answer-lost repeat may have enqueued: found ones are reported
    done (and dropped from the list to send)."""
    earlier = [
        gw.unsettled[k]
        for j in job_ids
        if (k := _repeat_key(customer, recipe_id, j)) in gw.unsettled
    ]
    if not earlier:
        return list(job_ids)
    since = min(e.sent_at or gw.client.wall_now() for e in earlier)
    try:
        found = await gw.guard(
            landing.repeats_since(gw.client, recipe_id, job_ids, since, customer)
        )
    except WorkatoError:
        found = {}
    done = [_repeat_found(j, found[j]) for j in job_ids if j in found]
    for job_id in found:
        gw.unsettled.pop(_repeat_key(customer, recipe_id, job_id), None)
    if done:
        results.extend(done)
        if on_batch:
            on_batch(done)
    return [j for j in job_ids if j not in found]


async def settle_repeats(
    gw: Gateway, recipe_id: int, batch: list[str], customer: str | None, error: Uncertain
) -> list[RepeatResult]:
    """After a lost answer: the jobs whose repeat is on the server are enqueued."""
    since = error.sent_at or gw.client.wall_now()
    try:
        found = await gw.guard(landing.repeats_since(gw.client, recipe_id, batch, since, customer))
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
