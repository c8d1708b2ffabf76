"""Compare drill-downs: the recipe code diff and the lookup row diff with copying rows."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from envs_world import Envs, open_envs

from workato_tui.emulator.seed_envs import CHANGED_TABLE
from workato_tui.lookup.rowdiff import DIFFERS, ONLY_HERE, ONLY_THERE, SAME, row_diff, stage_copy
from workato_tui.lookup.rows import flatten, table_columns
from workato_tui.lookup.save import SaveEngine
from workato_tui.lookup.staging import Staging
from workato_tui.service.code_diff import changed_count, code_diff
from workato_tui.service.compare_load import compare_services
from workato_tui.service.workspace import WorkspaceService


@pytest.fixture
async def envs(tmp_path: Path) -> AsyncIterator[Envs]:
    async with open_envs(tmp_path) as built:
        yield built


def test_code_diff_marks_changes_and_folds_unchanged_runs() -> None:
    lines = [{"number": i, "provider": "app", "input": {"field": f"v{i}"}} for i in range(30)]
    old = {"block": lines}
    new = {"block": [*lines[:20], {**lines[20], "provider": "other"}, *lines[21:]]}
    rows = code_diff(json.dumps(old), json.dumps(new, indent=4))
    changed = [r for r in rows if r.tag == "changed"]
    assert [(r.left.strip(), r.right.strip()) for r in changed] == [
        ('"provider": "app"', '"provider": "other"')
    ]
    folded = [r for r in rows if r.tag == "folded"]
    assert len(folded) == 2 and all("unchanged lines" in r.left for r in folded)
    assert len(rows) < 20  # 200-odd pretty-printed lines, folded around one change


def test_code_diff_of_equal_code_is_one_folded_row_and_added_lines_show_on_one_side() -> None:
    same = code_diff('{"a": 1}', '{ "a":1 }')
    assert changed_count(same) == 0
    grown = code_diff('{"a": [1]}', '{"a": [1, 2, 3]}')
    added = [r for r in grown if r.tag == "added"]
    assert added and all(r.left == "" for r in added)
    assert changed_count(grown) >= 1


async def _rows(service: WorkspaceService, name: str) -> tuple[dict, list[str], list[dict]]:
    table = next(t for t in await service.lookup_tables() if t.name == name)
    columns = table_columns(table.model_dump(by_alias=True))
    rows = [
        flatten(r.id, r.data, columns)
        async for page in service.lookup_row_pages(table.id)
        for r in page
    ]
    return table.model_dump(by_alias=True), columns, rows


async def test_row_diff_finds_the_planted_rows(envs: Envs) -> None:
    _, columns, dev_rows = await _rows(envs["demo-dev"], CHANGED_TABLE)
    _, _, prod_rows = await _rows(envs["demo"], CHANGED_TABLE)
    pairs = row_diff(dev_rows, prod_rows, columns, "sf_region")
    flagged = {p.key: (p.status, p.changed) for p in pairs if p.status != SAME}
    assert flagged == {"EMEA": (DIFFERS, ("currency",)), "BR": (ONLY_HERE, ())}
    reverse = row_diff(prod_rows, dev_rows, columns, "sf_region")
    assert {p.key for p in reverse if p.status == ONLY_THERE} == {"BR"}


async def test_copying_rows_lands_them_in_the_other_environment_through_the_save_path(
    envs: Envs,
) -> None:
    dev, prod = envs["demo-dev"], envs["demo"]
    _, columns, dev_rows = await _rows(dev, CHANGED_TABLE)
    table, _, prod_rows = await _rows(prod, CHANGED_TABLE)
    pairs = [p for p in row_diff(dev_rows, prod_rows, columns, "sf_region") if p.status != SAME]
    staging = Staging(int(table["id"]), columns)
    stage_copy(pairs, staging)
    counts = staging.counts()
    assert (counts.added, counts.changed) == (1, 1)
    engine = SaveEngine(prod, staging, server_keys=[int(r["id"]) for r in prod_rows])
    assert engine.refusal() is None
    results = await engine.run()
    assert all(r.ok for r in results) and len(results) == 2
    stored = envs.emu.store.main.lookup_rows[int(table["id"])].values()
    landed = {r["data"]["sf_region"]: r["data"]["currency"] for r in stored}
    assert landed["EMEA"] == "CHF" and landed["BR"] == "BRL"
    envs.clock.advance(120)  # past the lookup caches' TTL
    after = await compare_services(dev, prod, "Finance Ops")
    assert after.flagged() == []
