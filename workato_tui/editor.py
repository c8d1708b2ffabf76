"""Edit text in the user's $VISUAL / $EDITOR, with the app suspended."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Any


def editor_command() -> list[str]:
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")


def edit_in_editor(app: Any, text: str, suffix: str = ".json") -> str:
    """The edited text (unchanged if the editor fails). Raises SuspendNotSupported headless."""
    handle, name = tempfile.mkstemp(suffix=suffix, prefix="workato-tui-")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        with app.suspend():
            result = subprocess.call([*editor_command(), str(path)])
        return path.read_text(encoding="utf-8") if result == 0 else text
    finally:
        path.unlink(missing_ok=True)
