"""The messages a widget posts for what it cannot do itself: run a write (the app runs it, see
`actions.flow.run_write`), show an API error (the app's one presenter), so widgets never
import the actions, the screens or the app."""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker, WorkerState

from ..api.errors import WorkatoError
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


class ErrorRaised(Message):
    """`what` failed with `error`, and nothing on screen shows it (the content stays): the
    app shows it as it shows a worker's error ("Refresh recipes failed")."""

    def __init__(self, error: WorkatoError, what: str) -> None:
        super().__init__()
        self.error = error
        self.what = what


def forward_worker_error(node: DOMNode, event: Worker.StateChanged) -> None:
    """For a widget's own workers (their state changes do not bubble): an API error one let
    escape goes up to the app, titled by the worker's description."""
    error = event.worker.error
    if event.state == WorkerState.ERROR and isinstance(error, WorkatoError):
        node.post_message(ErrorRaised(error, event.worker.description))
