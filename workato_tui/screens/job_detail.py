"""A job: status, timing, and each step's adapter, operation and time as bars."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..api.errors import WorkatoError
from ..views import ViewContext
from ..views import format as fmt
from .recipe_detail import OUTCOME_STYLE, field_grid

if TYPE_CHECKING:
    from ..api.models import JobDetail
    from ..service.workspace import WorkspaceService

BAR_WIDTH = 40
NOT_AVAILABLE = (
    "Step input and output are not available through the Developer API; "
    "they are shown only on the job's page in Workato:"
)


def web_base(base_url: str) -> str:
    """Where people open Workato in a browser (the US API host differs from the app host)."""
    return base_url.replace("://www.workato.com", "://app.workato.com")


def step_bars(job: JobDetail) -> Table:
    table = Table(box=None, padding=(0, 1), show_edge=False)
    for name, justify in (
        ("#", "right"),
        ("ADAPTER", "left"),
        ("OPERATION", "left"),
        ("TIME", "right"),
        ("", "left"),
    ):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    totals = [float((line.line_stat or {}).get("total") or 0.0) for line in job.lines]
    longest = max(totals, default=0.0) or 1.0
    for line, total in zip(job.lines, totals):
        bar = "█" * max(1, round(BAR_WIDTH * total / longest)) if total else ""
        style = "red" if line.error else "cyan"
        table.add_row(
            str(line.recipe_line_number),
            line.adapter_name or "",
            line.adapter_operation or "",
            fmt.seconds(total),
            Text(bar, style=style),
        )
    return table


class JobScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="job-back"),
        Binding("y", "raw_json", "JSON", id="job-json"),
    ]

    def __init__(
        self, service: WorkspaceService, context: ViewContext, job: dict[str, Any]
    ) -> None:
        super().__init__()
        self.service = service
        self.context = context
        self.job = job
        self.detail: JobDetail | None = None

    @property
    def web_url(self) -> str:
        recipe_id = self.context.recipe["id"] if self.context.recipe else self.job.get("recipe_id")
        return f"{web_base(self.service.profile.base_url)}/recipes/{recipe_id}/job/{self.job['id']}"

    def compose(self) -> ComposeResult:
        yield Static(
            f" Job {self.job['id']}: {self.job.get('title') or ''}", classes="screen-title"
        )
        with VerticalScroll():
            yield Static("Loading job details…", id="summary", classes="detail-fields")
            yield Static("Steps", classes="section-title")
            yield Static("", id="steps", classes="detail-fields")
            yield Static(f"{NOT_AVAILABLE}\n{self.web_url}", id="runtime-note", classes="notice")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="job-detail", exit_on_error=False)
    async def load(self) -> None:
        recipe_id = int(self.context.recipe["id"] if self.context.recipe else self.job["recipe_id"])
        try:
            self.detail = await self.service.job(
                recipe_id, self.job["id"], self.context.customer_ref
            )
        except WorkatoError as error:
            self.query_one("#summary", Static).update(Text(error.describe(), style="red"))
            return
        self.query_one("#summary", Static).update(self._summary(self.detail))
        self.query_one("#steps", Static).update(step_bars(self.detail))

    def _summary(self, job: JobDetail) -> Table:
        status = Text(job.status or "", style=OUTCOME_STYLE.get(job.status or "", ""))
        duration = (
            (job.completed_at - job.started_at).total_seconds()
            if job.started_at and job.completed_at
            else None
        )
        return field_grid(
            [
                ("Status", status),
                ("Started", fmt.when(job.started_at)),
                ("Completed", fmt.when(job.completed_at)),
                ("Duration", fmt.seconds(duration)),
                ("Master job", job.master_job_id),
                ("Repeat", "yes" if job.is_repeat else "no"),
                ("Error", fmt.text(job.error)),
            ]
        )

    def action_raw_json(self) -> None:
        from .json_view import JsonScreen

        value = self.detail.model_dump(mode="json") if self.detail else self.job
        self.app.push_screen(JsonScreen(f"Job {self.job['id']}", value))
