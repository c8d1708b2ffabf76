"""The packages' names are imported when first asked for, and an unknown name is an AttributeError."""

import subprocess
import sys

import pytest

from workato_tui.api.lazy import lazy_exports


def test_a_name_is_imported_from_its_home_module_on_first_use() -> None:
    code = (
        "import sys, workato_tui.api as api, workato_tui.emulator as emu, workato_tui.lookup as lk\n"
        "assert 'workato_tui.api.client' not in sys.modules\n"
        "assert 'workato_tui.emulator.core' not in sys.modules\n"
        "assert 'workato_tui.lookup.save' not in sys.modules\n"
        "from workato_tui.api.client import WorkatoClient\n"
        "assert api.WorkatoClient is WorkatoClient and 'WorkatoClient' in vars(api)\n"
        "assert emu.Emulator.__module__ == 'workato_tui.emulator.core'\n"
        "assert lk.SaveEngine.__module__ == 'workato_tui.lookup.save'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_an_unknown_name_is_an_attribute_error_naming_the_package() -> None:
    getattr_ = lazy_exports("workato_tui.api", {"WorkatoClient": "client"})
    with pytest.raises(AttributeError, match=r"'workato_tui\.api' has no attribute 'Nope'"):
        getattr_("Nope")
