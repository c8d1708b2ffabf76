"""A job: status and timing, its steps (adapter, operation, time bar), and for the chosen step
what it read, wrote and failed with. A failed job opens on its failing step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static

from ..api.errors import WorkatoError
from ..api.models import Job
from ..views import ViewContext
from ..views import format as fmt
from ..views.rows import JobRow, row_data
from ..widgets.job_steps import StepList, failing_index, step_detail
from ..widgets.keys_footer import KeysFooter
from ..write_catalog import JOB_RESUME, WriteAction, bind_writes, label
from .item_writes import ItemScreen
from .recipe_detail import OUTCOME_STYLE

if TYPE_CHECKING:
    from ..api.models import JobDetail
    from ..service.workspace import WorkspaceService

NO_STEPS = "Workato sent no steps for this job."
FOLLOW_SECONDS = 3.0  # a job resumed here is read again this often while it runs on
FOLLOW_READS = 20


def resume_token(detail: JobDetail | None) -> str | None:
    """The token a paused job's waiting step shows, if it shows one."""
    for line in detail.lines if detail is not None else []:
        if isinstance(line.output, dict) and line.output.get("resume_token"):
            return str(line.output["resume_token"])
    return None


def web_base(base_url: str) -> str:
    """Where people open Workato in a browser (the US API host differs from the app host)."""
    return base_url.replace("://www.workato.com", "://app.workato.com")


def summary(job: JobDetail, web_url: str) -> Group:
    """The job's fields two pairs a row, so the steps keep the room; then its error and link."""
    duration = (
        (job.completed_at - job.started_at).total_seconds()
        if job.started_at and job.completed_at
        else None
    )
    grid = Table.grid(padding=(0, 2))
    for _ in range(2):
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
    status = Text(job.status or "", style=OUTCOME_STYLE.get(job.status or "", ""))
    grid.add_row("Status", status, "Duration", fmt.seconds(duration))
    grid.add_row("Started", fmt.when(job.started_at), "Completed", fmt.when(job.completed_at))
    master = Text(job.master_job_id or "")  # an id from the API: text, not markup
    grid.add_row("Master job", master, "Repeat", "yes" if job.is_repeat else "no")
    lines: list[Any] = [grid]
    if job.error:
        lines.append(Text.assemble(("Error  ", "bold"), (fmt.text(job.error), "red")))
    lines.append(Text.assemble(("In Workato  ", "bold"), web_url))
    return Group(*lines)


class JobScreen(ItemScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="job-back"),
        Binding("e", "failed_step", "Failed step", id="job-failed-step"),
        Binding("y", "raw_json", "JSON", id="job-json", show=False),  # in ?, not the footer
        Binding("u", "copy_url", "Copy URL", id="job-copy-url"),
    ]

    DEFAULT_CSS = """
    JobScreen #step-detail { height: 1fr; padding: 0 1; border-top: solid $panel-lighten-2; }
    JobScreen #step-detail:focus { border-top: solid $accent; }
    """

    def __init__(self, service: WorkspaceService, context: ViewContext, job: Job | JobRow) -> None:
        super().__init__(service, context, job, reread=self._reread, refuses=self._resumed_here)
        bind_writes(self, "job")  # repeat, resume: as declared in write_catalog
        self.detail: JobDetail | None = None
        self._follows = 0  # reads of a resumed job while it runs on

    @property
    def job(self) -> Job | JobRow:
        """The job as last read (a write here reads it afresh)."""
        return self.writes.item  # type: ignore[no-any-return]

    @property
    def web_url(self) -> str:
        recipe_id = self.context.recipe.id if self.context.recipe else self.job.recipe_id
        return f"{web_base(self.service.profile.base_url)}/recipes/{recipe_id}/job/{self.job.id}"

    def compose(self) -> ComposeResult:
        yield Static(
            f" Job {self.job.id}: {self.job.title or ''}", classes="screen-title", markup=False
        )
        yield Static("Loading job details…", id="summary", classes="detail-fields")
        yield Static(
            "Steps  (↑↓ choose a step, tab reads its data)",
            id="steps-title",
            classes="section-title",
        )
        yield StepList(id="steps")
        with VerticalScroll(id="step-detail"):
            yield Static("", id="step-data")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="job-detail", exit_on_error=False)
    async def load(self) -> None:
        await self._read()

    async def _read(self) -> JobDetail | None:
        """Read the job through the service and show it: summary, steps, the chosen step."""
        recipe_id = self.context.recipe.id if self.context.recipe else self.job.recipe_id
        if recipe_id is None:
            self.query_one("#summary", Static).update(Text("This job names no recipe.", "red"))
            return None
        try:
            self.detail = await self.service.job(recipe_id, self.job.id, self.context.customer_ref)
        except WorkatoError as error:
            self.query_one("#summary", Static).update(Text(error.describe(), style="red"))
            return None
        self.query_one("#summary", Static).update(summary(self.detail, self.web_url))
        steps = self.query_one(StepList)
        steps.show(self.detail.lines)
        if not self.detail.lines:
            self.query_one("#step-data", Static).update(NO_STEPS)
            return self.detail
        steps.highlighted = failing_index(self.detail.lines) or 0
        steps.focus()
        return self.detail

    @on(OptionList.OptionHighlighted, "#steps")
    def _show_step(self, event: OptionList.OptionHighlighted) -> None:
        if self.detail is None or event.option_index >= len(self.detail.lines):
            return
        line = self.detail.lines[event.option_index]
        self.query_one("#step-data", Static).update(step_detail(line, self.web_url))
        self.query_one("#step-detail", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#steps")
    def _read_step(self) -> None:
        self.query_one("#step-detail", VerticalScroll).focus()

    def action_failed_step(self) -> None:
        index = failing_index(self.detail.lines) if self.detail else None
        if index is None:
            self.notify("No step of this job failed.", title="Failed step")
            return
        steps = self.query_one(StepList)
        steps.highlighted = index
        steps.focus()

    def action_raw_json(self) -> None:
        from .json_view import JsonScreen

        value = self.detail.model_dump(mode="json") if self.detail else row_data(self.job)
        self.app.push_screen(JsonScreen(f"Job {self.job.id}", value))

    def action_copy_url(self) -> None:
        self.app.copy_to_clipboard(self.web_url)
        self.notify(self.web_url, title="Copied the job's web URL")

    # writes: offered, run and followed by a fresh read in ItemWrites (see ItemScreen) ------

    def _resumed_here(self, write: WriteAction) -> str | None:
        """A job resumed here stays pending while it runs on, but its token is spent: resume
        is off until a fresh read shows it waiting on a new one."""
        if write is not JOB_RESUME or self.writes.last_write is not JOB_RESUME:
            return None
        if self.job.status != "pending" or resume_token(self.detail):
            return None
        return f"{label(self.job)}: resumed here; it runs on until it finishes"

    async def _reread(self) -> JobRow | None:
        """After a write: the job afresh; while a resumed job runs on, read it again shortly."""
        detail = await self._read()
        if detail is None:
            return None
        if detail.status == "pending" and self.writes.last_write is JOB_RESUME:
            self._follow_resumed()
        return JobRow.of(detail, self.job.recipe_id)

    def _follow_resumed(self) -> None:
        if self._follows < FOLLOW_READS:
            self._follows += 1
            self.set_timer(FOLLOW_SECONDS, lambda: self.run_worker(self.writes.refresh()))
