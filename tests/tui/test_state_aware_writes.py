"""Writes that make no sense in a row's state are disabled with the reason, and never sent."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_world import World

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen

RUNNING = NETSUITE_SYNC
STOPPED = "Post failed payment alerts to #finance-alerts"


@pytest.mark.parametrize(
    ("name", "key", "endpoint_id", "said"),
    [
        (RUNNING, "t", "recipes.start", "already running"),
        (STOPPED, "x", "recipes.stop", "already stopped"),
        (RUNNING, "e", "recipes.update", "stop it first"),
    ],
)
async def test_a_write_that_does_not_apply_says_why(
    tmp_path: Path, name: str, key: str, endpoint_id: str, said: str
) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == name)
        await d.press(key)
        await d.settle()
        assert not isinstance(d.app.screen, ConfirmScreen) and not d.modal
        assert any(said in m and name in m for m in d.messages)
        assert world.sent(endpoint_id) == []


async def test_the_same_key_works_once_the_cursor_is_on_a_row_it_applies_to(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == RUNNING)
        await d.pilot.pause()
        d.move_to(lambda r: r.name == STOPPED)
        await d.press("t")
        await d.until_screen(ConfirmScreen)


async def test_resume_on_a_job_that_is_not_paused_says_why(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == RUNNING)
        await d.jump("jobs")
        d.move_to(lambda r: r.status == "succeeded")
        await d.press("p")
        await d.settle()
        assert not d.modal
        assert any("only a paused (pending) job resumes" in m for m in d.messages)
        assert world.sent("jobs.resume") == []


async def test_the_footer_follows_the_row_state_without_being_rebuilt(tmp_path: Path) -> None:
    """Between a running and a stopped recipe the footer shows the same keys, some enabled
    and some not: it sets that on its key widgets, instead of recomposing (removing and
    mounting them all, with a layout of the screen) on each cursor move."""
    from textual.widgets._footer import FooterKey

    from workato_tui.widgets.keys_footer import KeysFooter

    def keys(d: object) -> dict[str, FooterKey]:
        footer = d.app.screen.query_one(KeysFooter)  # type: ignore[attr-defined]
        return {k.key: k for k in footer.query(FooterKey)}

    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.name == RUNNING)
        await d.settle()
        on_running = keys(d)
        assert on_running["t"].has_class("-disabled") and not on_running["x"].has_class("-disabled")
        d.move_to(lambda r: r.name == STOPPED)
        await d.settle()
        on_stopped = keys(d)
        assert not on_stopped["t"].has_class("-disabled") and on_stopped["x"].has_class("-disabled")
        assert all(on_stopped[k] is widget for k, widget in on_running.items())  # the same
