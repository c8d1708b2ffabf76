"""Typed records for lookup tables, roles, API clients, on-prem groups and the activity log."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, SecretStr

from .model_base import ApiModel, LooseId, Timestamp

# Lookup tables ---------------------------------------------------------------------------


def schema_columns(raw: Any) -> list[dict[str, Any]]:
    """A lookup table's schema (a JSON-encoded string, or already a list) as column dicts."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    if not isinstance(raw, list):
        return []
    return [c if isinstance(c, dict) else {"label": str(c)} for c in raw]


def schema_labels(raw: Any) -> list[str]:
    """The column labels of a lookup table's schema, in order (blank ones dropped)."""
    labels = (str(c.get("label") or c.get("name") or "") for c in schema_columns(raw))
    return [label for label in labels if label]


class LookupTable(ApiModel):
    id: int
    name: str = ""
    schema_: Any = Field(default=None, alias="schema")  # a JSON-encoded string of columns
    project_id: LooseId = None
    created_at: Timestamp = None
    updated_at: Timestamp = None

    @property
    def column_specs(self) -> list[dict[str, Any]]:
        """The parsed schema: `[{"label": ..., "name": "col1", ...}, ...]`."""
        return schema_columns(self.schema_)

    @property
    def columns(self) -> list[str]:
        """The column labels, in order."""
        return [str(c.get("label") or c.get("name") or "") for c in self.column_specs]


class LookupRow(ApiModel):
    id: int
    data: dict[str, Any] = Field(default_factory=dict)


# Roles, API clients ----------------------------------------------------------------------


class ProjectRole(ApiModel):
    id: int
    name: str = ""
    type: str | None = None  # system, custom, inheritable, inherited
    members_count: int | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None


class Role(ApiModel):
    """A legacy collaborator role."""

    id: int
    name: str = ""
    inheritable: bool | None = None
    folder_ids: list[int] = Field(default_factory=list)
    privileges: dict[str, list[str]] = Field(default_factory=dict)
    created_at: Timestamp = None
    updated_at: Timestamp = None


def _token_object(value: Any) -> Any:
    return {"value": value} if isinstance(value, str) else value


class ApiClientToken(BaseModel):
    """The token part of an API client. `value` is only present right after create/regenerate,
    and is a SecretStr so it never prints. Unknown keys are dropped here, not kept: a secret
    under another name must not leak through a repr."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    value: SecretStr | None = None
    updated_at: Timestamp = None


class ApiClientRole(ApiModel):
    """A client role (API privilege group): what an API client's token may call."""

    id: int
    name: str = ""


class DeveloperApiClient(ApiModel):
    id: int
    name: str = ""
    api_privilege_group_id: int | None = None
    all_folders: bool | None = None
    folder_ids: list[int] = Field(default_factory=list)
    environment_name: str | None = None
    environment_id: int | None = None
    token: Annotated[ApiClientToken | None, BeforeValidator(_token_object)] = None
    created_at: Timestamp = None
    updated_at: Timestamp = None

    @property
    def secret(self) -> SecretStr | None:
        """The new token, present once after create/regenerate."""
        return self.token.value if self.token else None


# On-prem and activity ----------------------------------------------------------------------


class OnPremGroup(ApiModel):
    id: int
    name: str = ""
    in_use: bool | None = None
    use_managed_connection: bool | None = None
    config_version: int | None = None
    logs_enabled: bool | None = None
    whitelisted_ips: list[str] = Field(default_factory=list)
    created_at: Timestamp = None


class OnPremAgent(ApiModel):
    id: int | str
    name: str = ""
    status: str | None = None
    os: str | None = None
    version: str | None = None
    last_seen_at: Timestamp = None


class OnPremStatus(ApiModel):
    id: int
    name: str = ""
    status: str | None = None  # active, inactive
    total_agents: int | None = None
    active_agents: int | None = None
    agents: list[OnPremAgent] = Field(default_factory=list)


class ActivityEntry(ApiModel):
    id: int | str
    event_type: str | None = None
    timestamp: Timestamp = None
    workspace: dict[str, Any] | None = None
    user: dict[str, Any] | None = None
    details: dict[str, Any] | None = None
    resource: dict[str, Any] | None = None


class ActivityPage(ApiModel):
    """One page of the audit log; `total` is the number of entries on this page."""

    data: list[ActivityEntry] = Field(default_factory=list)
    total: int | None = None
