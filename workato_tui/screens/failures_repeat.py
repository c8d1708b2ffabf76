"""Repeating the inbox's failed jobs: what the confirm says, and the run the bulk screen
follows (skipped jobs first, then each batch's outcome as it arrives)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..api.endpoints import endpoint
from ..service.bulk import ItemResult, Progress
from ..service.failure_repeat import RepeatOutcome, RepeatPlan, repeat_planned
from .confirm import Confirmation

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService
    from .progress import RunBulk


def repeat_confirmation(plan: RepeatPlan, endpoint_id: str, profile: str) -> Confirmation:
    target = endpoint(endpoint_id)
    recipes = {job.recipe_name for jobs in plan.batches.values() for job in jobs}
    items = tuple(f"{len(jobs)} job(s) of {jobs[0].recipe_name}" for jobs in plan.batches.values())
    skipped = tuple(f"Skipped: {s.job.id}: {s.reason}" for s in plan.skipped)
    return Confirmation(
        action=f"Repeat {plan.count} failed job(s) in {len(recipes)} recipe(s)",
        items=items,
        profile=profile,
        effect=(target.warning or target.summary) + " 25 jobs per request, 1 request per second.",
        endpoint=f"{target.method} {target.display_path}",
        details=skipped,
    )


def repeat_runner(
    service: WorkspaceService, plan: RepeatPlan, outcome: Callable[[RepeatOutcome], None]
) -> RunBulk:
    """The bulk screen's run: a result per skipped job, then per repeated one (`outcome`
    hears each repeat's outcome too)."""

    async def run(progress: Progress, cancelled: Callable[[], bool]) -> list[ItemResult]:
        results: list[ItemResult] = []
        total = plan.count + len(plan.skipped)

        def record(result: ItemResult) -> None:
            results.append(result)
            progress(len(results), total, result)

        for skip in plan.skipped:
            record(ItemResult(skip.job, False, f"{skip.job.id} skipped: {skip.reason}"))

        def on_outcome(repeated: RepeatOutcome) -> None:
            outcome(repeated)
            record(ItemResult(repeated.job, repeated.enqueued, repeated.describe()))

        await repeat_planned(service, plan, on_outcome, cancelled)
        return results

    return run
