"""The compare screen: it fills in kind by kind with a visible "comparing…" state, a revisit
within the TTL sends nothing, and an SVG snapshot (state asserted first).

Regenerate the snapshot after an intended change of looks:
    .venv/bin/python -m pytest tests/tui/test_compare_screen.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from test_compare_ui import _app, _cells, _open_compare, _text
from textual.pilot import Pilot

from workato_tui.emulator.seed_envs import CHANGED_RECIPE, DEV_ONLY_RECIPE, REMOVED_RECIPE
from workato_tui.screens.compare import CompareScreen

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

SIZE = (120, 36)
Snap = Callable[..., bool]


async def test_the_screen_fills_in_kind_by_kind_saying_it_is_comparing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, set[str]]] = []  # (the counts line, the kinds in the table)
    show = CompareScreen._show

    def recording(screen: CompareScreen) -> None:
        show(screen)
        shown.append((_text_of(screen), set(_kinds(screen))))

    monkeypatch.setattr(CompareScreen, "_show", recording)
    async with world.run(_app(world)) as ui:
        await _open_compare(ui)
        await ui.settle()
        assert [kinds for _, kinds in shown] == [
            {"project", "folder"},
            {"project", "folder", "connection"},
            {"project", "folder", "connection", "recipe"},
            {"project", "folder", "connection", "recipe", "lookup table"},
        ]
        assert "comparing… connections (1 of 4 kinds done)" in shown[0][0]
        assert "comparing… lookup tables (3 of 4 kinds done)" in shown[2][0]
        assert "comparing" not in shown[-1][0]
        assert "comparing" not in _text(ui, "#compare-counts")


async def test_reopening_compare_within_the_ttl_sends_no_request(world: World) -> None:
    async with world.run(_app(world)) as ui:
        await _open_compare(ui)
        await ui.settle()
        first = _cells(ui, 1)
        before = len(world.emu.store.requests)
        await ui.press("escape")
        await _open_compare(ui)
        await ui.settle()
        assert _cells(ui, 1) == first
        assert world.emu.store.requests[before:] == []


def _text_of(screen: CompareScreen) -> str:
    from textual.widgets import Static

    return str(screen.query_one("#compare-counts", Static).content)


def _kinds(screen: CompareScreen) -> list[str]:
    from textual.widgets import DataTable

    table: DataTable[Any] = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def test_compare_screen_snapshot(snap_compare: Snap, world: World) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        ui: Driver = world.driver(pilot)
        await ui.settle()
        await _open_compare(ui)
        await ui.settle()
        await ui.press("d")  # the differences first: what a reader of the docs looks for
        counts = _text(ui, "#compare-counts")
        assert "h only here 2 · t only there 1 · d differs 2" in counts
        assert f"Sales Ops/Lead routing/{CHANGED_RECIPE}" in _cells(ui, 1)
        await ui.press("a")
        where = _cells(ui, 1)
        assert f"Sales Ops/Lead routing/{DEV_ONLY_RECIPE}" in where
        assert f"Sales Ops/Renewals/{REMOVED_RECIPE}" in where
        await ui.press("d")

    assert snap_compare(_app(world), terminal_size=SIZE, run_before=run_before)


async def test_an_api_error_opening_the_other_profile_is_shown_by_the_app_with_its_id(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workato_tui.api.errors import WorkatoError

    app = _app(world)

    def refused(name: str) -> Any:
        raise WorkatoError("Unauthorized", status=401, correlation_id="corr-compare-1")

    monkeypatch.setattr(app.profiles, "open", refused)
    async with world.run(app) as ui:
        await ui.press("colon", *"compare demo", "enter")
        await ui.settle()
        assert not isinstance(ui.app.screen, CompareScreen)
        [shown] = [m for m in ui.messages if "compare" in m.lower()]
        assert shown.startswith("Open profile demo to compare failed:")
        assert "corr-compare-1" in shown
