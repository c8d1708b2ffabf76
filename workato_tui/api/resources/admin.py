"""Workspace administration: the token's workspace, roles, API clients, on-prem, activity."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime

from ..core import BaseClient, Reply, list_of, validate
from ..models import (
    ActivityEntry,
    ActivityPage,
    ApiClientRole,
    DeveloperApiClient,
    OnPremGroup,
    OnPremStatus,
    ProjectRole,
    Role,
    Success,
    User,
)
from ..pagination import (
    ACTIVITY_PAGE_SIZE,
    API_CLIENTS_PER_PAGE,
    ROLES_PER_PAGE,
    by_cursor,
    by_page_number,
)
from ._util import compact


class AdminMixin(BaseClient):
    async def get_me(self) -> User:
        """The workspace (user) the token belongs to."""
        return await self._one(User, "users.me")

    # roles --------------------------------------------------------------------------

    async def list_project_roles(
        self, *, page: int = 1, per_page: int = ROLES_PER_PAGE, name: str | None = None
    ) -> list[ProjectRole]:
        query = {"name": name, "page[number]": page, "page[size]": per_page}
        return await self._many(ProjectRole, "project_roles.list", query=query)

    def iter_project_roles(
        self, *, per_page: int = ROLES_PER_PAGE, name: str | None = None
    ) -> AsyncIterator[ProjectRole]:
        async def fetch(page: int, size: int) -> list[ProjectRole]:
            return await self.list_project_roles(page=page, per_page=size, name=name)

        return by_page_number(fetch, min(per_page, ROLES_PER_PAGE))

    async def list_roles(self, *, page: int = 1, per_page: int = ROLES_PER_PAGE) -> list[Role]:
        """One page of the legacy collaborator roles."""
        query = {"page": page, "per_page": per_page}
        return await self._many(Role, "roles.list", query=query)

    def iter_roles(self, *, per_page: int = ROLES_PER_PAGE) -> AsyncIterator[Role]:
        async def fetch(page: int, size: int) -> list[Role]:
            return await self.list_roles(page=page, per_page=size)

        return by_page_number(fetch, per_page)

    # API clients --------------------------------------------------------------------

    async def list_api_clients(
        self, *, page: int = 1, per_page: int = API_CLIENTS_PER_PAGE
    ) -> list[DeveloperApiClient]:
        query = {"page": page, "per_page": per_page}
        return await self._many(DeveloperApiClient, "api_clients.list", query=query)

    def iter_api_clients(
        self, *, per_page: int = API_CLIENTS_PER_PAGE
    ) -> AsyncIterator[DeveloperApiClient]:
        async def fetch(page: int, size: int) -> list[DeveloperApiClient]:
            return await self.list_api_clients(page=page, per_page=size)

        return by_page_number(fetch, min(per_page, API_CLIENTS_PER_PAGE))

    async def list_api_client_roles(
        self, *, page: int = 1, per_page: int = API_CLIENTS_PER_PAGE
    ) -> list[ApiClientRole]:
        """One page of the client roles (API privilege groups) API clients can be given."""
        query = {"page": page, "per_page": per_page}
        return await self._many(ApiClientRole, "api_clients.roles", query=query)

    def iter_api_client_roles(
        self, *, per_page: int = API_CLIENTS_PER_PAGE
    ) -> AsyncIterator[ApiClientRole]:
        async def fetch(page: int, size: int) -> list[ApiClientRole]:
            return await self.list_api_client_roles(page=page, per_page=size)

        return by_page_number(fetch, min(per_page, API_CLIENTS_PER_PAGE))

    async def create_api_client(
        self,
        *,
        name: str,
        api_privilege_group_id: int,
        all_folders: bool | None = None,
        folder_ids: Sequence[int] | None = None,
        environment: str | None = None,
        description: str | None = None,
        ip_allow_list: Sequence[str] | None = None,
    ) -> DeveloperApiClient:
        """Create an API client. Its new token is in `.secret` (a SecretStr), shown only once."""
        body = compact(
            {
                "name": name,
                "api_privilege_group_id": api_privilege_group_id,
                "all_folders": all_folders,
                "folder_ids": list(folder_ids) if folder_ids is not None else None,
                "environment": environment,
                "description": description,
                "ip_allow_list": list(ip_allow_list) if ip_allow_list is not None else None,
            }
        )
        return await self._one(DeveloperApiClient, "api_clients.create", body=body)

    async def regenerate_api_client(self, client_id: int) -> DeveloperApiClient:
        """Issue a new token (in `.secret`); the old one stops working at once."""
        return await self._one(
            DeveloperApiClient, "api_clients.regenerate", {"client_id": client_id}
        )

    async def delete_api_client(self, client_id: int) -> Success:
        return await self._one(Success, "api_clients.delete", {"client_id": client_id})

    # on-prem ------------------------------------------------------------------------

    async def list_on_prem_groups(self) -> list[OnPremGroup]:
        return await self._many(OnPremGroup, "on_prem.list")

    async def get_on_prem_status(self, group_id: int) -> OnPremStatus:
        return await self._one(OnPremStatus, "on_prem.status", {"group_id": group_id})

    # activity log -------------------------------------------------------------------

    async def list_activity(
        self,
        *,
        after: int | str | None = None,
        page_size: int = ACTIVITY_PAGE_SIZE,
        from_: datetime | str | None = None,
        to: datetime | str | None = None,
        include_event_types: Sequence[str] | None = None,
        exclude_event_types: Sequence[str] | None = None,
        include_resource_types: Sequence[str] | None = None,
        exclude_resource_types: Sequence[str] | None = None,
    ) -> ActivityPage:
        """One page of the audit log (`.data`, newest first); pass the last entry's id as
        `after` for the next page."""
        query = {
            "page[after]": after,
            "page[size]": page_size,
            "from": from_,
            "to": to,
            "include_event_types[]": include_event_types,
            "exclude_event_types[]": exclude_event_types,
            "include_resource_types[]": include_resource_types,
            "exclude_resource_types[]": exclude_resource_types,
        }
        return await self._call(_activity_page, "activity.list", query=query)

    def iter_activity(
        self,
        *,
        page_size: int = ACTIVITY_PAGE_SIZE,
        from_: datetime | str | None = None,
        to: datetime | str | None = None,
        include_event_types: Sequence[str] | None = None,
        exclude_event_types: Sequence[str] | None = None,
    ) -> AsyncIterator[ActivityEntry]:
        """The audit log, page after page, following `page[after]`."""

        async def fetch(after: int | str | None, size: int) -> list[ActivityEntry]:
            page = await self.list_activity(
                after=after,
                page_size=size,
                from_=from_,
                to=to,
                include_event_types=include_event_types,
                exclude_event_types=exclude_event_types,
            )
            return page.data

        return by_cursor(fetch, _entry_id, min(page_size, ACTIVITY_PAGE_SIZE))


def _activity_page(reply: Reply) -> ActivityPage:
    total = reply.body.get("total") if isinstance(reply.body, dict) else None
    return validate(ActivityPage, {"data": list_of(reply), "total": total}, reply)


def _entry_id(entry: ActivityEntry) -> int | str:
    return entry.id
