"""A checkbox that reads as checked or unchecked in any theme and terminal: `[x]` or `[ ]`.

Textual's Checkbox draws an `X` in both states and only dims it when off, which in many
terminals and themes still looks ticked.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

CHECKED = "[x]"
UNCHECKED = "[ ]"


class PlainCheckbox(Checkbox):
    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--label")
        return Content.styled((CHECKED if self.value else UNCHECKED) + " ", style)
