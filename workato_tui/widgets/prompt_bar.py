"""A one-line prompt under a grid (edit a cell, filter, look up, a file path): a label and an
input. It says what happened in messages, past tense; the screen decides what they mean.

    bar.ask("edit", "name of CC-1000:", "Sales")   # opens, focused, text selected at the end
    @on(PromptBar.Submitted)  -> mode "edit", value "Marketing"
    @on(PromptBar.Changed)    -> every keystroke (a live filter)
    @on(PromptBar.Advanced)   -> tab / shift+tab: submitted, and move on (+1 / -1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class PromptInput(Input):
    """The prompt's input: tab and shift+tab post `Tabbed` (editing a cell: the next cell)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "tab(1)", "Next cell", show=False, id="lookup-edit-next-cell"),
        Binding(
            "shift+tab", "tab(-1)", "Previous cell", show=False, id="lookup-edit-previous-cell"
        ),
    ]

    @dataclass
    class Tabbed(Message):
        step: int

    def action_tab(self, step: int) -> None:
        self.post_message(self.Tabbed(step))


class PromptBar(Horizontal):
    """Hidden until `ask()`; closes itself on enter and tab, or when `close()`d."""

    DEFAULT_CSS = """
    PromptBar { display: none; height: 3; }
    PromptBar.-active { display: block; }
    PromptBar > Label { width: auto; max-width: 50%; padding: 1 1 0 1; }
    PromptBar > PromptInput { width: 1fr; }
    """

    @dataclass
    class Submitted(Message):
        """Enter was pressed: the prompt is closed."""

        bar: PromptBar
        mode: str
        value: str

    @dataclass
    class Changed(Message):
        bar: PromptBar
        mode: str
        value: str

    @dataclass
    class Advanced(Message):
        """Tab (+1) or shift+tab (-1) was pressed: the prompt is closed."""

        bar: PromptBar
        mode: str
        value: str
        step: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode: str | None = None  # what the open prompt asks for; None when closed

    def compose(self) -> ComposeResult:
        yield Label("", markup=False)
        yield PromptInput(select_on_focus=False)

    @property
    def input(self) -> PromptInput:
        return self.query_one(PromptInput)

    @property
    def value(self) -> str:
        return self.input.value

    def ask(self, mode: str, label: str, value: str = "") -> None:
        self.mode = mode
        self.add_class("-active")
        self.query_one(Label).update(label)
        box = self.input
        box.value = value
        box.cursor_position = len(value)
        # Focus now, not on the next turn of the event loop as `focus()` does: the key that
        # opened the prompt is a priority binding, so the keys typed right after it at paste
        # speed are routed after this returns, and must find the prompt focused.
        self.screen.set_focus(box)

    def close(self) -> None:
        self.mode = None
        self.remove_class("-active")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.mode is not None:
            self.post_message(self.Changed(self, self.mode, event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        mode = self.mode
        self.close()
        if mode is not None:
            self.post_message(self.Submitted(self, mode, event.value))

    @on(PromptInput.Tabbed)
    def _tabbed(self, event: PromptInput.Tabbed) -> None:
        event.stop()
        mode, value = self.mode, self.value
        self.close()
        if mode is not None:
            self.post_message(self.Advanced(self, mode, value, event.step))
