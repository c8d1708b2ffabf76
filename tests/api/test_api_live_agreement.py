"""The client against the emulator where decisions.md rows 26-35 changed the answers
(issue 9 items 1-8 and 10)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from api_test_helpers import Script, reply

from workato_tui.api import BadRequest, NotFound, RateLimiter, Refused, WorkatoClient, endpoint
from workato_tui.api.ids import as_id, ascii_int
from workato_tui.api.refusals import step_problems
from workato_tui.emulator.clock import FakeClock

EmuClient = Callable[..., WorkatoClient]
MakeClient = Callable[..., WorkatoClient]
LIVE_REFUSAL = {
    "success": False,
    "code_errors": [],
    "config_errors": [
        [1, [["account_id", 32148, "unconnected", {"key": "errors.config_unconnected"}]]]
    ],
}


async def test_start_refusal_in_the_live_layout_is_read_per_step(make_client: MakeClient) -> None:
    async with make_client(Script(reply(200, LIVE_REFUSAL))) as client:
        with pytest.raises(Refused) as caught:
            await client.start_recipe(5)
    [problem] = caught.value.problems
    assert (problem.kind, problem.step, problem.field, problem.value) == (
        "config",
        1,
        "account_id",
        32148,
    )
    assert problem.message == "unconnected" and problem.key == "errors.config_unconnected"
    assert caught.value.details == ["step 1: account_id unconnected (errors.config_unconnected)"]


def test_the_flat_refusal_layout_is_still_read() -> None:
    [problem] = step_problems("config", [["salesforce", "is not connected", {"key": "k"}]])
    assert (problem.provider, problem.message, problem.key, problem.step) == (
        "salesforce",
        "is not connected",
        "k",
        None,
    )
    assert step_problems("config", "garbage") == []
    assert [p.message for p in step_problems("code", [[2, ["oops"]], {"odd": 1}])] == [
        "oops",
        '{"odd": 1}',
    ]


async def test_connection_create_sends_folder_id_as_an_integer(
    emu: Any, emu_client: EmuClient
) -> None:
    folder = next(iter(emu.store.main.projects.values()))["folder_id"]
    async with emu_client() as client:
        created = await client.create_connection(
            name="Box", provider="box", folder_id=str(folder), shell_connection=True
        )
    assert emu.store.requests[-1].body["folder_id"] == folder  # an int, as Workato's clients
    assert created.folder_id == folder


async def test_a_null_status_reads_disconnected(emu: Any, emu_client: EmuClient) -> None:
    async with emu_client() as client:
        connections = await client.list_connections()
    states = {c.name: c.state for c in connections}
    assert states["NetSuite (sandbox)"] == "disconnected"  # authorization_status: null
    assert states["Zendesk (support)"] == "failed"
    assert states["Jira Cloud"] == "connected"


async def test_exclude_code_gives_a_string_code(emu_client: EmuClient) -> None:
    async with emu_client() as client:
        recipes = await client.list_recipes(exclude_code=True)
    assert recipes and all(r.code == "" for r in recipes)


@pytest.mark.parametrize("moment", ["2020-01-01", "2020-01-01T00:00:00"])
async def test_time_filters_without_an_offset_are_answered(
    emu_client: EmuClient, moment: str
) -> None:
    async with emu_client() as client:
        assert await client.list_recipes(updated_after=moment)
        assert await client.list_connections(updated_after=moment)


async def test_an_unparseable_time_filter_is_a_bad_request_naming_it(
    emu_client: EmuClient,
) -> None:
    async with emu_client() as client:
        with pytest.raises(BadRequest) as caught:
            await client.list_recipes(updated_after="last tuesday")
    assert any("updated_after" in d for d in caught.value.details)


async def test_projects_hang_under_the_home_folder(emu_client: EmuClient) -> None:
    async with emu_client() as client:
        me = await client.get_me()
        top = await client.list_folders()
        projects = [p async for p in client.iter_projects()]
    assert {f.id for f in top} == {p.folder_id for p in projects}
    assert all(f.parent_id == me.root_folder_id and f.is_project for f in top)


async def test_connections_filter_by_project(emu: Any, emu_client: EmuClient) -> None:
    project = next(p for p in emu.store.main.projects.values() if p["name"] == "Finance Ops")
    async with emu_client() as client:
        listed = await client.list_connections(project_id=project["id"])
    expected = {
        c["id"] for c in emu.store.main.connections.values() if c["project_id"] == project["id"]
    }
    assert {c.id for c in listed} == expected and len(expected) == 4


async def test_unknown_recipe_is_not_found_in_workatos_words(emu_client: EmuClient) -> None:
    async with emu_client() as client:
        with pytest.raises(NotFound) as caught:
            await client.get_recipe(1)
    assert caught.value.message == "Not found"
    assert caught.value.body == {"message": "Not found"}


async def test_limiter_keeps_recipe_create_to_one_per_second(clock: FakeClock) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep, margin=0.0)
    create = endpoint("recipes.create")
    assert await limiter.acquire(create) == 0.0
    assert await limiter.acquire(create) == pytest.approx(1.0)
    resume = endpoint("jobs.resume")
    for _ in range(100):
        await limiter.acquire(resume)
    start = clock.monotonic()
    await limiter.acquire(resume)
    assert clock.monotonic() - start == pytest.approx(60.0)


async def test_limiter_counts_embedded_job_list_and_detail_in_one_bucket(
    clock: FakeClock,
) -> None:
    limiter = RateLimiter(now=clock.monotonic, sleep=clock.sleep, margin=0.0)
    listing, detail = endpoint("customers.jobs.list"), endpoint("customers.jobs.get")
    for _ in range(listing.quota.limit):
        await limiter.acquire(listing)
    assert await limiter.acquire(detail) == pytest.approx(60.0)
    assert [b.endpoint_id for b in limiter.snapshot()] == ["embedded-jobs"]


def test_ascii_int_refuses_unicode_digits() -> None:
    assert "\u00b2".isdigit()  # why isdigit() is not enough
    assert ascii_int("\u00b2") is None and ascii_int("\u0661") is None
    assert ascii_int("42") == 42 and ascii_int("-3") is None and ascii_int("-3", signed=True) == -3
    assert ascii_int("9" * 31) is None and ascii_int(" 1") is None and ascii_int(7) is None
    assert as_id(7) == 7 and as_id("7") == 7 and as_id(True) is None and as_id([7]) is None
