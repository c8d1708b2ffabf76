"""Reading the footer as drawn: each key's label and whether it lies wholly on screen."""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer as KeysFooter


def footer_labels(app: Any) -> list[str]:
    """`key description` of every footer key drawn wholly inside the terminal, left to right."""
    footer = app.screen.query_one(KeysFooter)
    width = app.size.width
    shown = []
    for key in sorted(footer.query("FooterKey"), key=lambda k: k.region.x):
        region = key.region
        if region.width and region.x >= 0 and region.right <= width:
            shown.append(f"{key.key_display} {key.description}")
    return shown


def footer_line(app: Any) -> str:
    """The footer's row of the screen, as text."""
    footer = app.screen.query_one(KeysFooter)
    strip = app.screen._compositor.render_strips()[footer.region.y]
    return "".join(segment.text for segment in strip)
