"""The least privilege a session needed, derived from its call log.

From call-log entries (this session's, or saved `calls.jsonl` files): each privilege used (the
endpoint table's capability names, "Recipes: stop"), read or write, how often and when last;
the projects and folders named in the calls; and the privileges refused (403s). It exports a
`[profiles.NAME.access]` block for this app's own policy (a family at `write` where a write was
used, `read` where only reads, `none` where nothing) and a checklist of the exact endpoints for
Workato's client-role page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..api.endpoints import ENDPOINTS, FAMILIES, Endpoint, match

BY_ID = {e.id: e for e in ENDPOINTS}
ALWAYS_READABLE = "workspace"  # users.me: the policy always lets it through
REFUSED_STATUSES = {401, 403}
NOT_SENT = {"blocked"}  # refused by this app's own policy: never reached Workato


@dataclass
class PrivilegeUse:
    endpoint: Endpoint
    count: int = 0
    last_used: str = ""

    @property
    def access(self) -> str:
        return "write" if self.endpoint.write else "read"

    def line(self) -> str:
        return f"{self.endpoint.privilege:<34} {self.access:<5} {self.count:>5}x  last {self.last_used}"


@dataclass
class AccessReport:
    used: dict[str, PrivilegeUse] = field(default_factory=dict)
    refused: dict[str, PrivilegeUse] = field(default_factory=dict)
    projects: set[str] = field(default_factory=set)  # "project 123", "folder 456"
    entries: int = 0

    def levels(self) -> dict[str, str]:
        """Each family's least level: write, read or none."""
        levels = dict.fromkeys(FAMILIES, "none")
        for use in self.used.values():
            family = use.endpoint.family
            if use.endpoint.write:
                levels[family] = "write"
            elif levels[family] == "none":
                levels[family] = "read"
        return levels

    def policy_block(self, profile: str) -> str:
        lines = [f"[profiles.{profile}.access]"]
        for family, level in self.levels().items():
            if family == ALWAYS_READABLE:
                continue  # always readable; the policy refuses any other level for it
            lines.append(f'{family} = "{level}"')
        return "\n".join(lines) + "\n"

    def checklist(self) -> list[str]:
        """The exact endpoints to tick on Workato's client-role page."""
        uses = sorted(self.used.values(), key=lambda u: (u.endpoint.family, u.endpoint.path))
        return [
            f"[ ] {u.endpoint.method:<6} {u.endpoint.display_path}  ({u.endpoint.privilege})"
            for u in uses
        ]

    def text(self, profile: str) -> str:
        out = [f"Least-privilege report from {self.entries} logged call(s)", ""]
        out.append("Privileges used:")
        out += [f"  {u.line()}" for u in _ordered(self.used)] or ["  (none)"]
        out += ["", "Projects and folders touched:"]
        out += [f"  {p}" for p in sorted(self.projects)] or ["  (none named in the calls)"]
        out += ["", "Privileges refused (403):"]
        out += [f"  {u.line()}" for u in _ordered(self.refused)] or ["  (none)"]
        out += ["", "Policy for this app (config.toml):", self.policy_block(profile).rstrip()]
        out += ["", "Endpoints for the Workato client role:", *self.checklist()]
        return "\n".join(out) + "\n"


def _ordered(uses: Mapping[str, PrivilegeUse]) -> list[PrivilegeUse]:
    return sorted(uses.values(), key=lambda u: (u.endpoint.family, u.endpoint.privilege))


def build_report(entries: Iterable[Mapping[str, Any]]) -> AccessReport:
    report = AccessReport()
    for entry in entries:
        endpoint = BY_ID.get(str(entry.get("endpoint") or ""))
        if endpoint is None or entry.get("outcome") in NOT_SENT:
            continue
        report.entries += 1
        status = entry.get("status")
        bucket = report.refused if status in REFUSED_STATUSES else report.used
        use = bucket.setdefault(endpoint.id, PrivilegeUse(endpoint))
        use.count += 1
        use.last_used = max(use.last_used, str(entry.get("time") or ""))
        report.projects |= _places(entry)
    return report


def _places(entry: Mapping[str, Any]) -> set[str]:
    found = set()
    matched = match(str(entry.get("method") or ""), str(entry.get("path") or ""))
    params = dict(matched[1]) if matched else {}
    query = entry.get("query") if isinstance(entry.get("query"), Mapping) else {}
    for key in ("project_id", "folder_id"):
        value = params.get(key) or (query or {}).get(key)
        if value not in (None, ""):
            found.add(f"{key.removesuffix('_id')} {value}")
    return found


def read_entries(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Call-log lines from files (rotated ones too); unreadable lines are skipped."""
    entries = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        for line in text.splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict):
                entries.append(entry)
    entries.sort(key=lambda e: str(e.get("time") or ""))
    return entries


def saved_logs(state_dir: Path, profile: str | None = None) -> list[Path]:
    """Every saved call log in the state dir (one profile's, or all profiles')."""
    pattern = f"{profile}/calls.jsonl*" if profile else "*/calls.jsonl*"
    return sorted(state_dir.glob(pattern))
