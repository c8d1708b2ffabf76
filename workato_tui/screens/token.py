"""A new API token, shown once: copy it (OSC 52, works over SSH) and it is gone.

The token lives only in this screen's memory: it is never logged, cached or written anywhere.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import SecretStr
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class TokenScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", "Copy", id="token-copy"),
        Binding("escape", "close", "Close", id="token-close"),
    ]

    DEFAULT_CSS = """
    TokenScreen { align: center middle; }
    TokenScreen > #token-dialog {
        width: 90; max-width: 100%; height: auto; border: thick $success;
        background: $surface; padding: 1 2;
    }
    TokenScreen #token-value { background: $boost; padding: 1; margin: 1 0; }
    TokenScreen #token-buttons { height: auto; align-horizontal: right; }
    TokenScreen Button { margin-left: 2; }
    """

    def __init__(self, client_name: str, token: SecretStr) -> None:
        super().__init__()
        self.client_name = client_name
        self._token = token

    def compose(self) -> ComposeResult:
        with Vertical(id="token-dialog"):
            yield Label(f"New token for API client {self.client_name!r}", markup=False)
            yield Static(
                "Copy it now: Workato shows it once, and workato-tui does not keep it.",
                markup=False,
            )
            yield Static(self._token.get_secret_value(), id="token-value", markup=False)
            with Horizontal(id="token-buttons"):
                yield Button("Copy (c)", id="token-copy", variant="primary")
                yield Button("Close", id="token-close")

    @on(Button.Pressed, "#token-copy")
    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self._token.get_secret_value())
        self.notify("Token copied to the clipboard (OSC 52).", title="API client")

    @on(Button.Pressed, "#token-close")
    def action_close(self) -> None:
        self.dismiss(None)
