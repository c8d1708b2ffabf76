"""Whether the focused widget takes typed text (an Input or a TextArea), without importing
TextArea: its module (~5 ms, 11 modules) loads only when a form or editor first needs one,
and until then no TextArea can have focus."""

from __future__ import annotations

import sys

from textual.widget import Widget
from textual.widgets import Input

_TEXT_AREA_MODULE = "textual.widgets._text_area"


def takes_typing(focused: Widget | None) -> bool:
    if isinstance(focused, Input):
        return True
    text_area = sys.modules.get(_TEXT_AREA_MODULE)
    return text_area is not None and isinstance(focused, text_area.TextArea)
