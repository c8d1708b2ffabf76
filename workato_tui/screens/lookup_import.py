"""Import a CSV into a lookup table: pick the file, how rows match, whether to delete; preview.

Dismisses with the `ImportPlan` to stage (nothing is sent here), or None. The file is read and
planned in a thread, so a large file never freezes the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static
from textual.worker import get_current_worker

from ..lookup import AUTO, CsvProblem, ImportPlan
from ..lookup.gcpause import collector_paused
from ..lookup.rows import ID
from ..widgets.plain_checkbox import PlainCheckbox

Planner = Callable[[Path, str, bool], ImportPlan]  # path, key column, delete missing


class ImportScreen(ModalScreen[ImportPlan | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import-cancel"),
        Binding("ctrl+s", "stage", "Stage", id="import-stage"),
    ]

    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > #import {
        width: 100; max-width: 100%; height: auto; max-height: 95%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ImportScreen #import-title { text-style: bold; margin-bottom: 1; }
    ImportScreen #import-preview { height: auto; max-height: 14; margin-top: 1; }
    ImportScreen #import-problem { color: $text-error; }
    ImportScreen #import-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ImportScreen Button { margin-left: 2; }
    """

    def __init__(
        self,
        table_name: str,
        columns: Sequence[str],
        default_path: Path,
        planner: Planner,
        workdir: Path,
    ) -> None:
        super().__init__()
        self.table_name = table_name
        self.columns = list(columns)
        self.default_path = default_path
        self.planner = planner
        self.workdir = workdir
        self.plan: ImportPlan | None = None

    def compose(self) -> ComposeResult:
        first = self.columns[0] if self.columns else ID
        options = [
            (f"auto: the id column if the file has one, else {first}", AUTO),
            *((f"{c}" + (" (first column)" if c == first else ""), c) for c in self.columns),
            ("id: row ids in the file", ID),
        ]
        with Vertical(id="import"):
            yield Label(
                f"Import a CSV file into {self.table_name}", id="import-title", markup=False
            )
            yield Label("File (enter previews):")
            yield Input(str(self.default_path), id="import-path", select_on_focus=False)
            yield Label("Match rows by:")
            yield Select(
                [(Text(prompt), value) for prompt, value in options],  # column names: text
                value=AUTO,
                allow_blank=False,
                id="import-key",
            )
            yield PlainCheckbox(
                "Also delete the table's rows that are not in the file", id="import-delete"
            )
            with VerticalScroll(id="import-preview"):
                yield Static("", id="import-problem", markup=False)
                yield Static("", id="import-lines", markup=False)
            with Horizontal(id="import-buttons"):
                yield Button("Cancel", id="import-cancel")
                yield Button("Stage changes", id="import-stage", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()
        if self.default_path.exists():
            self.preview()

    def path(self) -> Path:
        raw = Path(self.query_one("#import-path", Input).value.strip()).expanduser()
        return raw if raw.is_absolute() else self.workdir / raw

    def preview(self, *, then_stage: bool = False) -> None:
        """Plan the import in a thread (a big file takes a while) and show it, or the problem
        naming the line; with `then_stage`, dismiss with the plan once it is ready."""
        key = str(self.query_one("#import-key", Select).value)
        delete = self.query_one("#import-delete", PlainCheckbox).value
        self.query_one("#import-problem", Static).update(f"Reading {self.path().name}…")
        self._plan_in_thread(self.path(), key, delete, then_stage)

    @work(thread=True, exclusive=True, group="import-preview", exit_on_error=False)
    def _plan_in_thread(self, path: Path, key: str, delete: bool, then_stage: bool) -> None:
        try:
            with collector_paused():
                plan: ImportPlan | str = self.planner(path, key, delete)
        except CsvProblem as error:
            plan = f"Cannot import {path.name}: {error}"
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_plan, plan, then_stage)

    def _show_plan(self, plan: ImportPlan | str, then_stage: bool) -> None:
        problem = self.query_one("#import-problem", Static)
        lines = self.query_one("#import-lines", Static)
        if isinstance(plan, str):
            self.plan = None
            problem.update(plan)
            lines.update("")
            return
        self.plan = plan
        problem.update("")
        lines.update("\n".join([f"Would stage: {plan.summary()}", *plan.lines(self.columns)]))
        if then_stage:
            self.dismiss(plan)

    @on(Input.Submitted, "#import-path")
    @on(Select.Changed, "#import-key")
    @on(Checkbox.Changed, "#import-delete")
    def _changed(self) -> None:
        self.preview()

    @on(Button.Pressed, "#import-stage")
    def action_stage(self) -> None:
        self.preview(then_stage=True)  # the file as it is now

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
