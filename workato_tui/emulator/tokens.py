"""The demo workspace's API tokens: plain constants, importable without the emulator itself
(`--demo` needs its token to find the last-known snapshot before the emulator is built)."""

from __future__ import annotations

ADMIN_TOKEN = "demo-admin-token"
READONLY_TOKEN = "demo-readonly-token"
FINANCE_TOKEN = "demo-finance-token"
DEMO_TOKENS = {"admin": ADMIN_TOKEN, "readonly": READONLY_TOKEN, "finance": FINANCE_TOKEN}
DEV_TOKEN = "demo-dev-token"
TEST_TOKEN = "demo-test-token"
ENVIRONMENT_TOKENS = {"dev": DEV_TOKEN, "test": TEST_TOKEN}
