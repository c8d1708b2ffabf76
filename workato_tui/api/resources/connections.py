"""Connections (every endpoint but list is limited to 1 request per second)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..core import BaseClient
from ..models import Connection, Disconnected, Success
from ._util import compact, folder_number, id_string


class ConnectionsMixin(BaseClient):
    async def list_connections(
        self,
        *,
        folder_id: int | str | None = None,
        project_id: int | None = None,
        parent_id: int | None = None,
        external_id: str | None = None,
        include_runtime_connections: bool | None = None,
        include_tags: bool = False,
        updated_after: datetime | str | None = None,
    ) -> list[Connection]:
        """Every connection the token can see that matches the filters (decisions #33; the
        endpoint is not paged). `project_id` takes in every folder of the project."""
        query = {
            "folder_id": folder_id,
            "project_id": project_id,
            "parent_id": parent_id,
            "external_id": external_id,
            "include_runtime_connections": include_runtime_connections,
            "includes[]": "tags" if include_tags else None,
            "updated_after": updated_after,
        }
        return await self._many(Connection, "connections.list", query=query)

    async def create_connection(
        self,
        *,
        name: str,
        provider: str,
        folder_id: int | str | None,
        input: Mapping[str, Any] | None = None,
        parent_id: int | None = None,
        external_id: str | None = None,
        shell_connection: bool | None = None,
    ) -> Connection:
        """Create a connection; unless it is a shell, Workato tests the credentials in `input`."""
        body = compact(
            {
                "name": name,
                "provider": provider,
                "folder_id": folder_number(folder_id),
                "input": dict(input) if input is not None else None,
                "parent_id": parent_id,
                "external_id": external_id,
                "shell_connection": shell_connection,
            }
        )
        return await self._one(Connection, "connections.create", body=body)

    async def update_connection(
        self,
        connection_id: int,
        *,
        name: str | None = None,
        folder_id: int | str | None = None,
        input: Mapping[str, Any] | None = None,
        parent_id: int | None = None,
        external_id: str | None = None,
        shell_connection: bool | None = None,
    ) -> Connection:
        body = compact(
            {
                "name": name,
                "folder_id": id_string(folder_id),
                "input": dict(input) if input is not None else None,
                "parent_id": parent_id,
                "external_id": external_id,
                "shell_connection": shell_connection,
            }
        )
        return await self._one(
            Connection, "connections.update", {"connection_id": connection_id}, body=body
        )

    async def disconnect_connection(
        self, connection_id: int, *, force: bool = False
    ) -> Disconnected:
        body = {"force": True} if force else None
        return await self._one(
            Disconnected, "connections.disconnect", {"connection_id": connection_id}, body=body
        )

    async def delete_connection(self, connection_id: int) -> Success:
        return await self._one(Success, "connections.delete", {"connection_id": connection_id})
