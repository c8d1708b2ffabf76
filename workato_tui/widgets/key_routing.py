"""Keys that reached an input after it handed focus on (typed at paste speed, routed to it
before focus moved), routed again as the app would have, had focus moved first."""

from __future__ import annotations

from textual import events
from textual.widget import Widget


async def route_again(widget: Widget, event: events.Key) -> None:
    """Route a key that reached `widget` after it gave focus away: at once (a priority key
    acts, any other goes to the focused widget), so it keeps its place ahead of keys the app
    has yet to route. Posted back to the app instead, it went behind them when the keys came
    in two reads. (Textual's own routing, App.on_event, calls these same two private methods;
    textual is pinned.)"""
    app = widget.app
    if await app._check_bindings(event.key, priority=True):
        return
    target = app.focused or app.screen
    if target is not widget:
        target._forward_event(events.Key(event.key, event.character))
