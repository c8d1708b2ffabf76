"""The call log: every API call of the session, as JSON lines on disk and as a live feed.

One line per call in `<state dir>/<profile>/calls.jsonl` (mode 0600, rotated at `max_bytes`
into calls.jsonl.1 ... .N). Entries pass a redaction pass first: keys named like a token,
authorization, password, secret, input or credentials are dropped at any depth, bearer values
and the live token are masked. The UI subscribes for new entries and reads `recent()` for the
session so far.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from workato_tui.service.masking import MASK, mask_secret, secret_text
from workato_tui.service.paths import ensure_private_dir

log = logging.getLogger(__name__)

Entry = dict[str, Any]
Subscriber = Callable[[Entry], None]

SENSITIVE_KEY = re.compile(
    r"token|authori[sz]ation|passw(or)?d|secret|input|credential|api[_-]?key|cookie", re.IGNORECASE
)
_BEARER = re.compile(r"(?i)\b(bearer\s+|token[=:]\s*)[^\s\"',;&]+")

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_BACKUPS = 3
DEFAULT_KEEP = 10_000

# The fields every entry has, in this order; a CallRecord's names are mapped onto them.
_RENAMES = {"started_at": "time", "endpoint_id": "endpoint"}
_FIELDS = (
    "time",
    "method",
    "path",
    "query",
    "status",
    "duration_ms",
    "correlation_id",
    "outcome",
    "endpoint",
    "error",
)


def redact(value: Any, token: str | None = None) -> Any:
    """A copy of `value` without secret-looking keys, with bearer values and the token masked."""
    if isinstance(value, Mapping):
        return {
            mask_secret(str(k), token): redact(v, token)
            for k, v in value.items()
            if not SENSITIVE_KEY.search(str(k))
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        return [redact(v, token) for v in value]
    if isinstance(value, str):
        return _BEARER.sub(lambda m: m.group(1) + MASK, mask_secret(value, token))
    return value


def to_entry(record: Mapping[str, Any] | Any) -> Entry:
    """A JSON-ready entry from a dict or a dataclass such as the client's CallRecord."""
    raw = _as_dict(record)
    raw = {_RENAMES.get(k, k): v for k, v in raw.items()}
    entry: Entry = {name: raw.pop(name, None) for name in _FIELDS}
    entry["time"] = _iso(entry["time"])
    entry["query"] = dict(entry["query"] or {})
    entry["error"] = _error_kind(entry["error"])
    if isinstance(entry["duration_ms"], float):
        entry["duration_ms"] = round(entry["duration_ms"], 1)
    entry.update(raw)
    return entry


def _as_dict(record: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        # Shallow, unlike dataclasses.asdict: an error object must not be deep-copied.
        return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    if isinstance(record, Mapping):
        return dict(record)
    raise TypeError(f"a call record must be a dict or a dataclass, not {type(record).__name__}")


def _iso(moment: Any) -> str:
    if isinstance(moment, datetime):
        return moment.isoformat()
    if isinstance(moment, str) and moment:
        return moment
    return datetime.now(UTC).isoformat()


def _moment(entry: Entry) -> datetime:
    """When a call started, comparable across entries (a bad stamp sorts first)."""
    try:
        moment = datetime.fromisoformat(str(entry.get("time")))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _error_kind(error: Any) -> str | None:
    if error is None or isinstance(error, str):
        return error
    return str(getattr(error, "kind", None) or type(error).__name__)


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, BaseException):
        return _error_kind(value)
    return str(value)


class CallLog:
    """Records calls to a rotating JSON-lines file (or memory only when `path` is None)."""

    def __init__(
        self,
        path: Path | None,
        *,
        token: SecretStr | str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        backups: int = DEFAULT_BACKUPS,
        keep: int = DEFAULT_KEEP,
    ) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups
        self._token = secret_text(token)
        self._recent: deque[Entry] = deque(maxlen=keep)
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()
        self._write_failed = False

    def set_token(self, token: SecretStr | str | None) -> None:
        """The token to mask from now on (after switching profile or regenerating it)."""
        self._token = secret_text(token)

    def record(self, record: Mapping[str, Any] | Any) -> Entry:
        """Redact, append to the file and the session buffer, and tell subscribers."""
        entry = redact(to_entry(record), self._token)
        line = json.dumps(entry, default=_json_default, ensure_ascii=False)
        written: Entry = json.loads(line)  # what subscribers see is exactly what was written
        with self._lock:
            self._keep_in_time_order(written)
            if self.path is not None:
                self._append(line + "\n")
        self._notify(written)
        return written

    def _keep_in_time_order(self, entry: Entry) -> None:
        """Calls are recorded as they finish, so one that started earlier but took longer
        arrives later: it goes in before the calls that started after it."""
        recent = self._recent
        at = len(recent)
        moment = _moment(entry)
        while at and _moment(recent[at - 1]) > moment:
            at -= 1
        if at == len(recent):
            recent.append(entry)
            return
        if recent.maxlen is not None and len(recent) == recent.maxlen:
            if at == 0:
                return  # older than everything kept: it would drop out at once
            recent.popleft()
            at -= 1
        recent.insert(at, entry)

    def recent(self) -> list[Entry]:
        """This session's calls, oldest first (by when each started)."""
        with self._lock:
            return list(self._recent)

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback(entry)` for every new call; returns the function that unsubscribes."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def _notify(self, entry: Entry) -> None:
        for callback in list(self._subscribers):
            try:
                callback(entry)
            except Exception:
                log.exception("call log subscriber %r failed", callback)

    def _append(self, line: str) -> None:
        assert self.path is not None
        data = line.encode("utf-8")
        try:
            ensure_private_dir(self.path.parent)
            if self._needs_rotation(len(data)):
                self._rotate()
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "ab") as file:
                file.write(data)
        except OSError as exc:
            if not self._write_failed:
                log.warning("cannot write the call log %s: %s", self.path, exc.strerror)
            self._write_failed = True

    def _needs_rotation(self, incoming: int) -> bool:
        assert self.path is not None
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return False
        return size > 0 and size + incoming > self.max_bytes

    def _rotate(self) -> None:
        assert self.path is not None
        if self.backups <= 0:
            self.path.unlink(missing_ok=True)
            return
        for number in range(self.backups - 1, 0, -1):
            older = self._backup(number)
            if older.exists():
                os.replace(older, self._backup(number + 1))
        os.replace(self.path, self._backup(1))

    def _backup(self, number: int) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{self.path.name}.{number}")
