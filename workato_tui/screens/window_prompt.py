"""Asks for a time window such as `36h`, `3d` or `90m` (the failures inbox's custom window)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ..service.failure_scan import parse_window


class WindowPrompt(ModalScreen[str | None]):
    """Returns the window as typed once it parses, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="window-cancel"),
    ]
    DEFAULT_CSS = """
    WindowPrompt { align: center middle; }
    WindowPrompt > Vertical {
        width: 60; max-width: 100%; height: auto; border: thick $accent;
        background: $surface; padding: 1 2;
    }
    WindowPrompt #window-error { color: $text-error; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Failures of the last … (e.g. 90m, 36h, 3d; at most 30d)")
            yield Input(placeholder="36h", id="window-input")
            yield Label("", id="window-error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip().lower()
        if parse_window(text) is None:
            self.query_one("#window-error", Label).update(
                f"{event.value!r} is not a window: a number and m, h or d, up to 30d"
            )
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
