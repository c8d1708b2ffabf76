"""Job writes: repeat (in batches of 25 at 1 request/s) and resume a paused job."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..api.errors import WorkatoError
from ..api.models import RepeatResult
from ..screens.form import Field, FormScreen, Values
from ..screens.progress import BulkScreen
from ..service.writes import ItemResult
from ..views.rows import JobRow
from ..write_catalog import JOB_REPEAT, JOB_RESUME
from .flow import ActionContext
from .registry import handles


def repeat_item(result: RepeatResult) -> ItemResult:
    job_id = result.requested_job_id or result.job_id or "?"
    if result.status == "enqueued":
        new_id = result.job.id if result.job else ""
        return ItemResult(job_id, True, f"{job_id}: enqueued" + (f" as {new_id}" if new_id else ""))
    error = result.error
    if hasattr(error, "type_id"):
        text = f"{error.type_id}: {error.message}"  # type: ignore[union-attr]
    else:
        text = str(error or result.status)
    state = "uncertain" if result.status == "uncertain" else None
    return ItemResult(job_id, False, f"{job_id}: {text}", state=state)


@handles(JOB_REPEAT)
async def repeat(ctx: ActionContext) -> bool:
    recipe = ctx.view.recipe
    assert recipe is not None
    job_ids = [str(r.id) for r in ctx.rows]
    if not await ctx.confirm(
        job_ids,
        details=(
            f"Recipe: {recipe.name}",
            f"Sent in {-(-len(job_ids) // 25)} request(s) of at most 25, one per second.",
        ),
    ):
        return False

    async def run(
        progress: Callable[[int, int, ItemResult | None], None], cancelled: Callable[[], bool]
    ) -> list[ItemResult]:
        items: list[ItemResult] = []

        def batch_done(results: list[RepeatResult]) -> None:
            for result in results:
                items.append(repeat_item(result))
                progress(len(items), len(job_ids), items[-1])

        await ctx.service.writes.repeat_jobs(
            recipe.id, job_ids, customer=ctx.view.customer_ref, on_batch=batch_done
        )
        return items

    await ctx.app.push_screen_wait(BulkScreen(ctx.action.verb, len(job_ids), run))
    return True


async def _resume_token_of(ctx: ActionContext, job: JobRow) -> str:
    """A paused job's resume token, when its steps show one (the demo's wait step does)."""
    recipe = ctx.view.recipe
    if recipe is None:
        return ""
    try:
        detail = await ctx.service.job(recipe.id, str(job.id), ctx.view.customer_ref)
    except WorkatoError:
        return ""
    for line in detail.lines:
        if isinstance(line.output, dict) and line.output.get("resume_token"):
            return str(line.output["resume_token"])
    return ""


@handles(JOB_RESUME)
async def resume(ctx: ActionContext) -> bool:
    job = ctx.rows[0]
    fields = [
        Field(
            "token",
            "Resume token",
            required=True,
            value=await _resume_token_of(ctx, job),
            help="The token the waiting step handed out.",
        ),
        Field("data", "Data (optional JSON object)", "json", value="{}"),
    ]

    async def submit(values: Values) -> Any:
        data = json.loads(values["data"]) if (values.get("data") or "").strip() else None
        await ctx.service.writes.resume_job(values["token"].strip(), data)
        return True

    form = FormScreen(
        f"Resume job {job.id}",
        fields,
        submit,
        confirm=lambda v: ctx.confirmation([str(job.id)]),
        submit_label="Resume",
    )
    return await ctx.form(form, lambda r: f"Resumed job {job.id}.")
