"""The lookup editor at 80x24: the essential keys show whole; the rest are in `?`."""

from __future__ import annotations

from footer_reading import footer_labels, footer_line
from pilot_world import World


async def test_lookup_editor_footer_at_80_columns(world: World) -> None:
    async with world.editor(size=(80, 24)) as ed:
        labels = footer_labels(ed.app)
        assert labels[:3] == ["? Keys", "^p Palette", "^q Quit"]
        assert "^s Save" in labels
        line = footer_line(ed.app)
        assert all(label in line for label in labels)
        assert len(line.rstrip()) <= 80
