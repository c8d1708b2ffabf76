from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from workato_tui.api.errors import PolicyRefused, RateLimited
from workato_tui.service.calllog import CallLog, redact
from workato_tui.service.paths import Paths

TOKEN = "wrk-live-token-0123456789"
STARTED = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@dataclass
class CallRecord:  # the shape of the client's record
    started_at: datetime
    method: str
    path: str
    query: dict[str, Any] = field(default_factory=dict)
    endpoint_id: str | None = None
    status: int | None = None
    duration_ms: float = 0.0
    correlation_id: str | None = None
    outcome: str = "ok"
    attempt: int = 1
    error: Any = None


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _call(n: int = 0, **extra: Any) -> dict[str, Any]:
    return {
        "time": f"2026-11-22T09:00:{n:02d}+00:00",
        "method": "GET",
        "path": "/api/recipes",
        "query": {"page": n},
        "status": 200,
        "duration_ms": 12.345,
        "correlation_id": f"c-{n}",
        "outcome": "ok",
        "endpoint": "recipes.list",
        **extra,
    }


def test_dict_record_is_written_as_one_json_line(paths: Paths) -> None:
    log = CallLog(paths.call_log_file("prod"))
    log.record(_call(1))
    assert _lines(paths.call_log_file("prod")) == [
        {
            "time": "2026-11-22T09:00:01+00:00",
            "method": "GET",
            "path": "/api/recipes",
            "query": {"page": 1},
            "status": 200,
            "duration_ms": 12.3,
            "correlation_id": "c-1",
            "outcome": "ok",
            "endpoint": "recipes.list",
            "error": None,
        }
    ]
    assert paths.call_log_file("prod").stat().st_mode & 0o777 == 0o600
    assert paths.call_log_file("prod").parent.stat().st_mode & 0o777 == 0o700


def test_dataclass_record_with_an_error_object(paths: Paths) -> None:
    log = CallLog(paths.call_log_file("p"))
    error = PolicyRefused("blocked", rule="read_only = true")  # cannot be deep-copied
    record = CallRecord(
        STARTED,
        "PUT",
        "/api/recipes/5/start",
        {},
        "recipes.start",
        None,
        0.0,
        None,
        "refused",
        1,
        error,
    )
    entry = log.record(record)
    assert entry["time"] == "2026-11-22T09:00:00+00:00"
    assert entry["endpoint"] == "recipes.start"
    assert entry["error"] == "policy"
    assert entry["attempt"] == 1
    assert _lines(paths.call_log_file("p")) == [entry]


def test_error_kind_from_client_errors_and_strings(paths: Paths) -> None:
    log = CallLog(None)
    assert log.record(_call(error=RateLimited("slow", retry_after=2)))["error"] == "rate_limited"
    assert log.record(_call(error="timeout"))["error"] == "timeout"
    assert log.record(_call(error=KeyError("x")))["error"] == "KeyError"


def test_redaction_drops_secret_keys_at_any_depth() -> None:
    record = {
        "query": {"page": 1, "api_token": "a", "Authorization": "b"},
        "body": {
            "name": "n",
            "input": {"x": 1},
            "rows": [{"Password": "p", "id": 2}],
            "credentials": {"k": "v"},
            "client_secret": "s",
            "note": "ok",
        },
    }
    assert redact(record) == {
        "query": {"page": 1},
        "body": {"name": "n", "rows": [{"id": 2}], "note": "ok"},
    }


def test_redaction_masks_bearer_and_the_live_token(paths: Paths) -> None:
    log = CallLog(paths.call_log_file("p"), token=SecretStr(TOKEN))
    entry = log.record(
        _call(
            path=f"/api/things/{TOKEN}",
            note=f"sent Authorization: Bearer {TOKEN} and Bearer other-value",
            headers={"Authorization": f"Bearer {TOKEN}"},
            query={"q": TOKEN, "url": "https://x/?token=abcdef"},
        )
    )
    raw = paths.call_log_file("p").read_bytes()
    assert TOKEN.encode() not in raw
    assert b"other-value" not in raw
    assert entry["path"] == "/api/things/[redacted]"
    assert entry["query"] == {"q": "[redacted]", "url": "https://x/?token=[redacted]"}
    assert "headers" in entry and entry["headers"] == {}
    assert entry["note"] == "sent Authorization: Bearer [redacted] and Bearer [redacted]"


