"""The footer every screen shows: the essential keys first, then the place's own keys that fit.

Textual's Footer lays the active bindings out in one row, the focused widget's and the
screen's first and the app's last, so at 80 columns `? Keys` and `^q Quit` fall off the right
edge, and the command-palette key, docked right over the others, garbles the labels under it.
Here the essential keys (help, go to, palette, quit) come first and always show; the place's
keys follow while whole keys fit the width (a key never shows cut), and the rest are in `?`.
A screen whose own keys matter more than the focused pane's (recipe detail's writes and
`esc`, over its jobs pane's) asks for `KeysFooter(screen_first=True)`. Keys of one
`Binding.Group` show together under the group's label (`c e t x D C Recipe`), as in Footer.
It recomposes at most once a refresh, and only when what it shows changes (Footer recomposes
after every change of the bindings: eight times before the app's first frame).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

# Binding ids of the keys every place shows, in this order (the palette is the app's
# COMMAND_PALETTE_BINDING, which has no id).
ESSENTIAL_IDS = ("help", "command", "palette", "quit")
PALETTE_LABEL = "Palette"


class ShownKey(NamedTuple):
    binding: Binding
    enabled: bool
    tooltip: str
    essential: int  # place in ESSENTIAL_IDS, or len(ESSENTIAL_IDS) for the place's own keys


PLACE = len(ESSENTIAL_IDS)  # rank of the place's keys (the screen's, with screen_first)
OTHER = PLACE + 1  # rank of the focused widget's keys, with screen_first


class StateKey(FooterKey):
    """A footer key whose enabled state changes in place (Footer makes new ones instead)."""

    def set_enabled(self, enabled: bool, tooltip: str) -> None:
        self._disabled = not enabled  # what FooterKey reads on a click (a bell when disabled)
        self.set_class(not enabled, "-disabled")
        self.tooltip = tooltip or None


class KeysFooter(Footer):
    """A compact footer that keeps `? Keys`, `: Go to`, `^p Palette` and `^q Quit` on screen."""

    def __init__(self, *, screen_first: bool = False) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self.screen_first = screen_first  # the screen's own keys before the focused widget's
        self._width = 0
        self._shown: list[tuple[ShownKey, str]] | None = None  # what the last compose showed
        self._recompose_due = False

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        items = self.fitting(self.shown_keys(), self.size.width or self.app.size.width)
        self._shown = self._what_shows(items)
        for item in items:
            if len(item) == 1:
                yield self._footer_key(item[0], item[0].binding.description)
                continue
            group = item[0].binding.group
            assert group is not None
            with KeyGroup(classes="-compact" if group.compact else ""):
                for key in item:
                    yield self._footer_key(key, "", classes="-grouped")
            yield FooterLabel(group.description)

    def _footer_key(self, key: ShownKey, description: str, classes: str = "") -> StateKey:
        return StateKey(
            key.binding.key,
            self.app.get_key_display(key.binding),
            description,
            key.binding.action,
            disabled=not key.enabled,
            tooltip=_tooltip(key, grouped=not description),
            # always compact: by class, not bound to Footer.compact (which restyles each key
            # once mounted)
            classes=f"{classes} -compact",
        )

    def _what_shows(self, items: list[list[ShownKey]]) -> list[tuple[ShownKey, str]]:
        return [(key, self.app.get_key_display(key.binding)) for item in items for key in item]

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Instead of Footer's recompose after every change: one a refresh, if needed."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._recompose_soon()

    def _recompose_soon(self) -> None:
        if not self._recompose_due:
            self._recompose_due = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._recompose_due = False
        if not self.is_attached:
            return
        items = self.fitting(self.shown_keys(), self.size.width or self.app.size.width)
        shown = self._what_shows(items)
        if shown == self._shown:
            return
        if self._shown is not None and _places(shown) == _places(self._shown):
            self._shown = shown  # the same keys, some now enabled or disabled (the row's
            self._set_states(items)  # state): in place, not a recompose for each cursor move
            return
        await self.recompose()

    def _set_states(self, items: list[list[ShownKey]]) -> None:
        for widget, (key, grouped) in zip(self.query(StateKey), _flat(items), strict=True):
            widget.set_enabled(key.enabled, _tooltip(key, grouped=grouped))

    def shown_keys(self) -> list[ShownKey]:
        """One key per action: the essential ones in their order, then the place's own."""
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else ""
        seen: set[str] = set()
        keys: list[ShownKey] = []
        for key, (node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if key == palette_key:
                binding = replace(binding, description=PALETTE_LABEL, id="palette")
            elif not binding.show:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            if binding.id in ESSENTIAL_IDS:
                rank = ESSENTIAL_IDS.index(binding.id)
            else:
                rank = OTHER if self.screen_first and node is not self.screen else PLACE
            keys.append(ShownKey(binding, enabled, tooltip, rank))
        return sorted(keys, key=lambda k: k.essential)  # stable: the place's keys keep order

    def fitting(self, keys: Iterable[ShownKey], budget: int) -> list[list[ShownKey]]:
        """The essential keys, then each further key (or group of keys) whose whole label
        still fits."""
        chosen: list[list[ShownKey]] = []
        used = 0
        for item in self.items(keys):
            width = self.item_width(item)
            if item[0].essential < PLACE or used + width <= budget:
                chosen.append(item)
                used += width
        return chosen

    @staticmethod
    def items(keys: Iterable[ShownKey]) -> Iterator[list[ShownKey]]:
        """One item a key, except neighbouring keys of one group: one item together."""
        for group, members in groupby(keys, key=lambda k: k.binding.group):
            together = list(members)
            if group is not None and len(together) > 1:
                yield together
            else:
                yield from ([key] for key in together)

    def item_width(self, item: list[ShownKey]) -> int:
        if len(item) == 1:
            return self.key_width(item[0].binding)
        group = item[0].binding.group
        keys = sum(cell_len(self.app.get_key_display(k.binding)) + 1 for k in item)
        return 1 + keys + cell_len(group.description if group else "") + 1

    def key_width(self, binding: Binding) -> int:
        """Cells a compact FooterKey takes: key, space, description, right margin."""
        return cell_len(self.app.get_key_display(binding)) + 1 + cell_len(binding.description) + 1

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self._recompose_soon()


def _tooltip(key: ShownKey, *, grouped: bool) -> str:
    """Why it is disabled, if it is; a grouped key (shown without its label) says what it
    does."""
    return key.tooltip or (key.binding.description if grouped else "")


def _places(shown: list[tuple[ShownKey, str]]) -> list[tuple[object, ...]]:
    """What decides the footer's widgets: each key, its label and group, as displayed."""
    return [(k.binding.key, k.binding.description, k.binding.group, d) for k, d in shown]


def _flat(items: list[list[ShownKey]]) -> Iterator[tuple[ShownKey, bool]]:
    """The keys in the order compose makes their widgets, and whether each is grouped."""
    for item in items:
        for key in item:
            yield key, len(item) > 1
