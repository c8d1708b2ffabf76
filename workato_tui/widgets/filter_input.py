"""The `/` filter box: once enter submits it, keys already on their way to it go on.

Typed at paste speed (`/ fail Enter *`), the app forwards `*` to the focused widget, still the
box, before the box has even handled the Enter, so `*` landed in the filter text instead of
marking the rows. Here the box handles Enter itself, at once: it submits, hands focus to the
widget it was filtering, and every key that still reaches it (sent before focus moved) is routed
again at once, bindings included, to the newly focused widget, in order (`route_again`, as
the lookup prompt does).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widget import Widget
from textual.widgets import Input

from .key_routing import route_again


class FilterInput(Input):
    """An Input that, on enter, submits and leaves for `leave_to()` without losing keys."""

    def __init__(self, *, leave_to: Callable[[], Widget], placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.leave_to = leave_to
        self.passing_on = False  # submitted: keys still arriving here belong to `leave_to()`

    async def _on_key(self, event: events.Key) -> None:
        if self.passing_on:
            event.stop()
            event.prevent_default()
            await route_again(self, event)
        elif event.key == "enter":
            event.stop()
            event.prevent_default()
            self.passing_on = True
            self.screen.set_focus(self.leave_to())
            await self.action_submit()

    def _on_focus(self, event: events.Focus) -> None:
        self.passing_on = False  # opened again with `/`: typing is for the box once more
