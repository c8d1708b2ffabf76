"""At 80 columns the crumbs line keeps the row count and `N marked` whole: the path is cut
first (issue 11: the jobs view cut off "49 marked")."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.widgets.crumbs import fit_crumbs


async def test_marks_show_whole_on_the_jobs_crumbs_at_80_columns(tmp_path: Path) -> None:
    world = World(tmp_path)
    recipe = next(r for r in world.store.main.recipes.values() if r["name"] == NETSUITE_SYNC)
    async with world.run(size=(80, 24)) as d:
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.jump("jobs")
        await d.filter("failed")
        await d.press("asterisk")
        await d.settle()
        marked = len(d.table.marked_keys)
        assert marked > 9
        crumbs = d.view.query_one("#crumbs")
        line = str(crumbs.render())
        assert len(line) <= crumbs.content_size.width
        assert f"{marked} marked" in line
        assert f"[{len(d.rows)}/" in line and "filter: failed" in line
        assert NETSUITE_SYNC[:8] in line and "…" in line  # the path, cut


def test_the_path_goes_first_then_the_parts_that_may_go() -> None:
    path = "Sync closed-won opportunities to NetSuite › Jobs"
    parts = ["[49/325]", "filter: failed", "49 marked", "sort: STARTED ▼"]
    keep = ("[49/325]", "49 marked")
    assert fit_crumbs(path, parts, 200, keep) == "  ".join([path, *parts])
    cut = fit_crumbs(path, parts, 80, keep)
    assert len(cut) <= 80 and cut.endswith("  ".join(parts)) and "…" in cut
    tight = fit_crumbs(path, parts, 40, keep)
    assert len(tight) <= 40 and "49 marked" in tight and "[49/325]" in tight
    assert "sort" not in tight
    assert "49 marked" in fit_crumbs(path, parts, 20, keep)
