"""A package's names imported when first asked for (PEP 562), so importing the package is cheap.

__getattr__ = lazy_exports(__name__, {"WorkatoClient": "client"})
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_exports(package: str, home: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` that imports `name` from `package.<home[name]>` and keeps it."""

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
