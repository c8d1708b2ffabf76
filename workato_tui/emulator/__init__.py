"""A faithful emulator of the Workato Developer API over a seeded workspace.

emu = Emulator.demo(clock=FakeClock())
async with httpx.AsyncClient(transport=emu.transport(), base_url="http://127.0.0.1") as c:
    await c.get("/api/recipes", headers={"Authorization": "Bearer demo-admin-token"})
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..api.lazy import lazy_exports
from .tokens import ADMIN_TOKEN, DEMO_TOKENS, DEV_TOKEN, FINANCE_TOKEN, READONLY_TOKEN, TEST_TOKEN

if TYPE_CHECKING:
    from .clock import Clock, FakeClock, SystemClock
    from .core import Emulator
    from .seed import DEMO_RESUME_TOKEN
    from .store import SeenRequest, Store

__all__ = [
    "ADMIN_TOKEN",
    "DEMO_RESUME_TOKEN",
    "DEMO_TOKENS",
    "DEV_TOKEN",
    "FINANCE_TOKEN",
    "READONLY_TOKEN",
    "TEST_TOKEN",
    "Clock",
    "Emulator",
    "FakeClock",
    "SeenRequest",
    "Store",
    "SystemClock",
]

# The rest is imported when first asked for (PEP 562): the tokens above cost nothing, while
# the emulator itself (Starlette, httpx, the seeds) is for when `--demo` sends its first request.
_HOME = {
    "Clock": "clock",
    "FakeClock": "clock",
    "SystemClock": "clock",
    "Emulator": "core",
    "DEMO_RESUME_TOKEN": "seed",
    "SeenRequest": "store",
    "Store": "store",
}


__getattr__ = lazy_exports(__name__, _HOME)
