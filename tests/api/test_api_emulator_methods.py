"""Every client method against the demo emulator (success paths)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from api_emulator_flows import FLOWS, Flow

from workato_tui.api import ENDPOINTS, CallRecord, WorkatoClient

EmuClient = Callable[..., WorkatoClient]


@pytest.mark.parametrize("flow", FLOWS.values(), ids=list(FLOWS))
async def test_family(flow: Flow, emu: Any, emu_client: EmuClient) -> None:
    async with emu_client() as client:
        await flow(client, emu)


async def test_every_endpoint_answers_2xx_with_zero_429s(
    emu: Any, emu_client: EmuClient, records: list[CallRecord]
) -> None:
    async with emu_client() as client:
        for flow in FLOWS.values():
            await flow(client, emu)
    answered = {r.endpoint_id for r in emu.store.requests if 200 <= r.status < 300}
    assert answered == {e.id for e in ENDPOINTS}
    assert not [r for r in emu.store.requests if r.status == 429]
    assert {r.endpoint_id for r in records if r.ok} == answered
    assert all(r.attempt == 1 for r in records)  # nothing needed a retry
