"""The message a widget posts to have a write run: the screen runs it (see
`actions.runners.run_requested`), so widgets never import the actions or the screens."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from ..views.spec import Row, ViewContext
from ..write_catalog import WriteAction


class WriteRequested(Message):
    """Run `write` on `rows` in `context`; `done(changed)` is called when it has finished."""

    def __init__(
        self,
        write: WriteAction,
        rows: list[Row],
        context: ViewContext,
        done: Callable[[bool], None],
    ) -> None:
        super().__init__()
        self.write = write
        self.rows = rows
        self.context = context
        self.done = done
