"""Import a CSV into a lookup table: pick the file, how rows match, whether to delete; preview.

Dismisses with the `ImportPlan` to stage (nothing is sent here), or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from ..lookup import AUTO, CsvProblem, ImportPlan
from ..lookup.rows import ID

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
            yield Select(options, value=AUTO, allow_blank=False, id="import-key")
            yield Checkbox(
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

    def preview(self) -> ImportPlan | None:
        """Plan the import and show it (or the problem, naming the line)."""
        problem = self.query_one("#import-problem", Static)
        lines = self.query_one("#import-lines", Static)
        key = self.query_one("#import-key", Select).value
        delete = self.query_one("#import-delete", Checkbox).value
        try:
            self.plan = self.planner(self.path(), str(key), delete)
        except CsvProblem as error:
            self.plan = None
            problem.update(f"Cannot import {self.path().name}: {error}")
            lines.update("")
            return None
        problem.update("")
        lines.update(
            "\n".join([f"Would stage: {self.plan.summary()}", *self.plan.lines(self.columns)])
        )
        return self.plan

    @on(Input.Submitted, "#import-path")
    @on(Select.Changed, "#import-key")
    @on(Checkbox.Changed, "#import-delete")
    def _changed(self) -> None:
        self.preview()

    @on(Button.Pressed, "#import-stage")
    def action_stage(self) -> None:
        plan = self.preview()
        if plan is not None:
            self.dismiss(plan)

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
