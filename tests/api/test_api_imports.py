"""The API layer stays free of the UI."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_api_does_not_load_textual() -> None:
    code = (
        "import sys, workato_tui.api, workato_tui.api.client; "
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
