"""The `world` fixture: a demo emulator on a fake clock, in this test's own directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from lookup_helpers import World


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(tmp_path)
