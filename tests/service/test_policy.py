from __future__ import annotations

import pytest

from workato_tui.api.endpoints import ENDPOINTS, FAMILIES, WRITE_ENDPOINTS, Endpoint, endpoint
from workato_tui.api.errors import PolicyRefused
from workato_tui.service.config import load_config, resolve_profile
from workato_tui.service.policy import AccessPolicy

READ_ENDPOINTS = tuple(e for e in ENDPOINTS if not e.write)


def _ids(endpoints: tuple[Endpoint, ...]) -> list[str]:
    return [e.id for e in endpoints]


def test_default_policy_allows_everything() -> None:
    policy = AccessPolicy()
    for e in ENDPOINTS:
        policy.check(e)
        assert policy.allows(e) and policy.reason(e) is None


@pytest.mark.parametrize("write", WRITE_ENDPOINTS, ids=_ids(WRITE_ENDPOINTS))
def test_read_only_refuses_every_write(write: Endpoint) -> None:
    policy = AccessPolicy(read_only=True)
    with pytest.raises(PolicyRefused) as caught:
        policy.check(write)
    error = caught.value
    assert error.rule == "read_only = true"
    assert (error.endpoint, error.method, error.path) == (
        write.id,
        write.method,
        write.display_path,
    )
    assert "read-only" in error.message
    assert str(error).startswith(f"{write.method} {write.display_path} was not sent:")
    assert not policy.allows(write)
    assert policy.reason(write) == error.message


@pytest.mark.parametrize("write", WRITE_ENDPOINTS, ids=_ids(WRITE_ENDPOINTS))
def test_family_read_refuses_every_write_of_that_family(write: Endpoint) -> None:
    policy = AccessPolicy(access={write.family: "read"})
    with pytest.raises(PolicyRefused) as caught:
        policy.check(write)
    assert caught.value.rule == f"access.{write.family} = read"
    assert "may only read" in caught.value.message
    others = [e for e in WRITE_ENDPOINTS if e.family != write.family]
    assert all(policy.allows(e) for e in others)


@pytest.mark.parametrize("read", READ_ENDPOINTS, ids=_ids(READ_ENDPOINTS))
def test_read_only_allows_every_read(read: Endpoint) -> None:
    AccessPolicy(read_only=True).check(read)
    AccessPolicy(access={read.family: "read"}).check(read)


def test_family_none_refuses_reads_too() -> None:
    policy = AccessPolicy(access={"jobs": "none"})
    with pytest.raises(PolicyRefused) as caught:
        policy.check(endpoint("jobs.list"))
    assert caught.value.rule == "access.jobs = none"
    assert policy.reason(endpoint("jobs.repeat")) == "this profile gives no access to jobs"
    assert policy.allows(endpoint("recipes.list"))


def test_read_only_wins_over_family_write() -> None:
    policy = AccessPolicy(read_only=True, access={"recipes": "write"})
    assert policy.level("recipes") == "read"
    with pytest.raises(PolicyRefused, match="read-only"):
        policy.check(endpoint("recipes.start"))


def test_workspace_is_always_readable() -> None:
    me = endpoint("users.me")
    for policy in (
        AccessPolicy(read_only=True, access={"workspace": "none"}),
        AccessPolicy(access={family: "none" for family in FAMILIES}),
    ):
        policy.check(me)
        assert policy.level("workspace") == "read"


def test_unknown_family_is_rejected() -> None:
    with pytest.raises(ValueError, match="recipe"):
        AccessPolicy(access={"recipe": "read"})  # type: ignore[dict-item]


def test_policy_from_a_config_profile(write_config) -> None:
    text = '[profiles.p]\n[profiles.p.access]\nrecipes = "read"\nlookup_tables = "none"\n'
    policy = resolve_profile(load_config(write_config(text)), env={}).access_policy()
    assert not policy.allows(endpoint("recipes.stop"))
    assert policy.allows(endpoint("recipes.get"))
    assert not policy.allows(endpoint("lookup_rows.list"))
    assert policy.allows(endpoint("connections.delete"))
