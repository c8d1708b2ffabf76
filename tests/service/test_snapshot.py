from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, SecretStr

from workato_tui.service.paths import Paths
from workato_tui.service.snapshot import SnapshotStore

TOKEN = "wrk-live-token-0123456789"
SAVED = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def _store(paths: Paths, token: SecretStr | str | None = TOKEN) -> SnapshotStore:
    secret = SecretStr(token) if isinstance(token, str) else token
    return SnapshotStore(paths.snapshot_file("prod"), secret, now=lambda: SAVED)


RECIPES = [
    {
        "id": 1,
        "name": "Sync",
        "running": True,
        "job_succeeded_count": 4,
        "job_failed_count": 0,
        "updated_at": "2026-11-01T00:00:00Z",
    }
]
CONNECTIONS = [
    {"id": 7, "name": "SFDC", "provider": "salesforce", "authorization_status": "success"}
]


def test_round_trip(paths: Paths) -> None:
    store = _store(paths)
    saved = store.save({"recipes": RECIPES, "connections": CONNECTIONS, "users.me": {"id": 3}})
    loaded = store.load()
    assert loaded == saved
    assert loaded is not None
    assert loaded.saved_at == SAVED
    assert loaded.data == {"recipes": RECIPES, "connections": CONNECTIONS, "users.me": {"id": 3}}


def test_file_is_private_and_written_atomically(paths: Paths) -> None:
    store = _store(paths)
    store.save({"recipes": RECIPES})
    store.save({"recipes": []})  # replaces the previous one
    path = paths.snapshot_file("prod")
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["snapshot.json"]  # no temp files left
    assert json.loads(path.read_text())["data"] == {"recipes": []}


def test_token_never_reaches_the_file(paths: Paths) -> None:
    class Client(BaseModel):
        name: str
        note: str

    data = {
        "recipes": [{"id": 1, "name": TOKEN, "description": f"uses Bearer {TOKEN} inside"}],
        "api_clients": [Client(name="ci", note=TOKEN)],
        "nested": {"deep": [[{"x": TOKEN}]], TOKEN: "as a key"},
        "token": TOKEN,
        "api_token": "other-secret",
        "secret_field": SecretStr("hidden-value"),
        "created": {"token": {"value": TOKEN}, "client_secret": "s3cr3t"},
    }
    saved = _store(paths).save(data)
    raw = paths.snapshot_file("prod").read_bytes()
    assert TOKEN.encode() not in raw
    for other in (b"other-secret", b"hidden-value", b"s3cr3t"):
        assert other not in raw
    assert saved.data["recipes"][0] == {
        "id": 1,
        "name": "[redacted]",
        "description": "uses Bearer [redacted] inside",
    }
    assert saved.data["created"] == {}
    assert "token" not in saved.data and "api_token" not in saved.data


def test_short_token_is_scrubbed_where_a_value_equals_it(paths: Paths) -> None:
    _store(paths, "abc").save({"a": "abc", "b": ["abc"], "c": "abcdef"})
    loaded = _store(paths, None).load()
    assert loaded is not None
    assert loaded.data == {"a": "[redacted]", "b": ["[redacted]"], "c": "abcdef"}


def test_job_details_are_stripped(paths: Paths) -> None:
    data = {
        "jobs": {"1": [{"id": "j-1", "input": {"email": "a@b.c"}}]},
        "recipes": [
            {
                "id": 1,
                "recent_jobs": [{"id": "j-2"}],
                "job_succeeded_count": 4,
                "last_job": {"id": "j-3"},
            }
        ],
        "customers.jobs": [1],
    }
    saved = _store(paths).save(data)
    assert saved.data == {"recipes": [{"id": 1, "job_succeeded_count": 4}]}
    raw = paths.snapshot_file("prod").read_bytes()
    assert b"j-1" not in raw and b"a@b.c" not in raw and b"j-3" not in raw


def test_datetimes_are_stored_as_text(paths: Paths) -> None:
    saved = _store(paths).save({"seen": datetime(2026, 1, 2, tzinfo=UTC)})
    assert saved.data == {"seen": "2026-01-02T00:00:00+00:00"}


def test_missing_or_unreadable_snapshots_load_as_none(paths: Paths, tmp_path: Path) -> None:
    store = _store(paths)
    assert store.load() is None
    path = paths.snapshot_file("prod")
    path.parent.mkdir(parents=True)
    for text in [
        "{not json",
        "[]",
        json.dumps({"version": 99, "saved_at": "x", "data": {}}),
        json.dumps({"version": 1, "saved_at": "not a date", "data": {}}),
    ]:
        path.write_text(text)
        assert store.load() is None


def test_clear(paths: Paths) -> None:
    store = _store(paths)
    store.save({"a": 1})
    store.clear()
    store.clear()
    assert store.load() is None
