"""The prompt bar hands its answer (with the target it was asked about) to the host as the key
that answers it is handled, in the order typed, and closes; keys that reach it once closed go
on to the widget that has focus again."""

from __future__ import annotations

from pilot_driver import Driver
from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import Static

from workato_tui.widgets.prompt_bar import Answer, PromptBar


class Grid(Static, can_focus=True):
    """Stands for the grid the prompt is opened from: records the keys it gets."""

    def __init__(self) -> None:
        super().__init__("grid")
        self.keys: list[str] = []

    def on_key(self, event: events.Key) -> None:
        self.keys.append(event.key)


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[Answer] = []
        self.changes: list[str] = []
        self.focused_when_answered: list[object] = []

    def compose(self) -> ComposeResult:
        yield Grid()
        yield PromptBar(on_answer=self._answered)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Grid))

    def _answered(self, answer: Answer) -> None:
        self.answers.append(answer)
        self.focused_when_answered.append(self.focused)

    @on(PromptBar.Changed)
    def _changed(self, message: PromptBar.Changed) -> None:
        self.changes.append(message.value)


def burst(app: App[None], keys: list[tuple[str, str | None]]) -> None:
    """Queue every key on the app at once, as a terminal delivers a paste-speed burst."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


async def test_enter_answers_with_the_target_and_closes() -> None:
    app = Host()
    async with app.run_test() as pilot:
        d, bar = Driver(pilot), app.query_one(PromptBar)
        bar.ask("edit", "name of CC-1000:", "Sal", target=(1000, "name"))
        await d.settle()
        assert bar.has_class("-active") and app.focused is bar.input
        await d.press("e", "s", "enter")
        assert app.answers == [Answer("edit", "Sales", (1000, "name"), 0)]
        assert "Sale" in app.changes
        assert bar.mode is None and not bar.has_class("-active")
        assert app.focused_when_answered == [app.query_one(Grid)]  # focus was back already


async def test_tab_shift_tab_and_escape_answer_with_their_step() -> None:
    app = Host()
    async with app.run_test() as pilot:
        d, bar = Driver(pilot), app.query_one(PromptBar)
        for step_key, target in (("tab", 1), ("shift+tab", 2), ("escape", 3)):
            bar.ask("edit", "code:", f"CC-{target}", target=target)
            await d.press(step_key)
        assert [(a.value, a.target, a.step) for a in app.answers] == [
            ("CC-1", 1, 1),
            ("CC-2", 2, -1),
            ("CC-3", 3, None),
        ]
        assert app.answers[-1].cancelled and bar.mode is None


async def test_keys_typed_after_enter_in_one_burst_reach_the_grid_in_order() -> None:
    app = Host()
    async with app.run_test() as pilot:
        d, bar = Driver(pilot), app.query_one(PromptBar)
        grid = app.query_one(Grid)
        bar.ask("find", "Look up:", target="code")
        await d.settle()
        burst(
            app, [("a", "a"), ("b", "b"), ("enter", "\r"), ("j", "j"), ("x", "x"), ("down", None)]
        )
        await d.until(lambda: len(grid.keys) == 3, "the keys after enter at the grid")
        assert app.answers == [Answer("find", "ab", "code", 0)]
        assert grid.keys == ["j", "x", "down"] and bar.value == "ab"
        assert app.focused is grid


async def test_a_closed_bar_answers_nothing() -> None:
    app = Host()
    async with app.run_test() as pilot:
        d, bar = Driver(pilot), app.query_one(PromptBar)
        bar.ask("filter", "Filter:")
        assert bar.take() == Answer("filter", "", None, 0)
        assert bar.take() is None
        bar.answer(0)
        await d.settle()
        assert app.answers == []


async def test_editing_keys_in_a_burst_act_in_the_order_typed() -> None:
    """backspace and ctrl+u erase what was typed before them, not what comes after."""
    app = Host()
    async with app.run_test() as pilot:
        d, bar = Driver(pilot), app.query_one(PromptBar)
        bar.ask("edit", "code:", "CC-1", target=1)
        await d.settle()
        keys = [("x", "x"), ("backspace", None), ("ctrl+u", None), ("n", "n"), ("e", "e")]
        burst(app, [*keys, ("w", "w"), ("left", None), ("a", "a"), ("enter", "\r")])
        await d.until(lambda: bool(app.answers), "the answer")
        assert app.answers == [Answer("edit", "neaw", 1, 0)]
