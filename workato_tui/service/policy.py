"""The local access policy: which calls a profile may send at all, whatever the token allows.

`read_only = true` refuses every write; `access.<family>` narrows one resource family to
`read` (no writes) or `none` (nothing). Families not named default to `write`, or to `read`
under read_only. The "workspace" family (users.me, used to check the token) is always readable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workato_tui.api.endpoints import Endpoint
from workato_tui.api.errors import PolicyRefused
from workato_tui.service.families import Family

if TYPE_CHECKING:  # a Literal: the config models (pydantic) are not needed to check a call
    from workato_tui.service.config_model import AccessLevel

ALWAYS_READABLE = frozenset({Family.WORKSPACE})
# The families a profile's [access] block may name (rows follow their tables).
POLICY_FAMILIES = frozenset(f.policy_family for f in Family)


@dataclass(frozen=True)
class AccessPolicy:
    read_only: bool = False
    access: Mapping[str, AccessLevel] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.access) - POLICY_FAMILIES
        if unknown:
            raise ValueError(f"unknown resource families: {', '.join(sorted(unknown))}")

    def level(self, family: str) -> AccessLevel:
        """The effective level for a family (a `Family`, or its name)."""
        explicit = self.access.get(family)
        default: AccessLevel = "read" if self.read_only else "write"
        level = explicit or default
        if self.read_only and level == "write":
            level = "read"
        if family in ALWAYS_READABLE and level == "none":
            level = "read"
        return level

    def reason(self, endpoint: Endpoint) -> str | None:
        """Why the endpoint is blocked (for a disabled action's tooltip), or None if allowed."""
        refusal = self._refusal(endpoint)
        return refusal[0] if refusal else None

    def allows(self, endpoint: Endpoint) -> bool:
        return self._refusal(endpoint) is None

    def check(self, endpoint: Endpoint) -> None:
        """Raise PolicyRefused if the endpoint may not be called under this profile."""
        refusal = self._refusal(endpoint)
        if refusal:
            message, rule = refusal
            raise PolicyRefused(
                message,
                rule=rule,
                endpoint=endpoint.id,
                method=endpoint.method,
                path=endpoint.display_path,
            )

    def _refusal(self, endpoint: Endpoint) -> tuple[str, str] | None:
        """(message, rule) when the endpoint is blocked."""
        family = Family(endpoint.family)
        if endpoint.write and self.read_only:
            return (
                f"{endpoint.summary.rstrip('.')} is a write and this profile is read-only",
                "read_only = true",
            )
        level = self.level(family)
        if level == "none":
            return (
                f"this profile gives no access to {_family_name(family)}",
                f"access.{family} = none",
            )
        if endpoint.write and level == "read":
            message = (
                f"{endpoint.summary.rstrip('.')} is a write and this profile may only "
                f"read {_family_name(family)}"
            )
            return message, f"access.{family} = read"
        return None


def _family_name(family: str) -> str:
    return family.replace("_", " ")
