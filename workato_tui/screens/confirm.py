"""The one confirm flow: a modal that says exactly what a write will do, before it is sent.

It names the action, the items, the profile and where it points, and what the change affects
(the seed's warning for the endpoint). Irreversible actions ask to type the item's name (or,
for several items, their count) before the confirm button works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

MAX_LISTED = 8


@dataclass(frozen=True)
class Confirmation:
    action: str  # "Start recipe"
    items: tuple[str, ...]  # what it applies to, by name
    profile: str  # "PROD (us)"
    effect: str  # the endpoint's warning
    endpoint: str = ""  # "PUT /api/recipes/:recipe_id/start"
    irreversible: bool = False
    details: tuple[str, ...] = ()  # extra lines, e.g. a diff
    why_typed: str = "This cannot be undone."  # said before asking to type the phrase

    @property
    def phrase(self) -> str:
        """What to type for an irreversible action."""
        return self.items[0] if len(self.items) == 1 else str(len(self.items))


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="confirm-cancel"),
    ]

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > #dialog {
        width: 84; max-width: 100%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmScreen.-irreversible > #dialog { border: thick $error; }
    ConfirmScreen #title { text-style: bold; margin-bottom: 1; }
    ConfirmScreen #items { height: auto; max-height: 12; margin-bottom: 1; }
    ConfirmScreen #effect { color: $text-warning; margin-bottom: 1; }
    ConfirmScreen #buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ConfirmScreen #mismatch { color: $text-error; }
    ConfirmScreen #confirm-keys { color: $text-muted; margin-top: 1; }
    ConfirmScreen Button { margin-left: 2; }
    """

    def __init__(self, confirmation: Confirmation) -> None:
        super().__init__(classes="-irreversible" if confirmation.irreversible else None)
        self.confirmation = confirmation

    def compose(self) -> ComposeResult:
        c = self.confirmation
        with Vertical(id="dialog"):
            count = f" ({len(c.items)} items)" if len(c.items) > 1 else ""
            yield Label(f"{c.action}{count}?", id="title", markup=False)
            with VerticalScroll(id="items"):
                yield Static(self._items_text(), markup=False)
            yield Static(
                f"Profile: {c.profile}" + (f"\nCall: {c.endpoint}" if c.endpoint else ""),
                markup=False,
            )
            yield Static(f"What it does: {c.effect}", id="effect", markup=False)
            if c.irreversible:
                yield Static(f"{c.why_typed} Type {c.phrase!r} to confirm:", markup=False)
                yield Input(placeholder=c.phrase, id="typed")
                yield Static("", id="mismatch", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(
                    Content(c.action),
                    id="confirm",
                    variant="error" if c.irreversible else "warning",
                    disabled=c.irreversible,
                )
            yield Static(self._keys_text(), id="confirm-keys", markup=False)

    def _keys_text(self) -> str:
        enter = "type the phrase, then enter" if self.confirmation.irreversible else "enter"
        return f"{enter}: {self.confirmation.action} · esc: cancel · tab: move"

    def _items_text(self) -> str:
        items = list(self.confirmation.items[:MAX_LISTED])
        more = len(self.confirmation.items) - len(items)
        lines = [f"• {item}" for item in items]
        if more:
            lines.append(f"… and {more} more")
        lines.extend(self.confirmation.details)
        return "\n".join(lines)

    def on_mount(self) -> None:
        if self.confirmation.irreversible:
            self.query_one("#typed", Input).focus()
        else:
            self.query_one("#confirm", Button).focus()

    @on(Input.Changed, "#typed")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#confirm", Button).disabled = event.value != self.confirmation.phrase

    @on(Input.Submitted, "#typed")
    def _typed_enter(self, event: Input.Submitted) -> None:
        if event.value == self.confirmation.phrase:
            self.dismiss(True)
            return
        self.query_one("#mismatch", Static).update(
            f"{event.value!r} does not match {self.confirmation.phrase!r}: nothing was sent"
        )

    @on(Button.Pressed, "#confirm")
    def _confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
