"""Rows that are API models themselves: the tree's folders and on-prem groups with their
status. Apart from `views.rows`, which the first frame imports (these need pydantic)."""

from __future__ import annotations

from pydantic import Field

from ..api.models import Folder
from ..api.models_admin import OnPremAgent, OnPremGroup, OnPremStatus


class TreeFolder(Folder):
    """A folder or project as the tree offers it: the API's folder plus where it sits."""

    path: str = ""

    @property
    def project(self) -> int:
        """The id of the project this folder is in (every tree node knows it)."""
        if self.project_id is None:
            raise ValueError(f"folder {self.id} has no project")
        return int(self.project_id)


class OnPremRow(OnPremGroup):
    """An on-prem group with its agents' status."""

    status: str | None = None  # active, inactive
    total_agents: int | None = None
    active_agents: int | None = None
    agent_list: list[OnPremAgent] = Field(default_factory=list)

    @classmethod
    def of(cls, group: OnPremGroup, status: OnPremStatus) -> OnPremRow:
        return cls.model_validate(
            {
                **group.model_dump(),
                "status": status.status,
                "total_agents": status.total_agents,
                "active_agents": status.active_agents,
                "agent_list": status.agents,
            }
        )

    @property
    def agents(self) -> str:
        return ", ".join(f"{a.name} ({a.status})" for a in self.agent_list)
