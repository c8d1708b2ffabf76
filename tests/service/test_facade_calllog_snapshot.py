"""What the facade leaves on disk: the call log (one JSON line per attempt, no secrets) and the
last-known snapshot (reloaded by the next session, never the token, never job rows)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from test_facade_world import World, demo_ids, open_world

from workato_tui.api.errors import NotFound
from workato_tui.emulator import ADMIN_TOKEN
from workato_tui.service.tokens import fingerprint as _fingerprint

ADMIN_IDENTITY = _fingerprint("demo-admin-token", "http://127.0.0.1")  # the demo admin's snapshot

FIELDS = ("time", "method", "path", "query", "status", "duration_ms", "correlation_id", "outcome")


def dump_rows(models: Sequence[Any]) -> list[dict[str, Any]]:
    """Models as the plain dicts a view remembers."""
    return [m.model_dump(mode="python") for m in models]


@pytest.fixture
async def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    built = open_world(tmp_path)
    yield built
    await built.aclose()


def log_lines(world: World) -> list[dict[str, Any]]:
    text = world.paths.call_log_file("demo").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


# call log ------------------------------------------------------------------------------------


async def test_every_attempt_is_one_json_line_with_the_documented_fields(world: World) -> None:
    ids = demo_ids(world.emu)
    world.emu.faults.add("/api/projects", "error500", times=1)  # one retried attempt
    await world.service.me()
    await world.service.projects()
    await world.service.recipe(ids.recipe)
    await world.service.recipe(ids.recipe)  # cached: no attempt, no line
    with pytest.raises(NotFound):
        await world.service.recipe(999_999_999)

    lines = log_lines(world)
    assert len(lines) == len(world.emu.store.requests) == 5
    for line in lines:
        assert all(name in line for name in FIELDS), line
        datetime.fromisoformat(line["time"])
        assert isinstance(line["duration_ms"], (int, float)) and line["duration_ms"] >= 0
    assert [(x["method"], x["path"], x["status"], x["outcome"]) for x in lines] == [
        ("GET", "/api/users/me", 200, "ok"),
        ("GET", "/api/projects", 500, "server_error"),
        ("GET", "/api/projects", 200, "ok"),
        ("GET", f"/api/recipes/{ids.recipe}", 200, "ok"),
        ("GET", "/api/recipes/999999999", 404, "not_found"),
    ]
    assert lines[2]["query"] == {"page": "1", "per_page": "100"}
    assert all(x["correlation_id"] for x in lines)
    assert len({x["correlation_id"] for x in lines}) == 5
    assert lines == world.service.calls.recent()


async def test_the_log_file_is_private_to_the_user(world: World) -> None:
    await world.service.me()
    assert world.paths.call_log_file("demo").stat().st_mode & 0o777 == 0o600


async def test_neither_the_token_nor_connection_credentials_reach_the_log(world: World) -> None:
    ids = demo_ids(world.emu)
    created = await world.service.writes.create_connection(
        name="NetSuite (treasury)",
        provider="netsuite",
        folder_id=ids.finance_folder,
        input={"account": "TSTDRV1", "password": "hunter2-secret"},
    )
    await world.service.writes.update_connection(created.id, input={"password": "hunter2-secret"})
    await world.service.connections()
    await world.service.writes.deploy_project(ids.finance_project, "test")
    # the secret really went over the wire, so its absence below means something
    sent_bodies = [r.body for r in world.emu.store.requests if r.body]
    assert sent_bodies[0]["input"]["password"] == "hunter2-secret"

    raw = world.paths.call_log_file("demo").read_bytes()
    assert len(raw.splitlines()) == 4
    assert ADMIN_TOKEN.encode() not in raw
    assert b"hunter2-secret" not in raw and b"TSTDRV1" not in raw
    assert all(ADMIN_TOKEN not in json.dumps(e) for e in world.service.calls.recent())


async def test_subscribers_see_each_entry_as_written(world: World) -> None:
    seen: list[dict[str, Any]] = []
    unsubscribe = world.service.calls.subscribe(seen.append)
    await world.service.me()
    unsubscribe()
    await world.service.projects()
    assert [e["path"] for e in seen] == ["/api/users/me"]
    assert seen[0] == log_lines(world)[0]


# snapshot ------------------------------------------------------------------------------------


async def test_a_remembered_list_is_seen_by_the_next_session(world: World) -> None:
    recipes = [r async for page in world.service.recipe_pages() for r in page]
    rows = dump_rows(recipes)
    world.service.memory.remember("recipes:all", rows)
    await world.service.aclose()  # saves the snapshot

    later = world.reopen()
    restored = later.last_known("recipes:all")
    assert restored is not None
    assert [(r["id"], r["name"], r["running"]) for r in restored] == [
        (r.id, r.name, r.running) for r in recipes
    ]
    assert later.snapshot_saved_at is not None
    assert world.emu.store.requests[-1].endpoint_id == "recipes.list"  # reopening sent nothing
    assert len(world.emu.store.requests) == 1


async def test_the_snapshot_never_holds_the_token(world: World) -> None:
    rows = dump_rows(await world.service.connections())
    rows[0]["description"] = f"pasted by mistake: {ADMIN_TOKEN}"
    rows[0]["api_token"] = ADMIN_TOKEN
    world.service.memory.remember("connections:all", rows)
    world.service.memory.save()
    raw = world.paths.snapshot_file("demo", ADMIN_IDENTITY).read_bytes()
    assert ADMIN_TOKEN.encode() not in raw
    assert world.paths.snapshot_file("demo", ADMIN_IDENTITY).stat().st_mode & 0o777 == 0o600
    restored = world.reopen().last_known("connections:all")
    assert restored is not None and len(restored) == len(rows)
    assert "api_token" not in restored[0]
    assert restored[0]["description"].startswith("pasted by mistake: ")


async def test_job_rows_are_dropped_from_the_snapshot(world: World) -> None:
    recipe_id = demo_ids(world.emu).recipe
    jobs = (await world.service.job_page(recipe_id)).items
    world.service.memory.remember(f"jobs:{recipe_id}", dump_rows(jobs))
    world.service.memory.remember("recipes:all", dump_rows([await world.service.recipe(recipe_id)]))
    world.service.memory.save()

    raw = world.paths.snapshot_file("demo", ADMIN_IDENTITY).read_text(encoding="utf-8")
    assert f"jobs:{recipe_id}" not in raw and jobs[0].id not in raw
    later = world.reopen()
    assert later.last_known(f"jobs:{recipe_id}") is None
    assert later.last_known("recipes:all") is not None


async def test_nothing_remembered_writes_no_snapshot(world: World) -> None:
    await world.service.projects()
    world.service.memory.save()
    assert not world.paths.snapshot_file("demo", ADMIN_IDENTITY).exists()
