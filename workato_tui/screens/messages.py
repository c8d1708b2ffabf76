"""Every notification of this session (`!` or `:messages`): newest first, read whole below.

Toasts vanish after a few seconds; an error's correlation id is still here afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

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


@dataclass(frozen=True, slots=True)
class NoticeRow:
    """A notice as the list shows it: numbered in order, its time of day, one line."""

    n: int
    time: str
    severity: str
    title: str
    message: str

    @classmethod
    def of(cls, notice: Notice, number: int) -> NoticeRow:
        one_line = " ".join(notice.message.split())
        return cls(number, notice.at.strftime("%H:%M:%S"), notice.severity, notice.title, one_line)


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
            [NoticeRow.of(n, i) for i, n in reversed(list(enumerate(self.notices)))],
            row_key=_number,
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
        row: NoticeRow | None = self.query_one(ResourceTable).current_row
        text = f"{row.title}\n{row.message}" if row else ""
        self.query_one("#message-whole", Static).update(text)


def _number(row: NoticeRow) -> int:
    return row.n
