"""Every write endpoint x every way its answer can go wrong: never applied twice, and the
outcome the user is shown is the right one.

Faults: `drop-after` and `hang-after` (the change is made, the answer lost), `drop` (the
connection breaks before the handler: nothing is made, but the client cannot tell), a 500,
and a 15 s storm of 429s. After a lost answer the service checks whether the write landed;
for the writes it can check, asking for the same write again sends nothing more when it had
landed, and sends it once when it had not.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from test_facade_world import DemoIds, World, demo_ids, open_world

from workato_tui.api.endpoints import BY_ID, WRITE_ENDPOINTS
from workato_tui.api.errors import RateLimited, Uncertain, WorkatoError
from workato_tui.api.models import RepeatResult
from workato_tui.emulator import DEMO_RESUME_TOKEN
from workato_tui.emulator.records import recipe_code, schema_labels
from workato_tui.lookup import SaveEngine, Staging
from workato_tui.service.bulk import run_bulk
from workato_tui.service.workspace import WorkspaceService

WriteCall = Callable[[WorkspaceService, DemoIds, World], Awaitable[Any]]
CODE = recipe_code(("scheduler", "scheduled_event"), ["slack"])
TIMEOUT = 40.0
FAULTS = {
    "drop-after": ("drop-after", None, 1),
    "hang-after": ("hang-after", TIMEOUT + 10, 1),
    "drop-before": ("drop", None, 1),
    "500": ("error500", None, 1),
    "429-storm": ("storm429", 3.0, 5),  # 5 x Retry-After 3 s: a 15 s storm
}


def master_job(world: World, recipe_id: int) -> str:
    jobs = world.emu.store.main.job_log(recipe_id).jobs
    return next(j["id"] for j in reversed(jobs) if j["master_job_id"] == j["id"])


def customer_master_job(world: World, ids: DemoIds) -> str:
    customer = next(c for c in world.emu.store.customers.values() if c.record["id"] == ids.customer)
    jobs = customer.workspace.job_log(ids.customer_recipe).jobs
    return next(j["id"] for j in reversed(jobs) if j["master_job_id"] == j["id"])


def unused_connection(world: World) -> int:
    connections = world.emu.store.main.connections.values()
    return next(c["id"] for c in connections if c["name"] == "NetSuite (sandbox)")


async def add_row(s: WorkspaceService, i: DemoIds, w: World) -> Any:
    """A lookup add goes through the save engine, which knows the rows loaded before."""
    table = w.emu.store.main.lookup_tables[i.table]
    columns = schema_labels(table)
    staging = Staging(i.table, columns)
    staging.add_row(dict(zip(columns, ["CC-9990", "Treasury AMER 9", "Alex Fisher"], strict=True)))
    keys = list(w.emu.store.main.lookup_rows[i.table])
    engine = SaveEngine(s, staging, server_keys=keys)
    [result] = await engine.run()
    if result.error is not None:
        raise result.error
    return result


def connection_named(world: World, name: str) -> int:
    return next(c["id"] for c in world.emu.store.main.connections.values() if c["name"] == name)


def recipe_named(world: World, name: str) -> int:
    return next(r["id"] for r in world.emu.store.main.recipes.values() if r["name"] == name)


def folder_named(world: World, name: str) -> int:
    return next(f["id"] for f in world.emu.store.main.folders.values() if f["name"] == name)


def finance_build(world: World, ids: DemoIds) -> int:
    """A build of Finance Ops made by one of its seeded deployments."""
    deployments = world.emu.store.main.deployments.values()
    return next(
        int(d["project_build_id"])
        for d in deployments
        if d["project_id"] == str(ids.finance_project)
    )


def idle_project(world: World) -> int:
    """Every demo project runs recipes (so cannot be destroyed): add one that does not."""
    from workato_tui.emulator.records import new_project

    store = world.emu.store
    found = [p for p in store.main.projects.values() if p["name"] == "Sandbox"]
    return found[0]["id"] if found else new_project(store, store.main, "Sandbox")["id"]


WRITES: dict[str, WriteCall] = {
    "recipes.connect": lambda s, i, w: s.writes.connect_recipe(
        recipe_named(w, "Month-end revenue reconciliation"),
        "salesforce",
        connection_named(w, "Salesforce (reporting)"),
    ),
    "folders.delete": lambda s, i, w: s.writes.delete_folder(folder_named(w, "Month-end close")),
    "projects.delete": lambda s, i, w: s.writes.delete_project(idle_project(w)),
    "recipes.create": lambda s, i, w: s.writes.create_recipe(
        name="Nightly AR export", folder_id=i.finance_folder, code=CODE
    ),
    "recipes.copy": lambda s, i, w: s.writes.copy_recipe(i.recipe, i.finance_folder),
    "recipes.update": lambda s, i, w: s.writes.update_recipe(i.stopped_recipe, name="Post alerts"),
    "recipes.start": lambda s, i, w: s.writes.start_recipe(i.stopped_recipe),
    "recipes.stop": lambda s, i, w: s.writes.stop_recipe(i.recipe),
    "recipes.delete": lambda s, i, w: s.writes.delete_recipe(i.stopped_recipe),
    "jobs.resume": lambda s, i, w: s.writes.resume_job(DEMO_RESUME_TOKEN, {"approved": True}),
    "jobs.repeat": lambda s, i, w: s.writes.repeat_jobs(i.recipe, [master_job(w, i.recipe)]),
    "connections.create": lambda s, i, w: s.writes.create_connection(
        name="Slack: #treasury", provider="slack", folder_id=i.finance_folder
    ),
    "connections.update": lambda s, i, w: s.writes.update_connection(
        i.connection, name="Slack: #finance-ops"
    ),
    "connections.disconnect": lambda s, i, w: s.writes.disconnect_connection(
        i.connection, force=True
    ),
    "connections.delete": lambda s, i, w: s.writes.delete_connection(unused_connection(w)),
    "folders.create": lambda s, i, w: s.writes.create_folder(
        "Q4 close", parent_id=i.finance_folder
    ),
    "folders.update": lambda s, i, w: s.writes.rename_folder(
        i.finance_folder, "Finance Operations"
    ),
    "projects.update": lambda s, i, w: s.writes.update_project(
        i.finance_project, description="O2C"
    ),
    "projects.deploy": lambda s, i, w: s.writes.deploy_project(i.finance_project, "test"),
    "projects.build": lambda s, i, w: s.builds.build_project(i.finance_project, "Release"),
    "project_builds.deploy": lambda s, i, w: s.builds.deploy_build(finance_build(w, i), "test"),
    "lookup_rows.create": add_row,
    "lookup_rows.update": lambda s, i, w: s.writes.update_lookup_row(
        i.table, i.row, {"owner": "Sam Lee"}
    ),
    "lookup_rows.delete": lambda s, i, w: s.writes.delete_lookup_row(i.table, i.row),
    "api_clients.create": lambda s, i, w: s.writes.create_api_client(
        name="Reporting", role_id=i.role, all_folders=True
    ),
    "api_clients.regenerate": lambda s, i, w: s.writes.regenerate_api_client(i.api_client),
    "api_clients.delete": lambda s, i, w: s.writes.delete_api_client(i.api_client),
    "customers.jobs.repeat": lambda s, i, w: s.writes.repeat_jobs(
        i.customer_recipe, [customer_master_job(w, i)], customer=str(i.customer)
    ),
}

# Writes the API offers no way to check: their lost answer stays "may have been applied",
# and the user is told to refresh and look, never invited to send again.
UNCHECKABLE = {"jobs.resume", "api_clients.regenerate", "projects.build"}


def outcome(result: Any = None, error: WorkatoError | None = None) -> str:
    """What the user is told: done, not-applied (checked), uncertain, or failed."""
    if error is not None:
        if isinstance(error, Uncertain):
            return "not-applied" if error.not_applied else "uncertain"
        return "failed"
    if isinstance(result, list) and result and isinstance(result[0], RepeatResult):
        [one] = result
        if one.status == "enqueued":
            return "done"
        return "not-applied" if "not repeated" in str(one.error) else str(one.status)
    return "done"


def expected(endpoint_id: str, fault: str) -> str:
    checkable = endpoint_id not in UNCHECKABLE
    return {
        "drop-after": "done" if checkable else "uncertain",
        "hang-after": "done" if checkable else "uncertain",
        "drop-before": "not-applied" if checkable else "uncertain",
        "500": "failed",
        "429-storm": "done",
    }[fault]


def applied(world: World, endpoint_id: str) -> int:
    """How many times the emulator's handler carried the write out."""
    return sum(200 <= r.status < 300 for r in world.seen(endpoint_id))


