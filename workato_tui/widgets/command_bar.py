"""The `:` command line: jump to a view by name or alias, with completion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input


class CommandBar(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", show=False, id="command-close"),
    ]

    DEFAULT_CSS = """
    CommandBar { dock: bottom; display: none; border: tall $accent; height: 3; }
    CommandBar.-active { display: block; }
    """

    @dataclass
    class Chosen(Message):
        """The user entered a command (named apart from Input.Submitted, which it would hide)."""

        command: str

    def __init__(self, names: list[str], *, id: str | None = None) -> None:
        super().__init__(
            placeholder=":view (recipes, jobs, connections, lookup-tables, …)",
            suggester=SuggestFromList(names, case_sensitive=False),
            id=id,
        )

    def open(self) -> None:
        self.value = ""
        self.add_class("-active")
        self.screen.set_focus(self)  # at once: keys typed right after ':' must land here

    def action_close(self) -> None:
        self.remove_class("-active")
        self.value = ""
        self.screen.focus_next()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        command = event.value.strip()
        self.remove_class("-active")
        self.value = ""
        if command:
            self.post_message(self.Chosen(command))
