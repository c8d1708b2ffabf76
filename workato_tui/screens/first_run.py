"""Screens for when there is no workspace to show: no token yet, or a token Workato refused."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..api.errors import WorkatoError
from ..widgets.keys_footer import KeysFooter

SETUP = """\
[b]Welcome to workato-tui[/b]

No Workato API token was found$problem.

To connect to your workspace:
  1. In Workato, open Workspace admin > API clients, create a client role with the
     endpoints you need, then an API client; copy its token.
  2. Either export it:   [b]export WORKATO_API_TOKEN=...[/b]   (and [b]WORKATO_HOST=eu[/b] etc.
     outside the US data centre), or add a profile to the config file
     ([b]workato-tui --print-paths[/b] shows where):

     [profiles.prod]
     label = "PROD"
     data_center = "us"
     token_command = "pass show workato/prod"
     read_only = true

Press [b]d[/b] to open the demo workspace (a built-in emulator), or [b]ctrl+q[/b] to quit."""

REFUSED = """\
[b]Workato refused the token of profile $label[/b] (401)

$message

$hint

Correlation id: $correlation_id

Press ctrl+q to quit, or escape to look around anyway."""


class FirstRunScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "demo", "Open the demo", id="open-demo"),
    ]

    def __init__(self, problem: str | None = None) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        detail = f" ({self.problem})" if self.problem else ""
        with Vertical(id="panel"):
            yield Static(Content.from_markup(SETUP, problem=detail))  # the problem is text
        yield KeysFooter()

    def action_demo(self) -> None:
        self.app.open_demo()  # type: ignore[attr-defined]


class AuthErrorScreen(Screen[None]):
    """A 401 at start-up: say so plainly instead of showing empty views."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Dismiss", id="auth-dismiss"),
    ]

    def __init__(self, label: str, error: WorkatoError) -> None:
        super().__init__()
        self.label = label
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(id="panel"):
            yield Static(Content.from_markup(REFUSED, **self._values()))  # values are text
        yield KeysFooter()

    def _values(self) -> dict[str, object]:
        """What REFUSED names: the profile and Workato's words, as text (never markup)."""
        error = self.error
        return {
            "label": self.label,
            "message": error.message,
            "hint": error.hint,
            "correlation_id": error.correlation_id or "none",
        }
