"""Folders, projects and deployments."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

from ..core import BaseClient
from ..models import Deployment, Folder, Project, ProjectBuild, Success
from ..pagination import (
    FOLDERS_PER_PAGE,
    PROJECTS_PER_PAGE,
    by_page_number,
)
from ._util import compact, id_string


class FoldersMixin(BaseClient):
    # folders ------------------------------------------------------------------------

    async def list_folders(
        self, *, parent_id: int | None = None, page: int = 1, per_page: int = FOLDERS_PER_PAGE
    ) -> list[Folder]:
        """One page of the folders directly under `parent_id` (default: the Home folder)."""
        query = {"parent_id": parent_id, "page": page, "per_page": per_page}
        return await self._many(Folder, "folders.list", query=query)

    def iter_folders(
        self, *, parent_id: int | None = None, per_page: int = FOLDERS_PER_PAGE
    ) -> AsyncIterator[Folder]:
        async def fetch(page: int, size: int) -> list[Folder]:
            return await self.list_folders(parent_id=parent_id, page=page, per_page=size)

        return by_page_number(fetch, min(per_page, FOLDERS_PER_PAGE))

    async def create_folder(self, *, name: str, parent_id: int | str | None = None) -> Folder:
        """Create a folder; one without a parent is created at the top, as a project."""
        body = compact({"name": name, "parent_id": id_string(parent_id)})
        return await self._one(Folder, "folders.create", body=body)

    async def update_folder(
        self, folder_id: int, *, name: str | None = None, parent_id: int | str | None = None
    ) -> Folder:
        body = compact({"name": name, "parent_id": id_string(parent_id)})
        return await self._one(Folder, "folders.update", {"folder_id": folder_id}, body=body)

    async def delete_folder(self, folder_id: int) -> Success:
        """Delete a folder with its sub-folders, recipes and connections (decisions #37);
        one holding running recipes is refused with 403 "Cannot destroy folder"."""
        return await self._one(Success, "folders.delete", {"folder_id": folder_id})

    # projects -----------------------------------------------------------------------

    async def list_projects(
        self, *, page: int = 1, per_page: int = PROJECTS_PER_PAGE
    ) -> list[Project]:
        query = {"page": page, "per_page": per_page}
        return await self._many(Project, "projects.list", query=query)

    def iter_projects(self, *, per_page: int = PROJECTS_PER_PAGE) -> AsyncIterator[Project]:
        async def fetch(page: int, size: int) -> list[Project]:
            return await self.list_projects(page=page, per_page=size)

        return by_page_number(fetch, min(per_page, PROJECTS_PER_PAGE))

    async def update_project(
        self, project_id: int | str, *, name: str | None = None, description: str | None = None
    ) -> Project:
        body = compact({"name": name, "description": description})
        return await self._one(Project, "projects.update", {"project_id": project_id}, body=body)

    async def delete_project(self, project_id: int | str) -> Success:
        """Delete a project with its folders, recipes and connections (decisions #37)."""
        return await self._one(Success, "projects.delete", {"project_id": project_id})

    async def deploy_project(
        self, project_id: int | str, *, environment_type: str, description: str | None = None
    ) -> Deployment:
        """Build the project and deploy it to `environment_type` ("test" or "prod").
        `project_id` may also be `f<folder_id>`."""
        return await self._one(
            Deployment,
            "projects.deploy",
            {"project_id": project_id},
            {"environment_type": environment_type},
            body=compact({"description": description}),
        )

    async def build_project(
        self,
        project_id: int | str,
        *,
        description: str | None = None,
        include_test_cases: bool | None = None,
        include_tags: bool | None = None,
    ) -> ProjectBuild:
        """Build the project into a package; the build is `pending` until it is done."""
        body = compact(
            {
                "description": description,
                "include_test_cases": include_test_cases,
                "include_tags": include_tags,
            }
        )
        return await self._one(
            ProjectBuild, "projects.build", {"project_id": project_id}, body=body
        )

    async def deploy_build(
        self, build_id: int, *, environment_type: str, description: str | None = None
    ) -> Deployment:
        """Deploy a build made by `build_project` to `environment_type`."""
        return await self._one(
            Deployment,
            "project_builds.deploy",
            {"build_id": build_id},
            {"environment_type": environment_type},
            body=compact({"description": description}),
        )

    # deployments --------------------------------------------------------------------

    async def list_deployments(
        self,
        *,
        project_id: int | str | None = None,
        folder_id: int | None = None,
        environment_type: str | None = None,
        state: str | None = None,
        from_: datetime | str | None = None,
        to: datetime | str | None = None,
    ) -> list[Deployment]:
        query = {
            "project_id": project_id,
            "folder_id": folder_id,
            "environment_type": environment_type,
            "state": state,
            "from": from_,
            "to": to,
        }
        return await self._many(Deployment, "deployments.list", query=query)

    async def get_deployment(self, deployment_id: int) -> Deployment:
        return await self._one(Deployment, "deployments.get", {"deployment_id": deployment_id})

    async def get_project_build(self, build_id: int) -> ProjectBuild:
        return await self._one(ProjectBuild, "project_builds.get", {"build_id": build_id})
