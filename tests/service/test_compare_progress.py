"""Compare runs progressively (each kind shown as soon as both sides are read for it), each
side inside its own profile's quota, and a revisit within the TTL sends no request."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from envs_world import Envs, open_envs

from workato_tui.api.endpoints import BY_ID
from workato_tui.service.compare import KINDS
from workato_tui.service.compare_load import (
    STAGES,
    CompareProgress,
    compare_progressively,
    compare_services,
)
from workato_tui.service.workspace import TTL

# The kinds each stage adds, and the list endpoints it reads.
STAGE_KINDS = ({"project", "folder"}, {"connection"}, {"recipe"}, {"lookup_table"})
STAGE_READS = (
    {"projects.list", "folders.list"},
    {"connections.list"},
    {"recipes.list"},
    {"lookup_tables.list", "lookup_rows.list"},
)


@pytest.fixture
async def envs(tmp_path: Path) -> AsyncIterator[Envs]:
    async with open_envs(tmp_path) as built:
        yield built


def _endpoints(envs: Envs, since: int) -> set[str]:
    return {r.endpoint_id or "" for r in envs.emu.store.requests[since:]}


async def test_each_kind_appears_once_both_sides_are_read_for_it(envs: Envs) -> None:
    seen: list[tuple[CompareProgress, set[str]]] = []
    async for progress in compare_progressively(envs["demo-dev"], envs["demo"]):
        seen.append((progress, _endpoints(envs, 0)))
    assert [p.done for p, _ in seen] == [STAGES[: i + 1] for i in range(len(STAGES))]
    for index, (progress, sent) in enumerate(seen):
        kinds = {pair.kind for pair in progress.comparison.pairs}
        assert kinds == set().union(*STAGE_KINDS[: index + 1]), progress.done
        later = set().union(*STAGE_READS[index + 1 :])
        assert not sent & later, f"{progress.done[-1]}: read {sent & later} before showing"
        assert progress.finished is (index == len(STAGES) - 1)
    first, last = seen[0][0], seen[-1][0]
    assert first.describe() == "comparing… connections (1 of 4 kinds done)"
    assert last.describe() == "compared"
    assert last.comparison == await compare_services(envs["demo-dev"], envs["demo"])
    pairs = last.comparison.pairs
    assert [KINDS.index(p.kind) for p in pairs] == sorted(KINDS.index(p.kind) for p in pairs)


async def test_a_revisit_within_the_ttl_sends_nothing_and_after_it_reads_again(
    envs: Envs,
) -> None:
    first = await compare_services(envs["demo-dev"], envs["demo"])
    before = len(envs.emu.store.requests)
    envs.clock.advance(min(TTL.values()) - 1)
    again = await compare_services(envs["demo-dev"], envs["demo"])
    assert again == first
    assert envs.emu.store.requests[before:] == []
    envs.clock.advance(max(TTL.values()))
    await compare_services(envs["demo-dev"], envs["demo"])
    assert len(envs.emu.store.requests) > before


async def test_each_side_reads_with_its_own_token_inside_its_own_quota(envs: Envs) -> None:
    await compare_services(envs["demo-dev"], envs["demo"])
    requests = envs.emu.store.requests
    assert not [r for r in requests if r.status == 429]
    by_client = Counter(r.client_id for r in requests)
    assert len(by_client) == 2  # the dev client and the prod admin, each its own bucket
    for client in by_client:
        per_endpoint = Counter(r.endpoint_id for r in requests if r.client_id == client)
        for endpoint_id, count in per_endpoint.items():
            assert endpoint_id is not None
            assert count <= BY_ID[endpoint_id].quota.limit, (client, endpoint_id, count)
    detail = [r for r in requests if r.endpoint_id == "recipes.get"]
    assert detail == []  # list items carry the code: no detail call per recipe pair


async def test_a_failing_side_fails_the_compare_with_the_apis_own_error(envs: Envs) -> None:
    from workato_tui.api.errors import WorkatoError

    envs.emu.faults.add("/api/connections", "error500", times=50, method="GET")
    with pytest.raises(WorkatoError) as caught:
        await compare_services(envs["demo-dev"], envs["demo"])
    assert not isinstance(caught.value, BaseExceptionGroup)
    assert caught.value.describe()
