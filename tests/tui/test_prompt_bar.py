"""The prompt bar says what happened (submitted, changed, tabbed on) and the screen decides what
it means; it closes itself on enter and tab."""

from __future__ import annotations

from typing import Any

from pilot_driver import Driver
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message

from workato_tui.widgets.prompt_bar import PromptBar


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[Message] = []

    def compose(self) -> ComposeResult:
        yield PromptBar()

    @on(PromptBar.Submitted)
    @on(PromptBar.Changed)
    @on(PromptBar.Advanced)
    def _heard(self, message: Message) -> None:
        self.heard.append(message)


def said(app: Host) -> list[tuple[Any, ...]]:
    return [
        (type(m).__name__, m.mode, m.value, getattr(m, "step", None))  # type: ignore[attr-defined]
        for m in app.heard
    ]


async def test_enter_posts_what_was_submitted_and_closes() -> None:
    app = Host()
    async with app.run_test() as pilot:
        d, bar = Driver(pilot), app.query_one(PromptBar)
        bar.ask("edit", "name of CC-1000:", "Sal")
        await d.settle()
        assert bar.has_class("-active") and app.focused is bar.input
        await d.press("e", "s", "enter")
        assert said(app)[-1] == ("Submitted", "edit", "Sales", None)
        assert ("Changed", "edit", "Sale", None) in said(app)
        assert bar.mode is None and not bar.has_class("-active")


async def test_tab_and_shift_tab_post_advanced_with_their_step() -> None:
    app = Host()
    async with app.run_test() as pilot:
        d, bar = Driver(pilot), app.query_one(PromptBar)
        bar.ask("edit", "code:", "CC-1")
        await d.press("tab")
        bar.ask("edit", "code:", "CC-2")
        await d.press("shift+tab")
        advanced = [m for m in said(app) if m[0] == "Advanced"]
        assert advanced == [("Advanced", "edit", "CC-1", 1), ("Advanced", "edit", "CC-2", -1)]
        assert bar.mode is None


async def test_a_closed_bar_says_nothing() -> None:
    app = Host()
    async with app.run_test() as pilot:
        d, bar = Driver(pilot), app.query_one(PromptBar)
        bar.ask("filter", "Filter:")
        bar.close()
        bar.input.value = "typed after closing"
        await d.settle()
        assert said(app) == []
