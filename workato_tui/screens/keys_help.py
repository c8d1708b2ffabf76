"""`?` on any screen: the keys of that screen first, with their binding ids, then the global ones.

The list scrolls (arrows, page keys), so nothing falls below a fold at 80x24; the ids are the
names `[keymap]` in config.toml takes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static


@dataclass(frozen=True)
class KeyLine:
    key: str
    description: str
    binding_id: str
    enabled: bool


def key_lines(screen: Screen[object]) -> tuple[list[KeyLine], list[KeyLine]]:
    """(this screen's keys, the app's keys), from what is bound where the user is now."""
    app: App[object] = screen.app
    ranked: list[tuple[int, KeyLine]] = []
    everywhere: list[KeyLine] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        line = KeyLine(
            app.get_key_display(binding),
            binding.description or binding.action,
            binding.id or "",
            active.enabled,
        )
        if active.node is app:
            everywhere.append(line)
        else:  # the screen's own actions, then the focused widget's, then Textual's own
            ranked.append((0 if active.node is screen else 1 if binding.id else 2, line))
    here = [line for _, line in sorted(ranked, key=lambda pair: pair[0])]
    return here, everywhere


class KeysScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss_keys", "Close", id="keys-close"),
    ]
    DEFAULT_CSS = """
    KeysScreen { align: center middle; }
    KeysScreen > Vertical {
        width: 90; max-width: 100%; height: 90%; border: thick $accent; background: $surface;
        padding: 0 1;
    }
    KeysScreen #keys-title { text-style: bold; margin: 0 0 1 0; }
    KeysScreen VerticalScroll { height: 1fr; }
    """

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.for_screen = screen
        self.here, self.everywhere = key_lines(screen)

    def compose(self) -> ComposeResult:
        name = type(self.for_screen).__name__.removesuffix("Screen") or "Main"
        with Vertical():
            yield Label(
                f"Keys: {name} (ids for [keymap] in config.toml; ↑↓ scroll, esc closes)",
                id="keys-title",
                markup=False,
            )
            with VerticalScroll(id="keys-scroll"):
                yield Static(_table("Here", self.here), id="keys-here")
                yield Static(_table("Everywhere", self.everywhere), id="keys-everywhere")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_dismiss_keys(self) -> None:
        self.dismiss(None)


def _table(title: str, lines: list[KeyLine]) -> Table:
    table = Table(title=title, title_justify="left", box=None, padding=(0, 2), expand=True)
    table.add_column("KEY", style="bold", no_wrap=True)
    table.add_column("WHAT IT DOES")
    table.add_column("ID", style="dim", no_wrap=True)
    seen: set[tuple[str, str]] = set()
    for line in lines:
        if (line.key, line.binding_id) in seen:
            continue
        seen.add((line.key, line.binding_id))
        what = Text(line.description)
        if not line.enabled:
            what.append(" (unavailable here)", style="dim")
        table.add_row(line.key, what, line.binding_id)
    return table
