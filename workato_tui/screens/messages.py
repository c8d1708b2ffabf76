"""Every notification of this session (`!` or `:messages`): newest first, read whole below.

Toasts vanish after a few seconds; an error's correlation id is still here afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.keys_footer import KeysFooter
from ..widgets.table import ResourceTable
from ..widgets.table_model import Column

COLUMNS = (
    Column("time", "TIME", width=8),
    Column("severity", "LEVEL", width=11),
    Column("title", "TITLE", width=24),
    Column("message", "MESSAGE", width=120),
)


@dataclass(frozen=True)
class Notice:
    """One notification as it was shown."""

    at: datetime
    severity: str
    title: str
    message: str


class MessagesScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="messages-back"),
    ]

    def __init__(self, notices: list[Notice]) -> None:
        super().__init__()
        self.notices = notices

    def compose(self) -> ComposeResult:
        yield Static(f" Messages of this session [{len(self.notices)}]", classes="screen-title")
        yield ResourceTable(
            COLUMNS,
            [_row(n, i) for i, n in reversed(list(enumerate(self.notices)))],
            row_key=lambda row: row["n"],
            empty_text="No messages yet",
            id="messages-table",
        )
        yield Static("", id="message-whole", classes="detail-fields", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(ResourceTable).focus()
        self._show_whole()

    @on(ResourceTable.RowHighlighted)
    def _show_whole(self) -> None:
        row = self.query_one(ResourceTable).current_row
        text = f"{row['title']}\n{row['message']}" if row else ""
        self.query_one("#message-whole", Static).update(text)


def _row(notice: Notice, number: int) -> dict[str, Any]:
    return {
        "n": number,
        "time": notice.at.strftime("%H:%M:%S"),
        "severity": notice.severity,
        "title": notice.title,
        "message": " ".join(notice.message.split()),
    }
