"""The lookup editor's grid: a `ResourceTable` whose keys act as they are routed (priority
bindings, with the table's ids, so a keymap moves them too).

A table's keys otherwise act only once they have bubbled back up to the app, after the keys
typed after them were routed: in a burst such as `down enter`, the editor's enter (a priority
key, so the text typed after it lands in the prompt) read the cursor before `down` moved it,
and edited the row above. Acting as routed, the grid's keys and the editor's act in the order
typed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.binding import Binding, BindingType

from ..widgets.table import ResourceTable
from ..widgets.table_defaults import TABLE_BINDINGS


class LookupGrid(ResourceTable):
    # enter (open) is the editor's: it edits the cell
    BINDINGS: ClassVar[list[BindingType]] = [
        replace(binding, priority=True)
        for binding in TABLE_BINDINGS
        if isinstance(binding, Binding) and binding.action != "activate"
    ]
