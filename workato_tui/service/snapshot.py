"""The last data seen for a profile, on disk, so the app can show something before (or without)
the network.

A snapshot never holds the token or job details: `save` drops keys naming jobs (job runs carry
the data recipes processed) and keys that name secrets, and scrubs the token from every string
before the file is written (atomically, mode 0600).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workato_tui.service.masking import (
    MASK,
    contains_secret,
    fingerprint,
    mask_secret,
    secret_text,
)
from workato_tui.service.paths import Paths, ensure_private_dir

if TYPE_CHECKING:
    from pydantic import SecretStr

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
# Narrower than the call log's list: connection objects carry "authorization_status".
_SECRET_KEY = re.compile(
    r"^(.*[_-])?(token|password|secret|api[_-]?key|authorization|credentials?)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Snapshot:
    saved_at: datetime
    data: dict[str, Any]


class SnapshotStore:
    def __init__(
        self,
        path: Path,
        token: SecretStr | str | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.path = path
        self._token = secret_text(token)
        self._now = now

    def masked(self, text: str) -> str:
        """`text` with this profile's token masked out (for a message about its start)."""
        return mask_secret(text, self._token)

    def save(self, data: Mapping[str, Any]) -> Snapshot:
        """Write a scrubbed copy of `data`; returns exactly what was stored."""
        clean = scrub(_plain(data), self._token)
        snapshot = Snapshot(self._now(), clean)
        text = json.dumps(
            {"version": FORMAT_VERSION, "saved_at": snapshot.saved_at.isoformat(), "data": clean},
            ensure_ascii=False,
            sort_keys=True,
        )
        if contains_secret(text, self._token):  # belt and braces: never write it
            raise ValueError("refusing to write a snapshot that contains the API token")
        self._write_atomically(text.encode("utf-8"))
        return snapshot

    def load(self) -> Snapshot | None:
        """The stored snapshot, or None if there is none or it cannot be read."""
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("version") != FORMAT_VERSION:
                return None
            return Snapshot(datetime.fromisoformat(stored["saved_at"]), dict(stored["data"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            log.warning("ignoring unreadable snapshot %s (%s)", self.path, type(exc).__name__)
            return None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def _write_atomically(self, data: bytes) -> None:
        ensure_private_dir(self.path.parent)
        fd, temp = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def scrub(value: Any, token: str | None) -> Any:
    """A copy without job or secret keys, with the token masked in every string."""
    if isinstance(value, Mapping):
        return {
            mask_secret(str(k), token): scrub(v, token)
            for k, v in value.items()
            if _keep(str(k), v)
        }
    if isinstance(value, list):
        return [scrub(v, token) for v in value]
    if isinstance(value, str):
        return mask_secret(value, token)
    return value


def _keep(key: str, value: Any) -> bool:
    if _SECRET_KEY.match(key):
        return False
    # A recipe's job_succeeded_count is a number, not a job's details: keep counts.
    if "job" in key.lower():
        return isinstance(value, int) and not isinstance(value, bool)
    return True


def _plain(data: Mapping[str, Any]) -> dict[str, Any]:
    """JSON-shaped data (dicts, lists, strings, numbers) from models, dates and the like."""
    result = json.loads(json.dumps(data, default=_json_default))
    if not isinstance(result, dict):
        raise TypeError("snapshot data must be a mapping")
    return result


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    pydantic = sys.modules.get("pydantic")  # not imported: there is no model (primer.py)
    if pydantic is not None and isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json")
    if pydantic is not None and isinstance(value, pydantic.SecretStr):
        return MASK
    raise TypeError(f"cannot store {type(value).__name__} in a snapshot")


def snapshot_store(
    paths: Paths, profile_name: str, base_url: str, token: SecretStr | str
) -> SnapshotStore:
    """A profile's snapshot, keyed by who the token is (another token never sees it)."""
    return SnapshotStore(paths.snapshot_file(profile_name, fingerprint(token, base_url)), token)
