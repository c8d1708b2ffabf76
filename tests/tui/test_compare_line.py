"""The compare screen's filter line fits one line at 80 and 120 columns, loading or not, and
still says what each filter key shows (`a all`, `h only here`, ...), the shown one reversed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from test_compare_ui import _app, _open_compare
from textual.content import Content
from textual.widgets import Static

from workato_tui.screens.compare import CompareScreen
from workato_tui.screens.compare_line import filter_line
from workato_tui.service.compare import Comparison
from workato_tui.service.compare_load import STAGES, CompareProgress

if TYPE_CHECKING:
    from pilot_world import World

COUNTS = {"only here": 2, "only there": 1, "differs": 2, "same": 50}
KEYS = ("a all 55", "h only here 2", "t only there 1", "d differs 2", "s same 50")
SHORT_KEYS = ("a all 55", "h here 2", "t there 1", "d differs 2", "s same 50")


def loading(done: int) -> CompareProgress:
    return CompareProgress(Comparison(()), STAGES[:done])


def reversed_text(line: Content) -> list[str]:
    return [line.plain[span.start : span.end] for span in line.spans if span.style == "reverse"]


def test_wide_the_line_names_each_key_its_status_and_count_and_the_progress() -> None:
    line = filter_line(COUNTS, "differs", loading(1), 200)
    assert line.plain == " " + " · ".join(KEYS) + "   " + loading(1).describe()
    assert reversed_text(line) == ["d differs 2"]


def names_every_key(plain: str) -> bool:
    """Each key with what it shows and its count, in the long or the short wording."""
    return all(key in plain for key in KEYS) or all(key in plain for key in SHORT_KEYS)


@pytest.mark.parametrize("width", [80, 72, 66])
def test_narrower_the_line_gets_shorter_but_keeps_every_key(width: int) -> None:
    for progress in (None, loading(0), loading(3)):
        line = filter_line(COUNTS, "all", progress, width)
        assert line.cell_length <= width and names_every_key(line.plain), line.plain
        assert progress is None or "comparing…" in line.plain


def test_too_narrow_for_any_form_the_shortest_still_names_every_key() -> None:
    line = filter_line(COUNTS, "all", loading(2), 40)
    assert line.plain == " " + "  ".join(SHORT_KEYS) + "  comparing…"


def test_at_80_columns_loading_says_how_far_the_comparison_has_come() -> None:
    line = filter_line(COUNTS, "all", loading(1), 80)
    assert line.cell_length <= 80 and "comparing… (1 of 4 done)" in line.plain


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_filter_line_is_one_line_loading_and_loaded(
    world: World, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines: list[str] = []  # the line each time the pairs are shown
    show = CompareScreen._show

    def recording(screen: CompareScreen) -> None:
        show(screen)
        lines.append(str(screen.query_one("#compare-counts", Static).content))

    monkeypatch.setattr(CompareScreen, "_show", recording)
    async with world.run(_app(world), size=size) as ui:
        await _open_compare(ui)
        await ui.settle()
        widget = ui.app.screen.query_one("#compare-counts", Static)
        assert widget.region.height == 1
        assert any("comparing…" in line for line in lines)
        assert all(len(line) <= size[0] for line in lines), lines
        assert all(key in str(widget.content) for key in KEYS)
        await ui.press("t")
        assert isinstance(widget.content, Content)
        assert reversed_text(widget.content) == ["t only there 1"]
        assert widget.region.height == 1


async def test_narrower_than_the_shortest_form_the_line_is_cut_not_wrapped(world: World) -> None:
    async with world.run(_app(world), size=(50, 24)) as ui:
        await _open_compare(ui)
        await ui.settle()
        widget = ui.app.screen.query_one("#compare-counts", Static)
        assert widget.region.height == 1
        assert widget.render_line(0).text.rstrip().endswith("…")