async def attempt(call: WriteCall, world: World) -> tuple[str, WorkatoError | None]:
    try:
        result = await call(world.service, demo_ids(world.emu), world)
    except WorkatoError as error:
        return outcome(error=error), error
    return outcome(result), None


@pytest.fixture
async def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    built = open_world(tmp_path, timeout=TIMEOUT)
    yield built
    await built.aclose()


def test_the_matrix_covers_every_write_endpoint() -> None:
    assert set(WRITES) == {e.id for e in WRITE_ENDPOINTS}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("endpoint_id", list(WRITES))
async def test_a_write_is_never_applied_twice_and_shows_the_right_outcome(
    world: World, endpoint_id: str, fault: str
) -> None:
    kind, value, times = FAULTS[fault]
    endpoint = BY_ID[endpoint_id]
    pattern = "/".join("*" if p.startswith(":") else p for p in endpoint.display_path.split("/"))
    world.emu.faults.add(pattern, kind, value, times=times, method=endpoint.method)
    call = WRITES[endpoint_id]

    shown, error = await attempt(call, world)

    assert shown == expected(endpoint_id, fault), error
    assert applied(world, endpoint_id) == (0 if fault in ("drop-before", "500") else 1)
    if error is not None:
        assert error.correlation_id, "every failure names its correlation id"
        assert "then retry" not in error.describe() or not isinstance(error, Uncertain)
    if shown != "not-applied" and shown != "failed":
        return  # done (the form closes), or uncertain (the user is told to look first)
    world.emu.faults.clear()
    again, error = await attempt(call, world)  # the user sends it again, as offered
    assert again == "done", error
    assert applied(world, endpoint_id) == 1


