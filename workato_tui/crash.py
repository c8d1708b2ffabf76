"""What happens on an unexpected error: a short message, a non-zero exit, and a crash report.

Textual's own handler prints a traceback with every frame's local variables (table rows,
request bodies, ...) and the app still exits 0. Instead, `CrashReporting` (mixed into the app)
and `main()` write a report to the state directory, readable by the owner only, holding where
the error happened (files, lines, functions, source lines) and its type, but no error message
and no variable values: those may hold an API token or table data.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .service.paths import ensure_private_dir

EXIT_CRASH = 70  # EX_SOFTWARE: an internal error


def crash_report_text(error: BaseException) -> str:
    """The report: versions, the exception's type and its frames (no message, no locals)."""
    import platform
    import traceback

    lines = [
        f"workato-tui {__version__} crash report,"
        f" {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        "The error message and variable values are left out on purpose: they may hold an API",
        "token or table data. Please attach this file to a bug report.",
        "",
    ]
    for link in _chain(error):
        kind = type(link)
        lines.append(f"{kind.__module__}.{kind.__qualname__} (message withheld)")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append("")
    return "\n".join(lines)


def _chain(error: BaseException) -> list[BaseException]:
    """The error and what caused it, outermost last (as Python prints them)."""
    chain: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in chain and len(chain) < 10:
        chain.insert(0, link)
        link = link.__cause__ or (None if link.__suppress_context__ else link.__context__)
    return chain


def write_crash_report(state_dir: Path | None, error: BaseException) -> Path | None:
    """Write the report under `state_dir` (0600 in a 0700 folder); None if that fails."""
    if state_dir is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = state_dir / f"crash-{stamp}-{os.getpid()}.txt"
    try:
        ensure_private_dir(state_dir)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(crash_report_text(error))
    except OSError:
        return None
    return path


def crash_message(error: BaseException, report: Path | None) -> str:
    where = f"a crash report is in {report}" if report else "no crash report could be written"
    return (
        f"workato-tui: unexpected error ({type(error).__name__}); {where}. "
        "Nothing was lost: staged lookup edits stay on disk."
    )


class CrashReporting:
    """Mixed into the Textual app: an unhandled exception exits 1 with a short message and a
    crash report, instead of Textual's traceback with local variables."""

    ui_state_file: Path | None
    crash_report: Path | None = None

    if TYPE_CHECKING:  # the App internals this overrides
        _return_code: int | None
        _exception: Exception | None
        _exception_event: Any
        _exit_renderables: list[Any]

    @property
    def crash_dir(self) -> Path | None:
        """The state directory (where ui.json lives)."""
        return None if self.ui_state_file is None else self.ui_state_file.parent

    def _handle_exception(self, error: Exception) -> None:
        self._return_code = 1
        if self._exception is None:  # run_test re-raises it for the test
            self._exception = error
            self._exception_event.set()
        self._report_crash(error)

    def _fatal_error(self) -> None:
        error = sys.exc_info()[1] or self._exception or RuntimeError("unknown error")
        self._return_code = 1
        self._report_crash(error)

    def _report_crash(self, error: BaseException) -> None:
        if self.crash_report is None:
            from rich.text import Text
            from textual.worker import WorkerFailed

            if isinstance(error, WorkerFailed):
                error = error.error

            self.crash_report = write_crash_report(self.crash_dir, error)
            self._exit_renderables.append(Text(crash_message(error, self.crash_report)))
        self._close_messages_no_wait()  # type: ignore[attr-defined]


def report_unexpected(state_dir: Path | None, error: BaseException) -> int:
    """For `main()`: an error outside the app (before it starts, or after it ends)."""
    report = write_crash_report(state_dir, error)
    print(crash_message(error, report), file=sys.stderr)
    return EXIT_CRASH
