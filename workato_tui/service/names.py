"""Names for ids, learned from the lists the service reads anyway (projects, the folder tree,
API client roles): a list shows "Finance Ops" where the API gives `project_id: 12`.

The directory never sends a request itself, so naming a column costs nothing per row; an id
whose list was not read yet (a folder the tree has not opened) stays an id.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the first frame names ids before the API models are imported
    from ..api.models import ApiClientRole, Folder, Project


class NameKind(StrEnum):
    """What kind of id a column holds (the directory it is named from)."""

    FOLDER = "folder"
    PROJECT = "project"
    CLIENT_ROLE = "client_role"


class Names:
    """id -> name, per kind; filled as lists arrive, read synchronously by the UI."""

    def __init__(self) -> None:
        self._names: dict[NameKind, dict[str, str]] = {kind: {} for kind in NameKind}

    def learn_projects(self, projects: Iterable[Project]) -> None:
        """A project is named by its id, and its project folder by the project's name."""
        for project in projects:
            self._put(NameKind.PROJECT, project.id, project.name)
            if project.folder_id is not None:
                self._put(NameKind.FOLDER, project.folder_id, project.name)

    def learn_folders(self, folders: Iterable[Folder]) -> None:
        for folder in folders:
            self._put(NameKind.FOLDER, folder.id, folder.name)

    def learn_client_roles(self, roles: Iterable[ApiClientRole]) -> None:
        for role in roles:
            self._put(NameKind.CLIENT_ROLE, role.id, role.name)

    def name(self, kind: NameKind, value: object) -> str | None:
        """The name of id `value` (an int, or a string as deployments give), if known."""
        if value is None or value == "":
            return None
        return self._names[kind].get(str(value))

    def label(self, kind: NameKind, value: object) -> str:
        """What a cell shows: the name, or the id itself while the name is unknown."""
        if value is None:
            return ""
        return self.name(kind, value) or str(value)

    def _put(self, kind: NameKind, key: object, name: str) -> None:
        if name:
            self._names[kind][str(key)] = name
