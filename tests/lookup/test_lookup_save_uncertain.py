"""Staged row adds are never duplicated: not after a timeout, a dropped connection, a kill
mid-save and a restart, nor after a reload showed the server's row beside the staged one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_world import World

from workato_tui.api.errors import Uncertain
from workato_tui.lookup import SaveEngine, StagedStore, Staging, flatten
from workato_tui.lookup.inflight import SendJournal, SentAdd
from workato_tui.lookup.save import journal_for
from workato_tui.service.workspace import WorkspaceService

COLUMNS = ["code", "name", "owner"]
NEW = {"code": "CC-9", "name": "Treasury", "owner": "Ana"}
ROWS_PATH = "/api/lookup_tables/*/rows"


async def server_keys(service: WorkspaceService, table_id: int) -> list[int]:
    service.cache.invalidate(("lookup_rows",))
    return [r.id async for page in service.lookup_row_pages(table_id) for r in page]


def copies(world: World) -> int:
    return sum(data == NEW for data in world.stored().values())


async def save(
    service: WorkspaceService, staging: Staging, store: StagedStore | None = None
) -> SaveEngine:
    keys = await server_keys(service, staging.table_id)
    engine = SaveEngine(service, staging, server_keys=keys, store=store)
    await engine.run()
    return engine


@pytest.mark.parametrize("fault", [("drop-after", None), ("hang-after", 50.0)])
async def test_an_add_whose_answer_is_lost_is_found_and_not_sent_again(
    world: World, tmp_path: Path, fault: tuple[str, float | None]
) -> None:
    store = StagedStore(tmp_path / "staged")
    service = world.service()
    staging = Staging(world.table_id(), COLUMNS)
    staging.add_row(NEW)
    world.emu.faults.add(ROWS_PATH, fault[0], fault[1], times=1, method="POST")

    engine = await save(service, staging, store)

    [result] = engine.report.results
    assert result.ok and "the answer was lost" in result.message
    assert copies(world) == 1 and not len(staging)
    assert store.load(world.table_id(), COLUMNS) is None
    assert not journal_for(service, store, world.table_id()).entries
    await service.aclose()


async def test_a_drop_before_the_handler_is_checked_then_offered_and_sent_once(
    world: World, tmp_path: Path
) -> None:
    store = StagedStore(tmp_path / "staged")
    service = world.service()
    staging = Staging(world.table_id(), COLUMNS)
    staging.add_row(NEW)
    world.emu.faults.add(ROWS_PATH, "drop", times=1, method="POST")

    engine = await save(service, staging, store)

    [result] = engine.report.results
    assert not result.ok and isinstance(result.error, Uncertain)
    assert "Checked: no row with these values was added" in result.message
    assert result.error.correlation_id and result.error.correlation_id in result.message
    assert copies(world) == 0 and len(staging) == 1  # still staged: offered again

    await save(service, staging, store)  # the user saves again (after ctrl+r, say)
    assert copies(world) == 1 and not len(staging)
    await service.aclose()


async def test_a_lost_answer_whose_check_fails_is_checked_again_before_the_next_save(
    world: World, tmp_path: Path
) -> None:
    store = StagedStore(tmp_path / "staged")
    service = world.service()
    staging = Staging(world.table_id(), COLUMNS)
    staging.add_row(NEW)
    keys = await server_keys(service, world.table_id())
    world.emu.faults.add(ROWS_PATH, "drop-after", times=1, method="POST")
    world.emu.faults.add(ROWS_PATH, "error500", times=4, method="GET")  # the check's read

    engine = SaveEngine(service, staging, server_keys=keys, store=store)
    await engine.run()
    [result] = engine.report.results
    assert not result.ok and "may have been added already" in result.message
    assert copies(world) == 1 and len(staging) == 1

    world.emu.faults.clear()
    engine = await save(service, staging, store)  # ctrl+r then save: the row is found
    [result] = engine.report.results
    assert result.ok and "already added" in result.message
    assert copies(world) == 1 and not len(staging)
    posts = [r for r in world.requests(method="POST") if r.path.endswith("/rows")]
    assert len(posts) == 1
    await service.aclose()


async def test_kill_mid_save_then_restart_does_not_add_the_row_again(
    world: World, tmp_path: Path
) -> None:
    """Simulated kill -9: the staged add and its journal note are on disk, the request was
    applied, and the process is gone before it could record the answer."""
    table_id = world.table_id()
    store = StagedStore(tmp_path / "staged")
    first = world.service()
    before = await server_keys(first, table_id)
    staging = Staging(table_id, COLUMNS)
    [(key, _)] = staging.add_row(NEW)
    store.save(staging, "Cost centers")
    journal_path = store.path(table_id).with_suffix(".sending.json")  # type: ignore[union-attr]
    SendJournal(journal_path).begin(SentAdd(key, dict(NEW), max(before)))
    await first.client.add_lookup_row(table_id, NEW)  # applied; its answer never recorded
    await first.aclose()  # the process is gone

    second = world.service()  # a new session: staged edits come back from disk
    restored = store.load(table_id, COLUMNS)
    assert restored is not None and len(restored) == 1
    engine = await save(second, restored, store)

    [result] = engine.report.results
    assert result.ok and "already added" in result.message
    assert copies(world) == 1
    assert store.load(table_id, COLUMNS) is None and not journal_path.exists()
    await second.aclose()


async def test_killed_before_the_add_was_sent_it_is_sent_once_after_restart(
    world: World, tmp_path: Path
) -> None:
    table_id = world.table_id()
    store = StagedStore(tmp_path / "staged")
    first = world.service()
    before = await server_keys(first, table_id)
    staging = Staging(table_id, COLUMNS)
    [(key, _)] = staging.add_row(NEW)
    store.save(staging, "Cost centers")
    journal_path = store.path(table_id).with_suffix(".sending.json")  # type: ignore[union-attr]
    SendJournal(journal_path).begin(SentAdd(key, dict(NEW), max(before)))
    await first.aclose()  # killed after the note, before the request went out

    second = world.service()
    restored = store.load(table_id, COLUMNS)
    assert restored is not None
    engine = await save(second, restored, store)
    assert engine.report.results[0].ok and copies(world) == 1
    await second.aclose()


async def test_an_identical_row_already_on_the_server_is_not_mistaken_for_the_add(
    world: World, tmp_path: Path
) -> None:
    service = world.service()
    table_id = world.table_id()
    await service.client.add_lookup_row(table_id, NEW)  # someone's identical row, loaded
    staging = Staging(table_id, COLUMNS)
    staging.add_row(NEW)
    world.emu.faults.add(ROWS_PATH, "drop", times=1, method="POST")
    engine = await save(service, staging)
    assert not engine.report.results[0].ok and copies(world) == 1  # checked: not ours
    await save(service, staging)
    assert copies(world) == 2 and not len(staging)  # the user meant a second one
    assert [flatten(0, NEW, COLUMNS)]  # (rows stay plain dicts)
    await service.aclose()
