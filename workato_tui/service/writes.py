"""Every write the API offers, as the screens call it.

Each write goes through `_write`, which remembers 403s and invalidates the cached reads it can
change (even when it failed: a timed-out write may have happened). Bulk work runs one item at
a time through the client's rate limiter, so it queues inside the quota.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ..api.errors import PolicyRefused, Refused, WorkatoError
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
    RepeatJobsResult,
    RepeatResult,
    Success,
)
from .refusals import explain_start_refusal

if TYPE_CHECKING:
    from ..api import WorkatoClient
    from .cache import Cache

T = TypeVar("T")
I = TypeVar("I")
MAX_REPEAT_BATCH = 25
DEPLOY_POLL_SECONDS = 2.0


@dataclass(frozen=True)
class ItemResult:
    """One item of a bulk action: what it was, and whether it worked."""

    item: Any
    ok: bool
    message: str
    error: WorkatoError | None = None


Progress = Callable[[int, int, ItemResult | None], None]  # done, total, last result


class WorkspaceWrites:
    client: WorkatoClient
    cache: Cache

    async def _write(self, call: Awaitable[T], *families: str) -> T:  # pragma: no cover
        raise NotImplementedError

    async def _guard(self, call: Awaitable[T]) -> T:  # pragma: no cover
        raise NotImplementedError

    # recipes ----------------------------------------------------------------------------

    async def create_recipe(
        self, *, name: str, folder_id: int, code: str, description: str | None = None
    ) -> RecipeCreated:
        call = self.client.create_recipe(
            name=name, code=code, folder_id=folder_id, description=description
        )
        return await self._write(call, "recipes", "activity")

    async def copy_recipe(self, recipe_id: int, folder_id: int) -> RecipeCopy:
        return await self._write(
            self.client.copy_recipe(recipe_id, folder_id=folder_id), "recipes", "activity"
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
        call = self.client.update_recipe(
            recipe_id, name=name, description=description, folder_id=folder_id, code=code
        )
        return await self._write(call, "recipes", "activity")

    async def start_recipe(self, recipe_id: int) -> Success:
        """Start a recipe; a refusal says per step what stops it and what to do (refusals.py)."""
        try:
            return await self._write(self.client.start_recipe(recipe_id), "recipes", "activity")
        except Refused as error:
            raise await explain_start_refusal(self, recipe_id, error) from None  # type: ignore[arg-type]

    async def stop_recipe(self, recipe_id: int) -> Success:
        return await self._write(self.client.stop_recipe(recipe_id), "recipes", "activity")

    async def delete_recipe(self, recipe_id: int) -> Success:
        return await self._write(self.client.delete_recipe(recipe_id), "recipes", "activity")

    # jobs -------------------------------------------------------------------------------

    async def resume_job(self, token: str, data: Mapping[str, Any] | None = None) -> None:
        await self._write(self.client.resume_job(token, data), "jobs")

    async def repeat_jobs(
        self,
        recipe_id: int,
        job_ids: Sequence[str],
        *,
        customer: str | None = None,
        on_batch: Callable[[list[RepeatResult]], None] | None = None,
    ) -> list[RepeatResult]:
        """Repeat any number of jobs in batches of 25 (the limiter keeps 1 request/s)."""
        results: list[RepeatResult] = []
        for start in range(0, len(job_ids), MAX_REPEAT_BATCH):
            batch = list(job_ids[start : start + MAX_REPEAT_BATCH])
            try:
                answer = await self._write(self._repeat(recipe_id, batch, customer), "jobs")
                batch_results = list(answer.results)
            except PolicyRefused:
                raise
            except WorkatoError as error:
                batch_results = [
                    RepeatResult(requested_job_id=j, status="failed", error=error.describe())
                    for j in batch
                ]
            results.extend(batch_results)
            if on_batch:
                on_batch(batch_results)
        return results

    def _repeat(
        self, recipe_id: int, batch: list[str], customer: str | None
    ) -> Awaitable[RepeatJobsResult]:
        if customer is None:
            return self.client.repeat_jobs(recipe_id, batch)
        return self.client.repeat_customer_jobs(customer, recipe_id, batch)

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
        call = self.client.create_connection(
            name=name,
            provider=provider,
            folder_id=folder_id,
            input=dict(input) if input else None,
            shell_connection=shell_connection,
        )
        return await self._write(call, "connections")

    async def update_connection(
        self,
        connection_id: int,
        *,
        name: str | None = None,
        folder_id: int | None = None,
        input: Mapping[str, Any] | None = None,
    ) -> Connection:
        call = self.client.update_connection(
            connection_id, name=name, folder_id=folder_id, input=dict(input) if input else None
        )
        return await self._write(call, "connections")

    async def disconnect_connection(self, connection_id: int, force: bool = False) -> Disconnected:
        return await self._write(
            self.client.disconnect_connection(connection_id, force=force), "connections"
        )

    async def delete_connection(self, connection_id: int) -> Success:
        return await self._write(self.client.delete_connection(connection_id), "connections")

    # folders, projects, deployments --------------------------------------------------------

    async def create_folder(self, name: str, parent_id: int | None = None) -> Folder:
        return await self._write(
            self.client.create_folder(name=name, parent_id=parent_id), "folders", "projects"
        )

    async def rename_folder(self, folder_id: int, name: str) -> Folder:
        return await self._write(
            self.client.update_folder(folder_id, name=name), "folders", "projects"
        )

    async def update_project(
        self, project_id: int, *, name: str | None = None, description: str | None = None
    ) -> Project:
        call = self.client.update_project(project_id, name=name, description=description)
        return await self._write(call, "projects", "folders")

    async def deploy_project(
        self, project_id: int, environment_type: str, description: str | None = None
    ) -> Deployment:
        call = self.client.deploy_project(
            project_id, environment_type=environment_type, description=description
        )
        return await self._write(call, "deployments")

    async def follow_deployment(
        self,
        deployment: Deployment,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        timeout: float = 600.0,
        on_change: Callable[[Deployment], None] | None = None,
    ) -> Deployment:
        """Poll a deployment until it leaves `pending` (or `timeout` seconds pass)."""
        pause = sleep or self.client.limiter.sleep
        waited = 0.0
        while deployment.state == "pending" and waited < timeout:
            await pause(DEPLOY_POLL_SECONDS)
            waited += DEPLOY_POLL_SECONDS
            deployment = await self._guard(self.client.get_deployment(deployment.id))
            if on_change:
                on_change(deployment)
        self.cache.invalidate(("deployments",))
        return deployment

    # lookup rows ------------------------------------------------------------------------

    async def add_lookup_row(self, table_id: int, data: Mapping[str, Any]) -> LookupRow:
        return await self._write(self.client.add_lookup_row(table_id, data), "lookup_rows")

    async def update_lookup_row(
        self, table_id: int, row_id: int, data: Mapping[str, Any]
    ) -> LookupRow:
        return await self._write(
            self.client.update_lookup_row(table_id, row_id, data), "lookup_rows"
        )

    async def delete_lookup_row(self, table_id: int, row_id: int) -> Success:
        return await self._write(self.client.delete_lookup_row(table_id, row_id), "lookup_rows")

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
        call = self.client.create_api_client(
            name=name,
            api_privilege_group_id=role_id,
            all_folders=all_folders,
            folder_ids=list(folder_ids) or None,
            environment=environment,
        )
        return await self._write(call, "api_clients", "activity")

    async def regenerate_api_client(self, client_id: int) -> DeveloperApiClient:
        return await self._write(
            self.client.regenerate_api_client(client_id), "api_clients", "activity"
        )

    async def delete_api_client(self, client_id: int) -> Success:
        return await self._write(
            self.client.delete_api_client(client_id), "api_clients", "activity"
        )

    # bulk ---------------------------------------------------------------------------------

    async def bulk(
        self,
        items: Sequence[I],
        act: Callable[[I], Awaitable[Any]],
        describe: Callable[[I], str],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[ItemResult]:
        """Apply `act` to each item in turn; the limiter paces them inside the quota."""
        results: list[ItemResult] = []
        for item in items:
            if cancelled and cancelled():
                results.append(ItemResult(item, False, f"{describe(item)}: not sent (cancelled)"))
            else:
                results.append(await _attempt(item, act, describe))
            if progress:
                progress(len(results), len(items), results[-1])
        return results


async def _attempt(
    item: I, act: Callable[[I], Awaitable[Any]], describe: Callable[[I], str]
) -> ItemResult:
    try:
        await act(item)
    except WorkatoError as error:
        return ItemResult(item, False, f"{describe(item)}: {error.describe()}", error)
    return ItemResult(item, True, f"{describe(item)}: done")