def test_set_token_masks_a_new_token(paths: Paths) -> None:
    log = CallLog(paths.call_log_file("p"))
    log.set_token("regenerated-token-value")
    log.record(_call(path="/x/regenerated-token-value"))
    assert b"regenerated-token-value" not in paths.call_log_file("p").read_bytes()


def test_rotation_keeps_three_backups(paths: Paths) -> None:
    path = paths.call_log_file("p")
    line_size = len(json.dumps(CallLog(None).record(_call(10)))) + 1
    log = CallLog(path, max_bytes=line_size * 2, backups=3)
    for n in range(10, 20):  # ten lines, two per file
        log.record(_call(n))
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["calls.jsonl", "calls.jsonl.1", "calls.jsonl.2", "calls.jsonl.3"]
    assert [e["query"]["page"] for e in _lines(path)] == [18, 19]
    assert [e["query"]["page"] for e in _lines(path.with_name("calls.jsonl.1"))] == [16, 17]
    assert [e["query"]["page"] for e in _lines(path.with_name("calls.jsonl.3"))] == [12, 13]
    assert all(p.stat().st_size <= line_size * 2 for p in path.parent.iterdir())


def test_rotation_without_backups(paths: Paths) -> None:
    path = paths.call_log_file("p")
    log = CallLog(path, max_bytes=10, backups=0)
    log.record(_call(1))
    log.record(_call(2))
    assert [p.name for p in path.parent.iterdir()] == ["calls.jsonl"]
    assert [e["query"]["page"] for e in _lines(path)] == [2]


def test_subscribers_get_each_entry_until_they_unsubscribe() -> None:
    log = CallLog(None)
    seen: list[int] = []
    unsubscribe = log.subscribe(lambda entry: seen.append(entry["query"]["page"]))
    log.record(_call(1))
    unsubscribe()
    unsubscribe()  # twice is harmless
    log.record(_call(2))
    assert seen == [1]


def test_a_failing_subscriber_does_not_break_recording(caplog) -> None:
    log = CallLog(None)
    seen: list[dict[str, Any]] = []

    def broken(entry: dict[str, Any]) -> None:
        raise RuntimeError("ui gone")

    log.subscribe(broken)
    log.subscribe(seen.append)
    with caplog.at_level(logging.ERROR):
        log.record(_call(1))
    assert len(seen) == 1 and "subscriber" in caplog.text


def test_recent_is_a_bounded_session_buffer() -> None:
    log = CallLog(None, keep=3)
    for n in range(5):
        log.record(_call(n))
    assert [e["query"]["page"] for e in log.recent()] == [2, 3, 4]


def test_recent_is_in_time_order_when_a_slow_call_finishes_last() -> None:
    log = CallLog(None)
    for n in (1, 3, 2, 5, 0, 4):  # recorded as each finishes, stamped when each started
        log.record(_call(n))
    assert [e["query"]["page"] for e in log.recent()] == [0, 1, 2, 3, 4, 5]


def test_a_full_buffer_keeps_the_latest_calls_in_time_order() -> None:
    log = CallLog(None, keep=3)
    for n in (5, 7, 8, 6, 1):  # 6 goes between 5 and 7 (5 drops out); 1 is older than all kept
        log.record(_call(n))
    assert [e["query"]["page"] for e in log.recent()] == [6, 7, 8]


def test_unwritable_log_warns_once_and_keeps_the_session(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    log = CallLog(blocker / "sub" / "calls.jsonl")
    with caplog.at_level(logging.WARNING):
        log.record(_call(1))
        log.record(_call(2))
    assert caplog.text.count("cannot write the call log") == 1
    assert len(log.recent()) == 2


def test_time_defaults_to_now_when_missing() -> None:
    entry = CallLog(None).record({"method": "GET", "path": "/api/users/me"})
    assert datetime.fromisoformat(entry["time"]).tzinfo is not None
    assert entry["query"] == {}
