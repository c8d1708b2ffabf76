"""No 5xx for any hostile input: every endpoint of the table, every query parameter its route
reads, every path id and every body field (issue 9 item 5, issue 15 part 6).

Deterministic and bounded: the same requests each run, in process, with quotas off.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import httpx
import pytest
from emu_helpers import DemoIds, bearer
from emu_hostile import (
    HOSTILE_IDS,
    MALFORMED_VALUES,
    body_variants,
    path_parameters,
    path_with,
    plans,
    query_parameters,
)

from workato_tui.emulator import ADMIN_TOKEN, FINANCE_TOKEN, Emulator
from workato_tui.emulator.validate import MAX_BODY_BYTES, MAX_JSON_DEPTH


class Tally:
    """Requests tried and the ones answered with a 5xx."""

    def __init__(self, http: httpx.AsyncClient, token: str = ADMIN_TOKEN) -> None:
        self.http = http
        self.auth = bearer(token)
        self.tried = 0
        self.statuses: Counter[int] = Counter()
        self.server_errors: list[str] = []

    async def send(self, method: str, path: str, **kw: Any) -> None:
        headers = {**self.auth, **kw.pop("headers", {})}
        response = await self.http.request(method, path, headers=headers, **kw)
        self.tried += 1
        self.statuses[response.status_code] += 1
        if response.status_code >= 500:
            self.server_errors.append(f"{method} {path[:80]} {kw!r:.120} -> {response.status_code}")


async def test_malformed_query_values_on_every_endpoint_never_5xx(
    emu: Emulator, http: httpx.AsyncClient, ids: DemoIds
) -> None:
    emu.quotas.enabled = False
    tally = Tally(http)
    for endpoint, (method, path, body) in plans(ids):
        values = MALFORMED_VALUES if method == "GET" else MALFORMED_VALUES[::4]
        for name in query_parameters(endpoint):
            for value in values:
                await tally.send(method, path, params={name: value}, json=body)
    print(f"malformed query values: {tally.tried} requests, {len(tally.server_errors)} 5xx")
    assert tally.tried > 3000
    assert tally.server_errors == []


@pytest.mark.parametrize("token", [ADMIN_TOKEN, FINANCE_TOKEN])  # unscoped, project-scoped
async def test_hostile_path_ids_on_every_endpoint_are_404_or_400(
    emu: Emulator, http: httpx.AsyncClient, ids: DemoIds, token: str
) -> None:
    emu.quotas.enabled = False
    tally = Tally(http, token)
    for endpoint, (method, path, body) in plans(ids):
        for name in path_parameters(endpoint):
            for raw in HOSTILE_IDS:
                await tally.send(method, path_with(endpoint, path, name, raw), json=body)
    print(f"hostile path ids: {tally.tried} requests, {len(tally.server_errors)} 5xx")
    assert tally.tried > 500
    assert tally.server_errors == []
    assert set(tally.statuses) <= {200, 204, 400, 404}


async def test_hostile_bodies_on_every_write_never_5xx(
    emu: Emulator, http: httpx.AsyncClient, ids: DemoIds
) -> None:
    emu.quotas.enabled = False
    tally = Tally(http)
    raw_bodies: list[tuple[bytes, str]] = [
        (b"[" * 50_000 + b"]" * 50_000, "application/json"),
        (b'{"a":' * 5_000 + b"1" + b"}" * 5_000, "application/json"),
        (b'{"name": NaN, "data": {"a": Infinity}}', "application/json"),
        (b"\xff\xfe not utf-8", "application/json"),
        (b"name=x&folder_id=1", "application/x-www-form-urlencoded"),
        (b"<xml/>", "text/xml"),
        (b'"just a string"', "application/json"),
        (b"null", "application/json"),
        (b"[1, 2, 3]", "application/json"),
        (b" " * 10 + b"{}", "application/json"),
        (b"{" + b'"k": 1, ' * 10 + b"}", "application/json"),
    ]
    for endpoint, (method, path, body) in plans(ids):
        if not endpoint.write:
            continue
        for content, media in raw_bodies:
            await tally.send(method, path, content=content, headers={"content-type": media})
        for variant in body_variants(body):
            await tally.send(method, path, json=variant)
    print(f"hostile bodies: {tally.tried} requests, {len(tally.server_errors)} 5xx")
    assert tally.tried > 300
    assert tally.server_errors == []


async def test_fuzz_summary_counts_every_kind_once(
    emu: Emulator, http: httpx.AsyncClient, ids: DemoIds
) -> None:
    """A smaller mixed pass, so one test names the whole count the issue asks for."""
    emu.quotas.enabled = False
    tally = Tally(http)
    planned = plans(ids)
    for endpoint, (method, path, body) in planned:
        for name in query_parameters(endpoint)[:3]:
            await tally.send(method, path, params={name: "\u00b2"}, json=body)
        for name in path_parameters(endpoint):
            await tally.send(method, path_with(endpoint, path, name, "\u00b2"), json=body)
        if endpoint.write:
            deep = json.dumps(json.loads("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)))
            await tally.send(
                method, path, content=deep, headers={"content-type": "application/json"}
            )
            big = b'{"name": "' + b"x" * MAX_BODY_BYTES + b'"}'
            await tally.send(
                method, path, content=big, headers={"content-type": "application/json"}
            )
    print(f"fuzz summary: {tally.tried} requests, {len(tally.server_errors)} 5xx")
    assert tally.server_errors == []
    assert tally.statuses[413] == sum(e.write for e, _ in planned)
