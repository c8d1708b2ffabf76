"""A job's steps: a keyboard list (adapter, operation, time bar, error mark) and what one step
read, wrote and failed with, as readable JSON (decisions #34)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group, RenderableType
from rich.syntax import Syntax
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..views import format as fmt

if TYPE_CHECKING:
    from ..api.models import JobLine

BAR_WIDTH = 16
MASKED = (
    "This step's data is masked: the recipe hides its input and output, so Workato does "
    "not send them."
)
ABSENT = "Workato sent no input or output for this step; the job's page in Workato may show it:"


def step_total(line: JobLine) -> float:
    return float((line.line_stat or {}).get("total") or 0.0)


def failing_index(lines: list[JobLine]) -> int | None:
    """The first step with an error, the one to read first when a job failed."""
    return next((i for i, line in enumerate(lines) if line.error), None)


def step_label(line: JobLine, widths: tuple[int, int], longest: float) -> Text:
    total = step_total(line)
    bar = "█" * max(1, round(BAR_WIDTH * total / (longest or 1.0))) if total else ""
    text = Text(f"{line.recipe_line_number if line.recipe_line_number is not None else '?':>2}  ")
    text.append(f"{line.adapter_name or '':<{widths[0]}}  ", style="bold")
    text.append(f"{line.adapter_operation or '':<{widths[1]}}  ")
    text.append(f"{fmt.seconds(total):>7}  ")
    text.append(f"{bar:<{BAR_WIDTH}}", style="red" if line.error else "cyan")
    if line.error:
        text.append("  ")
        text.append(" ✗ failed ", style="bold white on red")
    elif line.masked:
        text.append("  masked", style="dim")
    return text


def _json(value: Any) -> Syntax:
    dumped = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    return Syntax(dumped, "json", theme="ansi_dark", word_wrap=True, background_color="default")


def _section(title: str, value: Any, error: bool = False) -> list[RenderableType]:
    heading = Text(title, style="bold red" if error else "bold")
    if isinstance(value, str):
        return [heading, Text(value, style="red" if error else "")]
    return [heading, _json(value)]


def step_detail(line: JobLine, web_url: str) -> Group:
    """What the step read and wrote, and its error; says so when masked or absent."""
    parts: list[RenderableType] = [
        Text(
            f"Step {line.recipe_line_number}: {line.adapter_name} · {line.adapter_operation} · "
            f"{fmt.seconds(step_total(line))}",
            style="bold underline",
        )
    ]
    if line.error:
        parts += _section("Error", line.error, error=True)
    if line.masked:
        parts.append(Text(MASKED, style="yellow"))
    elif not line.has_data:
        parts += [Text(ABSENT, style="yellow"), Text(web_url)]
    else:
        parts += _section("Input", line.input if line.input is not None else "(none)")
        if line.output is None and line.error:
            parts += [Text("Output", style="bold"), Text("(none: the step failed)", style="dim")]
        else:
            parts += _section("Output", line.output if line.output is not None else "(none)")
    return Group(*parts)


class StepList(OptionList):
    """The steps, one per line; moving the highlight shows that step's data."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="steps-down"),
        Binding("k", "cursor_up", "Up", show=False, id="steps-up"),
    ]

    DEFAULT_CSS = """
    StepList, StepList:focus { height: auto; max-height: 9; border: none; padding: 0 1; }
    """

    def show(self, lines: list[JobLine]) -> None:
        widths = (
            max((len(line.adapter_name or "") for line in lines), default=0),
            max((len(line.adapter_operation or "") for line in lines), default=0),
        )
        longest = max((step_total(line) for line in lines), default=0.0)
        self.clear_options()
        self.add_options(
            [Option(step_label(line, widths, longest), id=str(i)) for i, line in enumerate(lines)]
        )

    @property
    def labels(self) -> list[str]:
        """Each step's line as shown (for tests and screen readers)."""
        return [str(option.prompt) for option in self.options]
