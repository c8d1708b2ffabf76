"""The failures inbox: every failed job in a window, grouped by cause, and repeated in bulk.

`:failures` (or `:inbox`, `:fj`) opens it on the folder or project chosen in the tree, on the
Embedded customer being browsed, or on the whole workspace. The scan streams groups in as it
reads; `enter` on a group lists its jobs, `enter` on a job opens it with its step data, `o`
opens the job's recipe, `w` changes the window, `r` repeats what is marked (or the current
group or job) after a confirmation, and `ctrl+r` re-reads only what can have changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from ..api.models import Recipe
from ..service.failure_repeat import (
    RepeatOutcome,
    check_repeats,
    plan_repeats,
)
from ..service.failure_scan import (
    DEFAULT_WINDOW,
    WINDOWS,
    FailureScan,
    ScanProgress,
    ScanScope,
    parse_window,
)
from ..service.failures import FailedJob, FailureGroup
from ..views import ViewContext
from ..views.rows import RecipeRow
from ..widgets.keys_footer import KeysFooter
from ..widgets.table import ResourceTable
from .confirm import ConfirmScreen
from .failures_repeat import repeat_confirmation, repeat_runner
from .failures_rows import group_columns, job_columns, newest_first, row_key, status_text
from .lookup_saving import profile_text
from .progress import BulkScreen
from .window_prompt import WindowPrompt

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


def scope_for(context: ViewContext) -> ScanScope:
    """The inbox's scope from where the user is: a customer, a folder or project, or all."""
    if context.customer is not None:
        name = context.customer.name or context.customer.id
        return ScanScope(customer=str(context.customer.id), label=f"customer {name}")
    if context.folder is not None:
        label = context.folder.path or context.folder.name or "folder"
        return ScanScope(folder_id=context.folder.id, label=label)
    return ScanScope()


class FailuresScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="failures-back"),
        Binding("r", "repeat", "Repeat", id="failures-repeat"),
        Binding("w", "window", "Window", id="failures-window"),
        Binding("W", "custom_window", "Custom window", show=False, id="failures-custom-window"),
        Binding("o", "open_recipe", "Recipe", id="failures-recipe"),
        Binding("ctrl+r", "refresh", "Refresh", id="failures-refresh"),
    ]

    def __init__(
        self,
        service: WorkspaceService,
        context: ViewContext,
        *,
        window: str = DEFAULT_WINDOW,
    ) -> None:
        super().__init__()
        self.service = service
        self.context = context
        self.scope = scope_for(context)
        self.window = window
        self.now = service.now
        self.scan = self._new_scan()
        self.group: FailureGroup | None = None  # the group whose jobs are listed
        self.outcomes: dict[tuple[str | None, str], RepeatOutcome] = {}
        self.last_progress: ScanProgress | None = None

    def _new_scan(self) -> FailureScan:
        window = WINDOWS.get(self.window) or parse_window(self.window) or WINDOWS[DEFAULT_WINDOW]
        return FailureScan.for_window(self.service, self.scope, window, self.now)

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="failures-title", classes="screen-title", markup=False)
        yield Static("Scanning…", id="failures-status", classes="detail-fields", markup=False)
        yield ResourceTable(
            group_columns(self.now),
            row_key=row_key,
            empty_text="Scanning for failed jobs…",
            id="failures-table",
        )
        yield KeysFooter()

    @property
    def table(self) -> ResourceTable:
        return self.query_one("#failures-table", ResourceTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.run_scan()

    def _title(self) -> str:
        where = f"{self.scope.label} · " if self.scope.label else ""
        listing = f" · {self.group.cause}" if self.group else ""
        return f" Failures · {where}last {self.window}{listing}"

    # the scan -------------------------------------------------------------------------

    @work(exclusive=True, group="failures-scan", exit_on_error=False)
    async def run_scan(self, refresh: bool = False) -> None:
        async for step in self.scan.run(refresh=refresh):
            self.last_progress = step
            self._show_status(step)
            if step.found or step.done:
                self._show_rows()
        if self.outcomes and refresh:
            await self._check_repeats()

    def _show_rows(self) -> None:
        table = self.table
        if self.group is None:
            rows = self.scan.inbox.groups()
            table.set_rows(rows, keep_cursor=table.cursor_row > 0)  # on top unless moved
            table.empty_text = f"No failed jobs in the last {self.window}"
        else:
            group = next((g for g in self.scan.inbox.groups() if g.cause == self.group.cause), None)
            self.group = group or self.group
            outcome = self._outcome if self.outcomes else None
            table.set_columns(job_columns(self.now, outcome))
            table.set_rows(newest_first(self.group.jobs))

    def _outcome(self, job: FailedJob) -> RepeatOutcome | None:
        return self.outcomes.get((job.customer, job.id))

    def _show_status(self, step: ScanProgress) -> None:
        text = status_text(step, self.scan.inbox)
        self.query_one("#failures-status", Static).update(text)

    # navigation -----------------------------------------------------------------------

    @on(ResourceTable.RowActivated)
    def _open(self, event: ResourceTable.RowActivated) -> None:
        if isinstance(event.row, FailureGroup):
            self._list_group(event.row)
        else:
            self._open_job(event.row)

    def _list_group(self, group: FailureGroup) -> None:
        self.group = group
        self.table.clear_marks()
        self._show_rows()
        self.table.move_cursor(row=0)
        self.query_one("#failures-title", Static).update(self._title())

    def _open_job(self, job: FailedJob) -> None:
        from .job_detail import JobScreen

        recipe = RecipeRow.of(Recipe(id=job.recipe_id, name=job.recipe_name or ""))
        context = self.context.with_(recipe=recipe)
        self.app.push_screen(JobScreen(self.service, context, job.job))

    def action_back(self) -> None:
        if self.table.filter_text:
            self.table.set_filter("")
            return
        if self.group is None:
            self.app.pop_screen()
            return
        cause, self.group = self.group.cause, None
        self.table.set_columns(group_columns(self.now))
        self.table.clear_marks()
        self._show_rows()
        self.table.move_to_key(cause)
        self.query_one("#failures-title", Static).update(self._title())

    def action_window(self) -> None:
        names = list(WINDOWS)
        at = names.index(self.window) if self.window in names else -1
        self._rescan(names[(at + 1) % len(names)])

    @work(exclusive=True, group="failures-window", exit_on_error=False)
    async def action_custom_window(self) -> None:
        window = await self.app.push_screen_wait(WindowPrompt())
        if window:
            self._rescan(window)

    def _rescan(self, window: str) -> None:
        self.window = window
        self.scan = self._new_scan()
        self.group = None
        self.table.set_columns(group_columns(self.now))
        self.table.clear()
        self.query_one("#failures-title", Static).update(self._title())
        self.run_scan()

    def action_refresh(self) -> None:
        self.run_scan(refresh=True)

    @work(exclusive=True, group="failures-open", exit_on_error=False)
    async def action_open_recipe(self) -> None:
        from .recipe_detail import RecipeScreen

        job = self._current_job()
        if job is None:
            self.notify("Pick a job (enter on a group lists them)", severity="warning")
            return
        if job.customer is not None:
            recipes = await self.service.customer_recipes(job.customer)
            found = next((r for r in recipes if r.id == job.recipe_id), None)
        else:
            found = await self.service.recipe(job.recipe_id)
        if found is None:
            return
        row = RecipeRow.of(found)
        self.app.push_screen(RecipeScreen(self.service, row, self.context.with_(recipe=row)))

    def _current_job(self) -> FailedJob | None:
        row = self.table.current_row
        if row is None:
            return None
        if isinstance(row, FailureGroup):
            return newest_first(row.jobs)[0] if row.jobs else None
        job: FailedJob = row
        return job

    # repeat ---------------------------------------------------------------------------

    def _selected_jobs(self) -> list[FailedJob]:
        rows = self.table.marked_rows or (
            [self.table.current_row] if self.table.current_row else []
        )
        if self.group is None:
            return [job for group in rows for job in group.jobs]
        return list(rows)

    @work(exclusive=True, group="failures-repeat", exit_on_error=False)
    async def action_repeat(self) -> None:
        endpoint_id = "customers.jobs.repeat" if self.scope.customer else "jobs.repeat"
        reason = self.service.denied(endpoint_id)
        if reason:
            self.notify(reason, title="Repeat jobs: unavailable", severity="warning")
            return
        plan = plan_repeats(self._selected_jobs(), now=self.now())
        if plan.count == 0:
            skipped = "; ".join(f"{s.job.id} {s.reason}" for s in plan.skipped[:3])
            self.notify(skipped or "Nothing to repeat", title="Repeat jobs", severity="warning")
            return
        confirmation = repeat_confirmation(plan, endpoint_id, profile_text(self.service))
        if not await self.app.push_screen_wait(ConfirmScreen(confirmation)):
            return
        run = repeat_runner(self.service, plan, self._record_outcome)
        results = await self.app.push_screen_wait(
            BulkScreen("Repeat failed jobs", plan.count + len(plan.skipped), run)
        )
        enqueued = sum(o.enqueued for o in self.outcomes.values())
        self.notify(
            f"{enqueued} enqueued, {sum(not r.ok for r in results or [])} not repeated. "
            "ctrl+r shows how the repeats ended.",
            title="Repeat jobs",
        )
        self._show_rows()

    def _record_outcome(self, outcome: RepeatOutcome) -> None:
        self.outcomes[(outcome.job.customer, outcome.job.id)] = outcome

    async def _check_repeats(self) -> None:
        checked = await check_repeats(self.service, self.outcomes.values())
        self.outcomes = {(o.job.customer, o.job.id): o for o in checked}
        self._show_rows()
