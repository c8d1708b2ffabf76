from __future__ import annotations

import subprocess
import sys

MODULES = ["cache", "calllog", "config", "paths", "permissions", "policy", "snapshot", "tokens"]


def test_service_layer_does_not_load_textual() -> None:
    imports = "; ".join(f"import workato_tui.service.{name}" for name in MODULES)
    code = f"import sys; {imports}; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
