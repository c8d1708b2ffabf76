"""Build a `WorkspaceService` for a profile: client, policy, call log, cache and snapshot."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import replace
from datetime import datetime
from typing import Protocol

import httpx
from pydantic import SecretStr

from ..api import WorkatoClient
from ..api.limiter import RateLimiter
from ..api.retry import DEFAULT_WRITE_BUDGET, WriteRetry
from .cache import Cache
from .calllog import CallLog
from .demo_envs import demo_profile as demo_profile  # re-exported: its home was here
from .paths import Paths
from .profile import ResolvedProfile
from .snapshot import snapshot_store
from .workspace import WorkspaceService


class Clock(Protocol):
    """What paces the limiter and ages the cache (the emulator's FakeClock fits)."""

    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...

    def sleep(self, seconds: float) -> Awaitable[None]: ...


def open_workspace(
    profile: ResolvedProfile,
    token: SecretStr,
    paths: Paths | None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    clock: Clock | None = None,
    read_only: bool | None = None,
    timeout: float = 40.0,
    write_budget: float = DEFAULT_WRITE_BUDGET,
) -> WorkspaceService:
    """Everything wired: the policy checks and the call log see every call the client makes.

    `clock` (real time by default) drives both the rate limiter's waits and the cache's TTLs,
    so tests and benchmarks on a virtual clock never wait in real time. `write_budget`: how
    many seconds a write keeps waiting out 429s (Retry-After honoured) before giving up.
    """
    if read_only is not None and read_only != profile.read_only:
        profile = replace(profile, read_only=read_only or profile.read_only)
    policy = profile.access_policy()
    calls = CallLog(paths.call_log_file(profile.name) if paths else None, token=token)
    client = WorkatoClient(
        token,
        base_url=profile.base_url,
        transport=transport,
        limiter=RateLimiter(now=clock.monotonic, sleep=clock.sleep) if clock else None,
        wall_time=clock.now if clock else None,
        timeout=timeout,
        write_retry=WriteRetry(budget=write_budget),
        before_send=policy.check,
        on_call=calls.record,
    )
    snapshot = snapshot_store(paths, profile.name, profile.base_url, token) if paths else None
    cache = Cache(clock.monotonic) if clock else Cache()
    staged = paths.staged_edits_dir(profile.name) if paths else None
    return WorkspaceService(
        client,
        profile,
        calls=calls,
        policy=policy,
        cache=cache,
        snapshot=snapshot,
        staged_dir=staged,
        freezes_dir=paths.freezes_dir(profile.name) if paths else None,
        now=clock.now if clock else None,
    )
