"""`Writes`: every write the API offers but builds (builds.py), as the screens call it:
`service.writes.stop_recipe(id)`.

Each write goes through the service's `Gateway`, which remembers 403s and invalidates the
cached reads it can change (even when it failed: a timed-out write may have happened), by the
endpoint it calls (`families.STALE_AFTER`). Bulk work (`bulk.run_bulk`) runs one item at a
time through the client's rate limiter, so it queues inside the quota.

A write whose answer was lost (`Uncertain`) is checked where the API allows (`landing`): found,
it counts as done; not found, the error says so and sending again is safe. Until a check has
answered, the write stays unsettled, and asking for it again checks before anything is sent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from functools import partial
from typing import Any

from ..api.errors import Forbidden, Refused
from ..api.models import (
    Connection,
    Deployment,
    DeveloperApiClient,
    Disconnected,
    Folder,
    LookupRow,
    Project,
    RecipeCopy,
    RecipeCreated,
    RepeatResult,
    Success,
)
from . import landing
from .bulk import ItemResult, Progress
from .families import Family
from .gateway import Gateway
from .landing import Check
from .refusals import RecipeReads, explain_start_refusal
from .settle import MAX_REPEAT_BATCH, _now, repeat_in_batches

__all__ = ["MAX_REPEAT_BATCH", "ItemResult", "Progress", "Writes"]


DEPLOY_POLL_SECONDS = 2.0
CANNOT_DESTROY = "Cannot destroy folder"


class Writes:
    """The writes, grouped by resource, sent through `gateway` (the service owns one:
    `service.writes`; builds are `service.builds`). `reads` explains a refused start."""

    def __init__(self, gateway: Gateway, reads: RecipeReads) -> None:
        self.gateway = gateway
        self.client = gateway.client
        self.reads = reads

    # recipes ----------------------------------------------------------------------------

    async def create_recipe(
        self, *, name: str, folder_id: int, code: str, description: str | None = None
    ) -> RecipeCreated:
        def send() -> Awaitable[RecipeCreated]:
            return self.client.create_recipe(
                name=name, code=code, folder_id=folder_id, description=description
            )

        def check(since: datetime) -> Check:
            return landing.recipe_created(self.client, name, folder_id, since)

        key = ("recipes.create", folder_id, name)
        return await self.gateway.once(key, send, check)

    async def copy_recipe(self, recipe_id: int, folder_id: int) -> RecipeCopy:
        def check(since: datetime) -> Check:
            return landing.recipe_copied(self.client, recipe_id, folder_id, since)

        return await self.gateway.once(
            ("recipes.copy", recipe_id, folder_id),
            lambda: self.client.copy_recipe(recipe_id, folder_id=folder_id),
            check,
        )

    async def update_recipe(
        self,
        recipe_id: int,
        *,
        name: str | None = None,
        description: str | None = None,
        folder_id: int | None = None,
        code: str | None = None,
    ) -> Success:
        def send() -> Awaitable[Success]:
            return self.client.update_recipe(
                recipe_id, name=name, description=description, folder_id=folder_id, code=code
            )

        wanted = {"name": name, "description": description, "folder_id": folder_id}
        check = _now(landing.recipe_updated(self.client, recipe_id, wanted))
        key = ("recipes.update", recipe_id, name, description, folder_id, code)
        return await self.gateway.once(key, send, check)

    async def start_recipe(self, recipe_id: int) -> Success:
        """Start a recipe; a refusal says per step what stops it and what to do (refusals.py)."""
        check = _now(landing.recipe_running(self.client, recipe_id, True))
        try:
            return await self.gateway.once(
                ("recipes.start", recipe_id),
                lambda: self.client.start_recipe(recipe_id),
                check,
            )
        except Refused as error:
            raise await explain_start_refusal(self.reads, recipe_id, error) from None

    async def stop_recipe(self, recipe_id: int) -> Success:
        check = _now(landing.recipe_running(self.client, recipe_id, False))
        return await self.gateway.once(
            ("recipes.stop", recipe_id),
            lambda: self.client.stop_recipe(recipe_id),
            check,
        )

    async def delete_recipe(self, recipe_id: int) -> Success:
        check = _now(landing.gone(lambda: self.client.get_recipe(recipe_id), f"recipe {recipe_id}"))
        return await self.gateway.once(
            ("recipes.delete", recipe_id),
            lambda: self.client.delete_recipe(recipe_id),
            check,
        )

    async def connect_recipe(
        self, recipe_id: int, adapter_name: str, connection_id: int
    ) -> Success:
        """Point a stopped recipe's step at another connection of the same app."""
        return await self.gateway.once(
            ("recipes.connect", recipe_id, adapter_name, connection_id),
            lambda: self.client.connect_recipe(
                recipe_id, adapter_name=adapter_name, connection_id=connection_id
            ),
            _now(landing.recipe_connected(self.client, recipe_id, adapter_name, connection_id)),
        )

    # jobs -------------------------------------------------------------------------------

    async def resume_job(self, token: str, data: Mapping[str, Any] | None = None) -> None:
        await self.gateway.write("jobs.resume", self.client.resume_job(token, data))

    async def repeat_jobs(
        self,
        recipe_id: int,
        job_ids: Sequence[str],
        *,
        customer: str | None = None,
        on_batch: Callable[[list[RepeatResult]], None] | None = None,
    ) -> list[RepeatResult]:
        """Repeat any number of jobs in batches of 25 (the limiter keeps 1 request/s).

        Jobs whose earlier repeat lost its answer are looked for first; a batch whose answer
        is lost is checked against the recipe's newest jobs (by master job)."""
        return await repeat_in_batches(self.gateway, recipe_id, job_ids, customer, on_batch)

    # connections ------------------------------------------------------------------------

    async def create_connection(
        self,
        *,
        name: str,
        provider: str,
        folder_id: int,
        input: Mapping[str, Any] | None = None,
        shell_connection: bool = False,
    ) -> Connection:
        def send() -> Awaitable[Connection]:
            return self.client.create_connection(
                name=name,
                provider=provider,
                folder_id=folder_id,
                input=dict(input) if input else None,
                shell_connection=shell_connection,
            )

        def check(since: datetime) -> Check:
            return landing.connection_created(self.client, name, folder_id, since)

        key = ("connections.create", folder_id, name)
        return await self.gateway.once(key, send, check)

    async def update_connection(
        self,
        connection_id: int,
        *,
        name: str | None = None,
        folder_id: int | None = None,
        input: Mapping[str, Any] | None = None,
    ) -> Connection:
        def send() -> Awaitable[Connection]:
            return self.client.update_connection(
                connection_id, name=name, folder_id=folder_id, input=dict(input) if input else None
            )

        check = landing.connection_updated(self.client, connection_id, name, folder_id)
        key = ("connections.update", connection_id, name, folder_id)
        return await self.gateway.once(key, send, _now(check))

    async def disconnect_connection(self, connection_id: int, force: bool = False) -> Disconnected:
        return await self.gateway.once(
            ("connections.disconnect", connection_id),
            lambda: self.client.disconnect_connection(connection_id, force=force),
            _now(landing.connection_disconnected(self.client, connection_id)),
        )

    async def delete_connection(self, connection_id: int) -> Success:
        return await self.gateway.once(
            ("connections.delete", connection_id),
            lambda: self.client.delete_connection(connection_id),
            _now(landing.connection_gone(self.client, connection_id)),
        )

    # folders, projects, deployments --------------------------------------------------------

    async def create_folder(self, name: str, parent_id: int | None = None) -> Folder:
        return await self.gateway.once(
            ("folders.create", parent_id, name),
            lambda: self.client.create_folder(name=name, parent_id=parent_id),
            lambda since: landing.folder_created(self.client, name, parent_id, since),
        )

    async def rename_folder(self, folder_id: int, name: str) -> Folder:
        return await self.gateway.once(
            ("folders.update", folder_id, name),
            lambda: self.client.update_folder(folder_id, name=name),
            _now(landing.folder_renamed(self.client, folder_id, name)),
        )

    async def delete_folder(self, folder_id: int) -> Success:
        """Delete a folder with its sub-folders, recipes and connections."""
        check = _now(landing.folder_gone(self.client, folder_id))
        send = partial(self.client.delete_folder, folder_id)
        return await self._destroy(("folders.delete", folder_id), send, check)

    async def delete_project(self, project_id: int) -> Success:
        """Delete a project with its folders, recipes and connections."""
        check = _now(landing.project_gone(self.client, project_id))
        send = partial(self.client.delete_project, project_id)
        return await self._destroy(("projects.delete", project_id), send, check)

    async def _destroy(
        self, key: tuple[str, int], send: Callable[[], Awaitable[Success]], check: Any
    ) -> Success:
        try:
            return await self.gateway.once(key, send, check)
        except Forbidden as error:
            if error.message == CANNOT_DESTROY:
                # a refusal of this folder (it holds running recipes), not of the token's role
                self.gateway.permissions.forget(key[0])
            raise

    async def update_project(
        self, project_id: int, *, name: str | None = None, description: str | None = None
    ) -> Project:
        wanted = {"name": name, "description": description}
        return await self.gateway.once(
            ("projects.update", project_id, name, description),
            lambda: self.client.update_project(project_id, name=name, description=description),
            _now(landing.project_updated(self.client, project_id, wanted)),
        )

    async def deploy_project(
        self, project_id: int, environment_type: str, description: str | None = None
    ) -> Deployment:
        def send() -> Awaitable[Deployment]:
            return self.client.deploy_project(
                project_id, environment_type=environment_type, description=description
            )

        def check(since: datetime) -> Check:
            return landing.deployed(self.client, project_id, environment_type, since)

        key = ("projects.deploy", project_id, environment_type, description)
        return await self.gateway.once(key, send, check)

    async def follow_deployment(
        self,
        deployment: Deployment,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        timeout: float = 600.0,
        on_change: Callable[[Deployment], None] | None = None,
    ) -> Deployment:
        """Poll a deployment until it leaves `pending` (or `timeout` seconds pass)."""
        read_again = self.client.get_deployment
        deployment = await self.gateway.follow(
            deployment,
            read_again,
            every=DEPLOY_POLL_SECONDS,
            sleep=sleep,
            timeout=timeout,
            on_change=on_change,
        )
        self.gateway.refresh(Family.DEPLOYMENTS)
        return deployment

    # lookup rows ------------------------------------------------------------------------

    async def add_lookup_row(self, table_id: int, data: Mapping[str, Any]) -> LookupRow:
        return await self.gateway.write(
            "lookup_rows.create", self.client.add_lookup_row(table_id, data)
        )

    async def update_lookup_row(
        self, table_id: int, row_id: int, data: Mapping[str, Any]
    ) -> LookupRow:
        return await self.gateway.once(
            ("lookup_rows.update", table_id, row_id, tuple(sorted(data.items()))),
            lambda: self.client.update_lookup_row(table_id, row_id, data),
            _now(landing.row_has(self.client, table_id, row_id, dict(data))),
        )

    async def delete_lookup_row(self, table_id: int, row_id: int) -> Success:
        return await self.gateway.once(
            ("lookup_rows.delete", table_id, row_id),
            lambda: self.client.delete_lookup_row(table_id, row_id),
            _now(
                landing.gone(lambda: self.client.get_lookup_row(table_id, row_id), f"row {row_id}")
            ),
        )

    # API clients ------------------------------------------------------------------------

    async def create_api_client(
        self,
        *,
        name: str,
        role_id: int,
        all_folders: bool,
        folder_ids: Sequence[int] = (),
        environment: str | None = None,
    ) -> DeveloperApiClient:
        def send() -> Awaitable[DeveloperApiClient]:
            return self.client.create_api_client(
                name=name,
                api_privilege_group_id=role_id,
                all_folders=all_folders,
                folder_ids=list(folder_ids) or None,
                environment=environment,
            )

        def check(since: datetime) -> Check:
            return landing.api_client_created(self.client, name, since)

        return await self.gateway.once(("api_clients.create", name), send, check)

    async def regenerate_api_client(self, client_id: int) -> DeveloperApiClient:
        return await self.gateway.write(
            "api_clients.regenerate", self.client.regenerate_api_client(client_id)
        )

    async def delete_api_client(self, client_id: int) -> Success:
        return await self.gateway.once(
            ("api_clients.delete", client_id),
            lambda: self.client.delete_api_client(client_id),
            _now(landing.api_client_gone(self.client, client_id)),
        )
