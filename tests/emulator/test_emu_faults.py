"""Fault injection: latency, 500s, 429 storms, hangs, drops, malformed JSON, and rule specs."""

from __future__ import annotations

import asyncio
import json
import uuid

import httpx
import pytest
from emu_helpers import NETSUITE_SYNC, Api, DemoIds

from workato_tui.emulator import Emulator
from workato_tui.emulator.faults import KINDS, FaultRule, parse_spec


async def test_latency_delays_but_answers(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/users/me", "latency", 0.05)
    before = len(emu.requests)
    response = await admin.get("/api/users/me")
    assert response.status_code == 200 and response.json()["name"]
    assert [(r.endpoint_id, r.status) for r in emu.requests[before:]] == [("users.me", 200)]


async def test_latency_keeps_concurrent_requests_in_the_log(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/users/me", "latency", 0.05)
    slow, fast = await asyncio.gather(admin.get("/api/users/me"), admin.get("/api/projects"))
    assert slow.status_code == fast.status_code == 200
    assert sorted(str(r.endpoint_id) for r in emu.requests) == ["projects.list", "users.me"]


async def test_error500_answers_the_documented_body(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    emu.faults.add("/api/recipes/*/stop", "error500")
    response = await admin.put(f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/stop")
    assert response.status_code == 500
    body = response.json()
    assert set(body) == {"message", "id"} and body["message"] == "Server error"
    uuid.UUID(body["id"])
    assert response.headers["x-correlation-id"]
    assert emu.store.main.recipes[ids.recipe(NETSUITE_SYNC)]["running"] is True
    assert emu.requests[-1].status == 500


async def test_storm429_answers_retry_after(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/connections", "storm429", 7)
    response = await admin.get("/api/connections")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7" and response.json()["message"]
    assert response.headers["x-correlation-id"]


async def test_storm429_defaults_to_one_second(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/connections", "storm429")
    assert (await admin.get("/api/connections")).headers["Retry-After"] == "1"


async def test_hang_never_answers(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/recipes", "hang")
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(admin.get("/api/recipes"), 0.2)
    assert (emu.requests[-1].path, emu.requests[-1].status) == ("/api/recipes", 0)


async def test_a_finite_hang_is_logged_once(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/users/me", "hang", 0.01)
    before = len(emu.requests)
    assert (await admin.get("/api/users/me")).status_code == 200
    assert [r.status for r in emu.requests[before:]] == [200]


async def test_drop_breaks_the_connection(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/recipes", "drop")
    with pytest.raises(httpx.RemoteProtocolError):
        await admin.get("/api/recipes")


async def test_malformed_answers_broken_json(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/recipes", "malformed")
    response = await admin.get("/api/recipes")
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


async def test_times_limits_how_often_a_rule_fires(emu: Emulator, admin: Api) -> None:
    rule = emu.faults.add("/api/projects", "error500", times=2)
    statuses = [(await admin.get("/api/projects")).status_code for _ in range(4)]
    assert statuses == [500, 500, 200, 200]
    assert rule.hits == 2 and rule.exhausted


async def test_a_rule_can_target_one_method(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    emu.faults.add("/api/recipes/*", "error500", method="put")
    recipe_id = ids.recipe(NETSUITE_SYNC)
    assert (await admin.get(f"/api/recipes/{recipe_id}")).status_code == 200
    assert (await admin.put(f"/api/recipes/{recipe_id}/stop")).status_code == 500
    assert emu.store.main.recipes[recipe_id]["running"] is True


async def test_patterns_are_globs_over_the_whole_path(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    emu.faults.add("/api/recipes*", "error500")
    assert (await admin.get("/api/recipes")).status_code == 500
    jobs = f"/api/recipes/{ids.recipe(NETSUITE_SYNC)}/jobs"
    assert (await admin.get(jobs)).status_code == 500
    assert (await admin.get("/api/connections")).status_code == 200


async def test_the_first_live_rule_wins_and_clear_removes_all(emu: Emulator, admin: Api) -> None:
    emu.faults.add("/api/folders", "storm429", 3, times=1)
    emu.faults.add("/api/folders", "error500", times=1)
    codes = [(await admin.get("/api/folders")).status_code for _ in range(3)]
    assert codes == [429, 500, 200]
    emu.faults.add("/api/folders", "error500")
    emu.faults.clear()
    assert (await admin.get("/api/folders")).status_code == 200


async def test_add_spec_installs_a_rule(emu: Emulator, admin: Api) -> None:
    emu.faults.add_spec("GET /api/users/me=error500x1")
    assert (await admin.get("/api/users/me")).status_code == 500
    assert (await admin.get("/api/users/me")).status_code == 200


@pytest.mark.parametrize(
    "spec,expected",
    [
        ("PUT /api/recipes/*=latency:2x3", FaultRule("/api/recipes/*", "latency", 2.0, 3, "PUT")),
        ("/api/connections=storm429:5x3", FaultRule("/api/connections", "storm429", 5.0, 3, None)),
        ("/api/recipes*=error500", FaultRule("/api/recipes*", "error500", None, None, None)),
        ("GET /api/folders=error500x2", FaultRule("/api/folders", "error500", None, 2, "GET")),
        ("/api/lookup_tables/*/rows=hang:0.5", FaultRule("/api/lookup_tables/*/rows", "hang", 0.5)),
        ("/api/x=drop", FaultRule("/api/x", "drop")),
        ("/api/x=malformed", FaultRule("/api/x", "malformed")),
    ],
)
def test_parse_spec(spec: str, expected: FaultRule) -> None:
    assert parse_spec(spec) == expected


@pytest.mark.parametrize(
    "spec",
    [
        "nonsense",
        "/api/x=",
        "=error500",
        "/api/x=explode",
        "/api/x=latency:fast",
        "GET /api/x=latency:1xq",
    ],
)
def test_parse_spec_rejects_bad_specs(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_spec(spec)


def test_add_rejects_an_unknown_kind(emu: Emulator) -> None:
    with pytest.raises(ValueError, match="kind"):
        emu.faults.add("/api/recipes", "meltdown")
    assert set(KINDS) == {
        "latency",
        "error500",
        "storm429",
        "hang",
        "drop",
        "malformed",
        "drop-after",
        "hang-after",
    }
