"""The `world` fixture for the lookup editor tests: apps open on the lookup tables view."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_world import LOOKUP_TABLES, World


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(tmp_path, first_view=LOOKUP_TABLES)
