"""SVG snapshots of every view at 120x36 and the main view at 80x24, on a fake-clock emulator.

Regenerate after an intended change of looks:
    .venv/bin/python -m pytest tests/tui/test_snapshots.py --snapshot-update
The call log is not snapshotted: it shows wall-clock times and random correlation ids.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot

from workato_tui.app import WorkatoApp
from workato_tui.emulator.seed import NETSUITE_SYNC

if TYPE_CHECKING:
    from pilot_driver import Driver
    from pilot_world import World

SIZE = (120, 36)
NARROW = (80, 24)
Snap = Callable[..., bool]
Steps = Callable[["Driver"], Awaitable[None]]


def _before(world: World, steps: Steps | None = None) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A run_before that waits for the first load, runs `steps`, and waits again."""

    async def run_before(pilot: Pilot[Any]) -> None:
        ui = world.driver(pilot)
        await ui.settle()
        if steps is not None:
            await steps(ui)
            await ui.settle()

    return run_before


def _jump(name: str) -> Steps:
    async def steps(ui: Driver) -> None:
        await ui.jump(name)

    return steps


async def _open_netsuite_recipe(ui: Driver) -> None:
    ui.move_to(lambda r: r.name == NETSUITE_SYNC)
    await ui.press("enter")


async def _open_first_netsuite_job(ui: Driver) -> None:
    await _open_netsuite_recipe(ui)
    await ui.press("enter")


async def _netsuite_jobs(ui: Driver) -> None:
    ui.move_to(lambda r: r.name == NETSUITE_SYNC)
    await ui.jump("jobs")


async def _cost_center_rows(ui: Driver) -> None:
    await ui.jump("lookup-tables")
    ui.move_to(lambda r: r.name == "Cost centers")
    await ui.press("enter", "escape")  # enter opens the lookup editor; :rows shows read-only
    await ui.jump("rows")


async def _globex_recipes(ui: Driver) -> None:
    await ui.jump("customers")
    ui.move_to(lambda r: r.name == "Globex Corporation")
    await ui.press("enter")


async def _connection_json(ui: Driver) -> None:
    await ui.jump("connections")
    ui.move_to(lambda r: r.name == "NetSuite (production)")
    await ui.press("y")


VIEW_STEPS: dict[str, Steps | None] = {
    "recipes": None,
    "jobs": _netsuite_jobs,
    "connections": _jump("connections"),
    "lookup-tables": _jump("lookup-tables"),
    "rows": _cost_center_rows,
    "deployments": _jump("deployments"),
    "project-roles": _jump("project-roles"),
    "roles": _jump("roles"),
    "api-clients": _jump("api-clients"),
    "on-prem": _jump("on-prem"),
    "activity": _jump("activity"),
    "customers": _jump("customers"),
    "customer-recipes": _globex_recipes,
    "recipe-detail": _open_netsuite_recipe,
    "job-detail": _open_first_netsuite_job,
    "json": _connection_json,
}


@pytest.mark.parametrize("name", list(VIEW_STEPS))
def test_view(snap_compare: Snap, world: World, name: str) -> None:
    app = world.app()
    assert snap_compare(app, terminal_size=SIZE, run_before=_before(world, VIEW_STEPS[name]))


def test_main_view_narrow(snap_compare: Snap, world: World) -> None:
    assert snap_compare(world.app(), terminal_size=NARROW, run_before=_before(world))


def test_first_run_screen(snap_compare: Snap, world: World) -> None:
    app = WorkatoApp(
        None,
        demo_factory=world.service,
        ui_state_file=world.ui_state_file,
        startup_problem="WORKATO_API_TOKEN is not set",
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=_before(world))


def test_recipe_detail_narrow(snap_compare: Snap, world: World) -> None:
    """80x24: the compact header, ten job rows, and its own keys first in the footer."""
    steps = _before(world, _open_netsuite_recipe)
    assert snap_compare(world.app(), terminal_size=NARROW, run_before=steps)
