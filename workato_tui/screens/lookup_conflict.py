"""A row someone else changed while you edited it: theirs, yours and the original, side by side.

Dismisses with "theirs" (drop your change, take their values), "yours" (re-stage your change
on top of their version and save it) or None (decide later: it stays staged, held back).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from ..lookup import Conflict
from ..lookup.diff import side_by_side


class ConflictScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "choose('theirs')", "Keep theirs", id="conflict-keep-theirs"),
        Binding("y", "choose('yours')", "Keep yours", id="conflict-keep-yours"),
        Binding("escape", "choose('')", "Decide later", id="conflict-later"),
    ]

    DEFAULT_CSS = """
    ConflictScreen { align: center middle; }
    ConflictScreen > #conflict {
        width: 110; max-width: 100%; height: auto; max-height: 90%;
        border: thick $error; background: $surface; padding: 1 2;
    }
    ConflictScreen #conflict-title { text-style: bold; }
    ConflictScreen #conflict-what { margin: 1 0; }
    ConflictScreen #conflict-cells { height: auto; max-height: 16; }
    ConflictScreen #conflict-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ConflictScreen Button { margin-left: 2; }
    """

    def __init__(
        self, conflict: Conflict, columns: Sequence[str], number: int = 1, total: int = 1
    ) -> None:
        super().__init__()
        self.conflict = conflict
        self.columns = list(columns)
        self.number = number
        self.total = total

    def compose(self) -> ComposeResult:
        c = self.conflict
        with Vertical(id="conflict"):
            yield Label(
                f"Conflict {self.number} of {self.total}: {c.name}",
                id="conflict-title",
                markup=False,
            )
            yield Static(self._what(), id="conflict-what", markup=False)
            with VerticalScroll(id="conflict-cells"):
                yield Static(self._cells())
            with Horizontal(id="conflict-buttons"):
                yield Button("Decide later", id="later")
                yield Button("Keep theirs (t)", id="theirs", variant="primary")
                yield Button(self._yours_label(), id="yours", variant="warning")

    def _what(self) -> str:
        c = self.conflict
        if c.theirs is None:
            happened = "Someone else deleted this row since you loaded it."
        else:
            happened = "Someone else changed this row since you loaded it."
        mine = "You staged its deletion." if c.deleting else "You staged changes to it."
        return (
            f"{happened} {mine} Nothing was sent for this row. Keep theirs drops your "
            "change; keep yours puts your change on top of their version and saves it."
        )

    def _yours_label(self) -> str:
        c = self.conflict
        if c.deleting:
            return "Delete anyway (y)"
        if c.theirs is None:
            return "Add yours back as a new row (y)"
        return "Keep yours and save (y)"

    def _cells(self) -> Table:
        c = self.conflict
        table = Table(expand=True, show_lines=False)
        for header in ("COLUMN", "THEIRS (now)", "YOURS (staged)", "ORIGINAL (loaded)"):
            table.add_column(header, overflow="fold")
        yours = {k: "(delete)" for k in self.columns} if c.deleting else c.yours
        for column, theirs, mine, original in side_by_side(
            self.columns, c.theirs, yours, c.original
        ):
            table.add_row(
                Text(column),
                _marked(theirs, original, "bold yellow"),
                _marked(mine, original, "bold cyan"),
                Text(original),
            )
        return table

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id if event.button.id in ("theirs", "yours") else None)


def _marked(value: str, original: str, style: str) -> Text:
    """A cell, highlighted when it differs from the original."""
    return Text(value, style=style if value != original else "")
