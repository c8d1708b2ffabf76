"""ctrl+p lists every action that applies where you are, read from the keys bound there.

The screen's active bindings (the focused widget's, its parents', the screen's, the app's) are
exactly what the keyboard can do here, so the palette offers each one by its label with its key:
stop, start, repeat, export, deploy … on a list, the detail screens' own actions, the lookup
editor's. A write that is disabled here (the policy, a 403 this session, the row's state) is
listed saying why; choosing it says why again instead of sending anything. Moving the cursor and
scrolling are left out: they are keys, not tasks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

from .write_catalog import BY_ID

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding
    from textual.dom import DOMNode
    from textual.screen import Screen

# Actions that move or scroll rather than do something: not worth a palette entry.
MOVES = frozenset(
    {
        "cursor_up",
        "cursor_down",
        "cursor_left",
        "cursor_right",
        "next_cell",
        "previous_cell",
        "page_up",
        "page_down",
        "home",
        "end",
        "first_row",
        "last_row",
        "mark_up",
        "mark_down",
        "scroll_up",
        "scroll_down",
        "scroll_left",
        "scroll_right",
        "scroll_home",
        "scroll_end",
        "focus_next",
        "focus_previous",
        "command_palette",
        "next_pane",
        "previous_pane",
    }
)


def action_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """One command per action bound where the user is, labelled with its key."""
    seen: set[str] = set()
    for node, binding, enabled, _tooltip in screen.active_bindings.values():
        name = binding.action.split("(", 1)[0]
        if binding.action in seen or name in MOVES or not binding.description:
            continue
        seen.add(binding.action)
        key = app.get_key_display(binding)
        write = BY_ID.get(_write_id(binding))
        title = write.verb if write else binding.description  # "Stop recipe", not "Stop"
        why = _why_disabled(node, binding) if not enabled else None
        if not enabled and why is None:
            continue  # disabled for no reason worth saying (e.g. a key for another view)
        if why:
            yield SystemCommand(title, f"{key} · disabled: {why}", _say(app, title, why))
        else:
            yield SystemCommand(title, key, _run(app, node, binding.action))


def _write_id(binding: Binding) -> str:
    """`recipe-stop` for a declared write's binding (`act('recipe-stop')`), else ''."""
    name, _, arguments = binding.action.partition("(")
    return arguments.strip("')\"") if name == "act" else ""


def _why_disabled(node: DOMNode, binding: Binding) -> str | None:
    """The reason a declared write is disabled here, if the node can say it."""
    why = getattr(node, "why_disabled", None)
    write = BY_ID.get(_write_id(binding))
    if write is None or why is None:
        return None
    reason = why(write)
    return str(reason) if reason else None


def _run(app: App[Any], node: DOMNode, action: str) -> Callable[[], Any]:
    return lambda: app.run_action(action, node)


def _say(app: App[Any], title: str, why: str) -> Callable[[], None]:
    return lambda: app.notify(why, title=f"{title}: disabled", severity="warning")
