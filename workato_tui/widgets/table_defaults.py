"""Key bindings, component classes and default CSS of `ResourceTable`.

Every binding has a kebab-case id so the app can remap it with `App.set_keymap`.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

TABLE_BINDINGS: list[BindingType] = [
    Binding("up,k", "cursor_up", "Up", show=False, id="table-cursor-up"),
    Binding("down,j", "cursor_down", "Down", show=False, id="table-cursor-down"),
    Binding("left,h", "cursor_left", "Column left", show=False, id="table-cursor-left"),
    Binding("right,l", "cursor_right", "Column right", show=False, id="table-cursor-right"),
    Binding("tab", "next_cell", "Next cell", show=False, id="table-next-cell"),
    Binding("shift+tab", "previous_cell", "Previous cell", show=False, id="table-previous-cell"),
    Binding("pageup", "page_up", "Page up", show=False, id="table-page-up"),
    Binding("pagedown", "page_down", "Page down", show=False, id="table-page-down"),
    Binding("home", "home", "Home", show=False, id="table-home"),
    Binding("end", "end", "End", show=False, id="table-end"),
    Binding("ctrl+home,g", "first_row", "First row", show=False, id="table-first-row"),
    Binding("ctrl+end,G", "last_row", "Last row", show=False, id="table-last-row"),
    Binding("space", "toggle_mark", "Mark", id="table-toggle-mark"),
    Binding("asterisk,ctrl+a", "mark_all", "Mark all", show=False, id="table-mark-all"),
    Binding("minus", "clear_marks", "Clear marks", show=False, id="table-clear-marks"),
    Binding("tilde", "invert_marks", "Invert marks", show=False, id="table-invert-marks"),
    Binding("shift+down", "mark_down", "Mark and down", show=False, id="table-mark-down"),
    Binding("shift+up", "mark_up", "Mark and up", show=False, id="table-mark-up"),
    Binding("enter", "activate", "Open", show=False, id="table-activate"),
]

HEADER = "resource-table--header"
CURSOR = "resource-table--cursor"
MARKED = "resource-table--marked"
EMPTY = "resource-table--empty"
ERROR = "resource-table--error"
MORE = "resource-table--more"  # the header's note of hidden columns

# Generic row/cell classes that `row_style` / `cell_style` hooks may return.
ROW_CLASSES = {
    "resource-table--danger",
    "resource-table--warning",
    "resource-table--success",
    "resource-table--muted",
    "resource-table--changed",
}

TABLE_COMPONENT_CLASSES = {HEADER, CURSOR, MARKED, EMPTY, ERROR, MORE, *ROW_CLASSES}

TABLE_CSS = """
ResourceTable {
    height: 1fr;
    background: $surface;
    color: $foreground;
    & > .resource-table--header { background: $panel; color: $foreground; text-style: bold; }
    & > .resource-table--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    &:focus > .resource-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    & > .resource-table--marked { background: $secondary 30%; text-style: bold; }
    & > .resource-table--empty { color: $text-muted; text-style: italic; }
    & > .resource-table--error { color: $text-error; }
    & > .resource-table--more { color: $text-accent; }
    & > .resource-table--danger { color: $text-error; }
    & > .resource-table--warning { color: $text-warning; }
    & > .resource-table--success { color: $text-success; }
    & > .resource-table--muted { color: $text-muted; }
    & > .resource-table--changed { background: $warning 25%; }
}
"""
