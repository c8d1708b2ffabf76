"""Compare on the demo's environments: every planted drift is found and nothing else."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from envs_world import Envs, open_envs

from workato_tui.emulator.environments import DEPLOY_SECONDS
from workato_tui.emulator.seed_envs import (
    CHANGED_RECIPE,
    CHANGED_TABLE,
    DEV_ONLY_CONNECTION,
    DEV_ONLY_RECIPE,
    REMOVED_RECIPE,
)
from workato_tui.service.compare import (
    DIFFERS,
    ONLY_HERE,
    ONLY_THERE,
    SAME,
    Asset,
    canonical_code,
    compare,
)
from workato_tui.service.compare_load import compare_services
from workato_tui.service.deploy_preview import preview_deploy


@pytest.fixture
async def envs(tmp_path: Path) -> AsyncIterator[Envs]:
    async with open_envs(tmp_path) as built:
        yield built


PLANTED = {
    ("recipe", f"Sales Ops/Lead routing/{CHANGED_RECIPE}"): (DIFFERS, ("version", "code")),
    ("recipe", f"Sales Ops/Lead routing/{DEV_ONLY_RECIPE}"): (ONLY_HERE, ()),
    ("recipe", f"Sales Ops/Renewals/{REMOVED_RECIPE}"): (ONLY_THERE, ()),
    ("connection", f"Sales Ops/{DEV_ONLY_CONNECTION}"): (ONLY_HERE, ()),
    ("lookup_table", f"Finance Ops/{CHANGED_TABLE}"): (DIFFERS, ("rows",)),
}


def _flagged(comparison) -> dict:
    return {(p.kind, p.where): (p.status, p.differences) for p in comparison.flagged()}


@pytest.mark.parametrize("other", ["demo", "demo-test"])
async def test_every_planted_drift_is_found_and_nothing_else(envs: Envs, other: str) -> None:
    comparison = await compare_services(envs["demo-dev"], envs[other])
    assert _flagged(comparison) == PLANTED
    counts = comparison.counts()
    assert counts[ONLY_HERE] == 2 and counts[ONLY_THERE] == 1 and counts[DIFFERS] == 2
    assert counts[SAME] > 30
    assert "only here: 2" in comparison.header()


async def test_prod_and_test_compare_equal(envs: Envs) -> None:
    comparison = await compare_services(envs["demo"], envs["demo-test"])
    assert comparison.flagged() == []


async def test_the_same_workspace_pairs_by_id(envs: Envs) -> None:
    comparison = await compare_services(envs["demo"], envs["demo"])
    assert comparison.flagged() == []
    assert all(p.here.id == p.there.id for p in comparison.pairs)


async def test_a_revisit_within_the_ttl_sends_nothing(envs: Envs) -> None:
    await compare_services(envs["demo-dev"], envs["demo"])
    sent = len(envs.emu.requests)
    again = await compare_services(envs["demo-dev"], envs["demo"])
    assert len(envs.emu.requests) == sent
    assert _flagged(again) == PLANTED


async def test_compare_calls_no_recipe_detail_when_lists_carry_code(envs: Envs) -> None:
    await compare_services(envs["demo-dev"], envs["demo"])
    assert not [r for r in envs.emu.requests if r.endpoint_id == "recipes.get"]


async def test_deploy_preview_shows_the_drift_and_the_deploy_makes_it_same(envs: Envs) -> None:
    dev, prod = envs["demo-dev"], envs["demo"]
    preview = await preview_deploy(dev, prod, "Sales Ops", "prod")
    assert preview.added == (f"Sales Ops/Lead routing/{DEV_ONLY_RECIPE}",)
    assert preview.removed == (f"Sales Ops/Renewals/{REMOVED_RECIPE}",)
    assert len(preview.changed) == 1 and CHANGED_RECIPE in preview.changed[0]
    assert preview.new_connections == (f"Sales Ops/{DEV_ONLY_CONNECTION}",)
    assert preview.other == ()
    text = "\n".join(preview.lines())
    assert "Connections arriving without credentials (1)" in text
    project = next(p for p in await dev.projects() if p.name == "Sales Ops")
    await dev.client.deploy_project(project.id, environment_type="prod")
    envs.clock.advance(DEPLOY_SECONDS + 1)
    envs.clock.advance(120)  # past every cache TTL
    after = await compare_services(dev, prod, "Sales Ops")
    assert after.flagged() == []
    assert (await preview_deploy(dev, prod, "Sales Ops", "prod")).empty


def test_formatting_alone_is_not_a_code_difference() -> None:
    assert canonical_code('{"a": 1, "b": [1, 2]}') == canonical_code('{"b":[1,2],"a":1}')
    here = [Asset("recipe", "P", "R", 1, {"code": canonical_code('{"a":1}'), "version": 2})]
    there = [Asset("recipe", "P", "R", 9, {"code": canonical_code('{ "a" : 1 }'), "version": 2})]
    assert compare(here, there, same_workspace=False).pairs[0].status == SAME


def test_unknown_facts_are_no_difference_and_ids_win_in_one_workspace() -> None:
    here = [Asset("recipe", "P", "Old name", 5, {"code": None, "version": 3})]
    there = [Asset("recipe", "P", "New name", 5, {"code": "x", "version": 4})]
    pair = compare(here, there, same_workspace=True).pairs[0]
    assert pair.status == DIFFERS and pair.differences == ("name", "version")
    assert pair.summary == "differs in name, version"
    apart = compare(here, there, same_workspace=False)
    assert sorted(p.status for p in apart.pairs) == [ONLY_HERE, ONLY_THERE]
