"""Read-only profiles: no write key sends anything, and each one says why it is unavailable.

Drives the same targets as `test_writes_endpoints.CASES`, on a read-only profile.
"""

from __future__ import annotations

from pathlib import Path

from pilot_driver import Driver
from pilot_world import World
from test_writes_endpoints import CASES, Case, Facts

TREE = {
    "folders.create",
    "folders.update",
    "folders.delete",
    "projects.update",
    "projects.delete",
    "projects.deploy",
    "projects.build",
    "project_builds.deploy",
}


async def press_read_only(d: Driver, case: Case, facts: Facts) -> list[str]:
    """Go to the target and press the key; return the notifications it caused."""
    await case.open(d, facts)
    before = len(d.messages)
    await d.press(case.key)
    await d.settle()
    assert not d.modal, f"{case.endpoint_id}: a modal opened in read-only mode"
    return d.messages[before:]


async def test_read_only_view_writes_send_nothing_and_say_why(tmp_path: Path) -> None:
    world = World(tmp_path)
    cases = [c for c in CASES.values() if c.endpoint_id not in TREE]
    facts = {c.endpoint_id: c.prepare(world.store) for c in cases}
    async with world.run(service=world.service(read_only=True)) as d:
        for case in cases:
            said = await press_read_only(d, case, facts[case.endpoint_id])
            assert len(said) == 1 and "read-only" in said[0], (case.endpoint_id, said)
            await d.back_to_main()
    assert [r.endpoint_id for r in world.store.requests if r.endpoint_id in CASES] == []


async def test_read_only_tree_writes_send_nothing(tmp_path: Path) -> None:
    world = World(tmp_path)
    cases = [c for c in CASES.values() if c.endpoint_id in TREE]
    facts = {c.endpoint_id: c.prepare(world.store) for c in cases}
    async with world.run(service=world.service(read_only=True)) as d:
        for case in cases:
            await press_read_only(d, case, facts[case.endpoint_id])
    assert [r.endpoint_id for r in world.store.requests if r.endpoint_id in CASES] == []


async def test_read_only_tree_key_says_why(tmp_path: Path) -> None:
    world = World(tmp_path)
    case = CASES["folders.create"]
    async with world.run(service=world.service(read_only=True)) as d:
        said = await press_read_only(d, case, case.prepare(world.store))
        assert len(said) == 1 and "read-only" in said[0], said
