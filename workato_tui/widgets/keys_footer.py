"""The footer every screen shows: the essential keys first, then the place's own keys that fit.

Textual's Footer lays the active bindings out in one row, the focused widget's and the
screen's first and the app's last, so at 80 columns `? Keys` and `^q Quit` fall off the right
edge, and the command-palette key, docked right over the others, garbles the labels under it.
Here the essential keys (help, go to, palette, quit) come first and always show; the place's
keys follow while whole keys fit the width (a key never shows cut), and the rest are in `?`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Binding ids of the keys every place shows, in this order (the palette is the app's
# COMMAND_PALETTE_BINDING, which has no id).
ESSENTIAL_IDS = ("help", "command", "palette", "quit")
PALETTE_LABEL = "Palette"


class ShownKey(NamedTuple):
    binding: Binding
    enabled: bool
    tooltip: str
    essential: int  # place in ESSENTIAL_IDS, or len(ESSENTIAL_IDS) for the place's own keys


class KeysFooter(Footer):
    """A compact footer that keeps `? Keys`, `: Go to`, `^p Palette` and `^q Quit` on screen."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._width = 0

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        budget = self.size.width or self.app.size.width
        for key in self.fitting(self.shown_keys(), budget):
            yield FooterKey(
                key.binding.key,
                self.app.get_key_display(key.binding),
                key.binding.description,
                key.binding.action,
                disabled=not key.enabled,
                tooltip=key.tooltip,
            ).data_bind(compact=Footer.compact)

    def shown_keys(self) -> list[ShownKey]:
        """One key per action: the essential ones in their order, then the place's own."""
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else ""
        seen: set[str] = set()
        keys: list[ShownKey] = []
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if key == palette_key:
                binding = replace(binding, description=PALETTE_LABEL, id="palette")
            elif not binding.show:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            rank = ESSENTIAL_IDS.index(binding.id) if binding.id in ESSENTIAL_IDS else 99
            keys.append(ShownKey(binding, enabled, tooltip, min(rank, len(ESSENTIAL_IDS))))
        return sorted(keys, key=lambda k: k.essential)  # stable: the place's keys keep order

    def fitting(self, keys: Iterable[ShownKey], budget: int) -> list[ShownKey]:
        """The essential keys, then each further key whose whole label still fits."""
        chosen: list[ShownKey] = []
        used = 0
        for key in keys:
            width = self.key_width(key.binding)
            if key.essential < len(ESSENTIAL_IDS) or used + width <= budget:
                chosen.append(key)
                used += width
        return chosen

    def key_width(self, binding: Binding) -> int:
        """Cells a compact FooterKey takes: key, space, description, right margin."""
        return cell_len(self.app.get_key_display(binding)) + 1 + cell_len(binding.description) + 1

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)
