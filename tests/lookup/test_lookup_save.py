"""The save engine against the emulator: re-read, conflicts, faults, refusals, request counts."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World

from workato_tui.lookup import SaveEngine, StagedStore, Staging, flatten
from workato_tui.service.workspace import WorkspaceService

COLUMNS = ["code", "name", "owner"]


async def load(service: WorkspaceService, table_id: int) -> list[dict[str, object]]:
    return [
        flatten(r.id, r.data, COLUMNS)
        async for page in service.lookup_row_pages(table_id)
        for r in page
    ]


async def staged_world(
    world: World, store: StagedStore | None = None
) -> tuple[WorkspaceService, Staging, SaveEngine, list[dict[str, object]]]:
    service = world.service()
    rows = await load(service, world.table_id())
    staging = Staging(world.table_id(), COLUMNS)
    engine = SaveEngine(
        service,
        staging,
        server_keys=[int(r["id"]) for r in rows],  # type: ignore[call-overload]
        store=store,
        table_name="Cost centers",
    )
    return service, staging, engine, rows


async def test_edits_adds_and_deletes_reach_the_emulator(world: World, tmp_path: Path) -> None:
    store = StagedStore(tmp_path / "staged")
    service, staging, engine, rows = await staged_world(world, store)
    staging.set_cell(rows[0], "name", "Renamed")
    staging.toggle_delete([rows[1]])
    staging.add_row({"code": "CC-9", "name": "New", "owner": "Ana"})
    results = await engine.run()
    stored = world.stored()
    assert all(r.ok for r in results) and len(results) == 3
    assert stored[rows[0]["id"]]["name"] == "Renamed"  # type: ignore[index]
    assert rows[1]["id"] not in stored
    assert list(stored.values())[-1] == {"code": "CC-9", "name": "New", "owner": "Ana"}
    assert not len(staging) and store.load(world.table_id(), COLUMNS) is None
    new_id = max(stored)
    assert (-1, None) in engine.report.grid and new_id in dict(engine.report.grid)
    await service.aclose()


async def test_a_row_changed_behind_our_back_is_held_back(world: World) -> None:
    service, staging, engine, rows = await staged_world(world)
    staging.set_cell(rows[0], "name", "Mine")
    staging.set_cell(rows[1], "name", "Also mine")
    staging.toggle_delete([rows[2]])
    table = world.emu.store.main.lookup_rows[world.table_id()]
    table[rows[0]["id"]]["data"]["owner"] = "Someone Else"  # type: ignore[index]
    del table[rows[2]["id"]]  # type: ignore[arg-type]
    await engine.run()
    [conflict] = engine.report.conflicts
    assert conflict.key == rows[0]["id"] and conflict.theirs is not None
    assert conflict.theirs["owner"] == "Someone Else" and conflict.yours["name"] == "Mine"
    assert world.stored()[rows[0]["id"]]["name"] != "Mine"  # type: ignore[index]
    assert world.stored()[rows[1]["id"]]["name"] == "Also mine"  # type: ignore[index]
    staged = staging.get(rows[0]["id"])
    assert staged is not None and "changed by someone else" in (staged.error or "")
    assert rows[2]["id"] not in staging  # already deleted: nothing to do
    await service.aclose()


async def test_a_failed_row_stays_staged_with_its_error_and_the_rest_is_saved(world: World) -> None:
    service, staging, engine, rows = await staged_world(world)
    for index in range(3):
        staging.set_cell(rows[index], "name", f"Edit {index}")
    world.emu.faults.add("/api/lookup_tables/*/rows/*", "error500", times=1, method="PUT")
    results = await engine.run()
    assert [r.ok for r in results] == [False, True, True]
    failed = staging.get(rows[0]["id"])
    assert (
        failed is not None and failed.values["name"] == "Edit 0" and "500" in (failed.error or "")
    )
    assert [world.stored()[r["id"]]["name"] for r in rows[1:3]] == ["Edit 1", "Edit 2"]  # type: ignore[index]
    assert len(staging) == 1
    await engine.run()  # the retry sends just the failed row
    assert world.stored()[rows[0]["id"]]["name"] == "Edit 0" and not len(staging)  # type: ignore[index]
    await service.aclose()


async def test_read_only_refuses_before_sending(world: World) -> None:
    service = world.service(read_only=True)
    rows = await load(service, world.table_id())
    staging = Staging(world.table_id(), COLUMNS)
    staging.set_cell(rows[0], "name", "x")
    engine = SaveEngine(service, staging, server_keys=[int(r["id"]) for r in rows])  # type: ignore[call-overload]
    before = len(world.requests())
    reason = engine.refusal()
    assert reason is not None and "read-only" in reason and "nothing was sent" in reason
    assert len(world.requests()) == before
    await service.aclose()


async def test_many_changes_reread_by_page_and_queue_inside_the_quota(world: World) -> None:
    service, staging, engine, rows = await staged_world(world)
    for row in rows:  # 64 updates: more than the 60 a minute the PUT endpoint allows
        staging.set_cell(row, "owner", "Bulk")
    before, started = len(world.requests()), world.clock.monotonic()
    await engine.run()
    sent = world.requests()[before:]
    assert [r.method for r in sent].count("GET") == 1  # one page re-reads all 64 rows
    assert [r.method for r in sent].count("PUT") == 64
    assert {r.status for r in sent} == {200}  # the limiter queued them: no 429
    assert engine.report.read_requests == 1 and engine.report.write_requests == 64
    assert world.clock.monotonic() - started >= 60  # it waited, on the fake clock
    assert {d["owner"] for d in world.stored().values()} == {"Bulk"}
    await service.aclose()