@pytest.mark.parametrize(
    "endpoint_id", ["recipes.create", "connections.create", "api_clients.create", "jobs.repeat"]
)
async def test_when_the_check_itself_fails_asking_again_checks_before_sending(
    world: World, endpoint_id: str
) -> None:
    endpoint = BY_ID[endpoint_id]
    pattern = "/".join("*" if p.startswith(":") else p for p in endpoint.display_path.split("/"))
    world.emu.faults.add(pattern, "drop-after", times=1, method=endpoint.method)
    world.emu.faults.add("/api/*", "error500", times=4, method="GET")  # the check's read fails
    shown, error = await attempt(WRITES[endpoint_id], world)
    assert shown == "uncertain"
    assert "Could not check whether" in str(error) or error is None
    world.emu.faults.clear()

    again, error = await attempt(WRITES[endpoint_id], world)

    assert again == "done", error
    assert applied(world, endpoint_id) == 1, "found on the server: not sent again"


async def test_a_storm_longer_than_the_budget_fails_having_done_nothing(world: World) -> None:
    from workato_tui.api.retry import WriteRetry

    ids = demo_ids(world.emu)
    world.service.client.write_retry = WriteRetry(budget=20)
    world.emu.faults.add(f"/api/recipes/{ids.stopped_recipe}/start", "storm429", 3.0)
    shown, error = await attempt(WRITES["recipes.start"], world)
    assert shown == "failed" and isinstance(error, RateLimited)
    assert applied(world, "recipes.start") == 0


async def test_a_15_second_storm_fails_none_of_100_repeats(world: World) -> None:
    ids = demo_ids(world.emu)
    jobs = world.emu.store.main.job_log(ids.recipe).jobs
    newest = [j["id"] for j in reversed(jobs) if j["master_job_id"] == j["id"]][:100]
    # Retry-After 1 s, fifteen times: 15 s of 429s on the fake clock
    world.emu.faults.add("/api/recipes/*/repeat_jobs", "storm429", 1.0, times=15)
    started = world.clock.monotonic()

    results = await world.service.writes.repeat_jobs(ids.recipe, newest)

    assert len(results) == 100
    assert [r.status for r in results].count("enqueued") == 100
    assert world.clock.monotonic() - started >= 15
    answered = [r.status for r in world.emu.store.requests if r.path.endswith("/repeat_jobs")]
    assert answered.count(429) == 15 and answered.count(200) == 4


async def test_the_write_budget_is_set_when_the_workspace_opens(tmp_path: Path) -> None:
    from pydantic import SecretStr

    from workato_tui.api.retry import WriteRetry
    from workato_tui.emulator import ADMIN_TOKEN
    from workato_tui.service.connect import demo_profile, open_workspace

    service = open_workspace(demo_profile(), SecretStr(ADMIN_TOKEN), None, write_budget=42.0)
    assert service.client.write_retry == WriteRetry(budget=42.0)
    await service.aclose()


async def test_cancelling_bulk_work_stops_a_429_wait_and_sends_nothing_more(
    world: World,
) -> None:
    recipes = [r for r in world.emu.store.main.recipes.values() if r["running"]][:3]
    world.emu.faults.add("/api/recipes/*/stop", "storm429", 5.0)  # a storm that never ends
    stop = False

    def cancelled() -> bool:
        return stop

    async def act(recipe: dict[str, Any]) -> Any:
        nonlocal stop
        stop = True  # the user presses escape while the first item waits
        return await world.service.writes.stop_recipe(recipe["id"])

    results = await run_bulk(recipes, act, lambda r: r["name"], cancelled=cancelled)

    assert [r.outcome for r in results] == ["failed", "failed", "failed"]
    assert [r.message.endswith("not sent (cancelled)") for r in results] == [False, True, True]
    assert world.clock.monotonic() < 5.0  # no wait: cancelled before the first retry
    assert all(r["running"] for r in recipes)


async def test_a_subfolder_rename_whose_answer_is_lost_is_found_by_walking_the_tree(
    world: World,
) -> None:
    folders = world.emu.store.main.folders.values()
    sub = next(f for f in folders if not f.get("is_project") and f.get("parent_id"))
    world.emu.faults.add(f"/api/folders/{sub['id']}", "drop-after", times=1, method="PUT")

    renamed = await world.service.writes.rename_folder(sub["id"], "Renamed sub-folder")

    assert renamed.id == sub["id"] and sub["name"] == "Renamed sub-folder"
    assert applied(world, "folders.update") == 1
