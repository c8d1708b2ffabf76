"""Every endpoint answers a valid request with 2xx, in the envelope decisions.md gives it."""

from __future__ import annotations

import pytest
from emu_cases import CASES, no_content
from emu_helpers import Api, DemoIds

from workato_tui.api.endpoints import BY_ID
from workato_tui.emulator import Emulator


def test_every_endpoint_has_a_success_case() -> None:
    assert set(CASES) == set(BY_ID)


@pytest.mark.parametrize("endpoint_id", sorted(CASES))
async def test_endpoint_answers_a_valid_request(
    endpoint_id: str, emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    build, check = CASES[endpoint_id]
    method, path, body = build(ids)
    response = await admin.request(method, path, json=body)
    assert 200 <= response.status_code < 300, response.text
    assert response.headers["x-correlation-id"]
    seen = emu.requests[-1]
    assert (seen.endpoint_id, seen.status) == (endpoint_id, response.status_code)
    if check is None:
        no_content(response)
    else:
        assert response.headers["content-type"].startswith("application/json")
        check(response.json())
