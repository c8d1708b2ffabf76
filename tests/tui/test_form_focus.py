"""Forms open with the first field focused, and show their own keys in a footer."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_driver import Driver
from pilot_world import World
from textual.widgets import Footer, Input, Select

from workato_tui.screens.form import FormScreen


async def _form_from(d: Driver, view: str, key: str) -> FormScreen:
    await d.jump(view)
    if view == "recipes":
        d.move_to(lambda r: not r.running)  # edit applies to a stopped recipe
        await d.pilot.pause()
    await d.press(key)
    screen = await d.until_screen(FormScreen)
    assert isinstance(screen, FormScreen)
    return screen


def _footer_keys(screen: FormScreen) -> set[str]:
    footer = screen.query_one(Footer)
    assert footer.display
    return {b.id for (_, b, enabled, _) in screen.active_bindings.values() if enabled and b.id}


@pytest.mark.parametrize(
    ("view", "key"),
    [
        ("recipes", "n"),
        ("recipes", "c"),
        ("recipes", "e"),
        ("connections", "n"),
        ("api-clients", "n"),
    ],
)
async def test_the_first_field_has_focus_and_typing_lands_in_it(
    tmp_path: Path, view: str, key: str
) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        screen = await _form_from(d, view, key)
        first = screen.query_one(f"#field-{screen.fields[0].name}")
        assert d.app.focused is first
        if isinstance(first, Input):
            before = first.value
            await d.type("Zq")
            assert first.value == before + "Zq"
        else:
            assert isinstance(first, Select)
        has_code = any(f.kind in ("json", "code") for f in screen.fields)
        expected = {"form-submit", "form-cancel"} | ({"form-editor"} if has_code else set())
        assert expected <= _footer_keys(screen)
