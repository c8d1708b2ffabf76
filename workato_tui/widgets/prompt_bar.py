"""A one-line prompt under a grid (edit a cell, filter, look up, a file path): a label and an
input. What the prompt was asked for comes back with its answer; the host decides what it
means.

    bar = PromptBar(on_answer=self.answered)
    bar.ask("edit", "name of CC-1000:", "Sales", target=(1000, "name"))  # opens, focused
    answered(Answer("edit", "Marketing", (1000, "name"), step=0))  # enter; tab +1, shift+tab -1
    answered(Answer("edit", "Mark", (1000, "name"), step=None))    # escape: cancelled
    @on(PromptBar.Changed)  -> every keystroke (a live filter)

Keys typed at paste speed: the app routes each key to the widget focused when it arrives, and
a widget handles its keys later, in order, on its own turn; an Input's own bindings (enter,
backspace) act later still, once the key has bubbled back up to the app. So here enter, tab,
shift+tab and escape answer, and the Input's editing keys act, in the order typed: on an
answer the prompt closes, focus goes back at once to the widget it came from, and the host
gets the answer (with the target it was asked about) before any key typed after it is routed.
Keys that still reach the closed input (routed before focus moved) are routed again at once,
in order, ahead of any key the app has yet to route.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label

from .key_routing import route_again


@dataclass(frozen=True)
class Answer:
    """How an open prompt was answered."""

    mode: str  # what it asked for (as given to `ask`)
    value: str
    target: object  # what it was asked about (as given to `ask`), e.g. the cell an edit is for
    step: int | None  # enter 0, tab +1, shift+tab -1; None: escape, cancelled

    @property
    def cancelled(self) -> bool:
        return self.step is None


# keys that answer the prompt, handled in the order typed: the step each stands for
ANSWER_KEYS: dict[str, int | None] = {"enter": 0, "tab": 1, "shift+tab": -1, "escape": None}


class PromptInput(Input):
    """The prompt's input: answers on enter, tab, shift+tab and escape; passes on the keys that
    reach it once closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "answer(1)", "Next cell", show=False, id="lookup-edit-next-cell"),
        Binding(
            "shift+tab", "answer(-1)", "Previous cell", show=False, id="lookup-edit-previous-cell"
        ),
    ]

    def __init__(self, bar: PromptBar) -> None:
        super().__init__(select_on_focus=False)
        self.bar = bar

    async def _on_key(self, event: events.Key) -> None:
        if self.bar.mode is None:  # closed: the key was routed here before focus moved on
            event.stop()
            event.prevent_default()
            await route_again(self, event)
        elif event.key in ANSWER_KEYS:
            event.stop()
            event.prevent_default()
            self.bar.answer(ANSWER_KEYS[event.key])
        else:
            await self._edit_now(event)

    async def _edit_now(self, event: events.Key) -> None:
        """An editing key of the Input's own (backspace, ctrl+u, left...) acts now, in the
        order typed, not once it has bubbled back up to the app: in `a backspace b`, the
        backspace would erase the b."""
        active = self.screen.active_bindings.get(event.key)
        if active is not None and active.node is self and active.enabled:
            event.stop()
            event.prevent_default()
            await self.run_action(active.binding.action)

    # the bindings, reached only when a keymap moved them to other keys
    def action_answer(self, step: int) -> None:
        self.bar.answer(step)

    async def action_submit(self) -> None:
        self.bar.answer(0)


class PromptBar(Horizontal):
    """Hidden until `ask()`; closes on enter, tab and escape (answering), or on `take()`."""

    DEFAULT_CSS = """
    PromptBar { display: none; height: 3; }
    PromptBar.-active { display: block; }
    PromptBar > Label { width: auto; max-width: 50%; padding: 1 1 0 1; }
    PromptBar > PromptInput { width: 1fr; }
    """

    @dataclass
    class Changed(Message):
        bar: PromptBar
        mode: str
        value: str

    def __init__(self, *, on_answer: Callable[[Answer], None], id: str | None = None) -> None:
        super().__init__(id=id)
        self.on_answer = on_answer
        self.mode: str | None = None  # what the open prompt asks for; None when closed
        self.target: object = None  # what it asks about
        self.came_from: Widget | None = None  # focused before it opened: gets focus back

    def compose(self) -> ComposeResult:
        yield Label("", markup=False)
        yield PromptInput(self)

    @property
    def input(self) -> PromptInput:
        return self.query_one(PromptInput)

    @property
    def value(self) -> str:
        return self.input.value

    def ask(self, mode: str, label: str, value: str = "", *, target: object = None) -> None:
        box = self.input
        focused = self.screen.focused
        if focused is not box:
            self.came_from = focused
        self.mode, self.target = mode, target
        self.add_class("-active")
        self.query_one(Label).update(label)
        box.value = value
        box.cursor_position = len(value)
        # Focus now, not on the next turn of the event loop as `focus()` does: the key that
        # opened the prompt is a priority binding, so the keys typed right after it at paste
        # speed are routed after this returns, and must find the prompt focused.
        self.screen.set_focus(box)

    def take(self, step: int | None = 0) -> Answer | None:
        """Close the prompt (focus back at once) and return its answer; None if closed."""
        if self.mode is None:
            return None
        answer = Answer(self.mode, self.value, self.target, step)
        self.mode, self.target = None, None
        self.remove_class("-active")
        came_from, self.came_from = self.came_from, None
        if self.screen.focused is self.input:
            self.screen.set_focus(came_from if came_from and came_from.is_attached else None)
        return answer

    def answer(self, step: int | None) -> None:
        """Close and hand the answer to the host now (it may ask again at once: tab)."""
        answer = self.take(step)
        if answer is not None:
            self.on_answer(answer)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.mode is not None:
            self.post_message(self.Changed(self, self.mode, event.value))
