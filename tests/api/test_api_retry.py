"""Retry policies: what is retried, after how long."""

from __future__ import annotations

from workato_tui.api import (
    Backoff,
    BadRequest,
    MalformedResponse,
    RateLimited,
    ReadRetry,
    Refused,
    ServerError,
    Timeout,
    TransportError,
    WriteRetry,
)


def test_backoff_grows_and_is_capped() -> None:
    backoff = Backoff(base=0.5, factor=2, cap=3)
    assert [backoff.delay(n) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_reads_retry_transient_failures_only() -> None:
    policy = ReadRetry(attempts=4, backoff=Backoff(base=1, factor=2, cap=10))
    assert policy.delay(ServerError("boom"), 1) == 1
    assert policy.delay(Timeout("slow"), 2) == 2
    assert policy.delay(TransportError("gone"), 3) == 4
    assert policy.delay(ServerError("boom"), 4) is None  # attempts used up
    assert policy.delay(BadRequest("no"), 1) is None
    assert policy.delay(Refused("no"), 1) is None
    assert policy.delay(MalformedResponse("junk"), 1) is None


def test_rate_limited_honours_retry_after_or_backs_off() -> None:
    policy = ReadRetry(backoff=Backoff(base=2, factor=2, cap=10), max_retry_after=60)
    assert policy.delay(RateLimited("slow down", retry_after=7), 1) == 7
    assert policy.delay(RateLimited("slow down"), 2) == 4
    assert policy.delay(RateLimited("slow down", retry_after=3600), 1) is None


def test_writes_retry_only_on_429() -> None:
    policy = WriteRetry(budget=60)
    assert policy.delay(RateLimited("slow down", retry_after=2), 1) == 2
    assert policy.delay(Timeout("slow", write=True), 1) is None
    assert policy.delay(TransportError("gone"), 1) is None
    assert policy.delay(ServerError("boom"), 1) is None


def test_writes_keep_retrying_429s_until_the_time_budget_is_spent() -> None:
    policy = WriteRetry(budget=60)
    storm = RateLimited("slow down", retry_after=2)
    assert policy.delay(storm, 3) == 2  # the third attempt is no longer the last
    assert policy.delay(storm, 50, waited=58) == 2
    assert policy.delay(storm, 51, waited=59) is None  # 59 + 2 > 60
    assert policy.delay(RateLimited("slow down", retry_after=3600), 1) is None
    assert WriteRetry().budget == 300
