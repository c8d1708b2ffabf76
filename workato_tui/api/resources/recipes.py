"""Recipes and their jobs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from typing import Any, TypedDict

from typing_extensions import Unpack

from ..core import BaseClient
from ..models import (
    Job,
    JobDetail,
    JobPage,
    Recipe,
    RecipeCopy,
    RecipeCreated,
    RecipeVersion,
    RepeatJobsResult,
    Success,
)
from ..pagination import (
    JOBS_PER_PAGE,
    RECIPES_PER_PAGE,
    VERSIONS_PER_PAGE,
    by_cursor,
    by_page_number,
)
from ._util import compact, csv, id_string, json_text


class RecipeFilters(TypedDict, total=False):
    folder_id: int | str
    running: bool
    order: str  # "activity" or "default"
    since_id: int
    updated_after: datetime | str
    stopped_after: datetime | str
    stop_cause: str
    adapter_names_any: str | Sequence[str]
    adapter_names_all: str | Sequence[str]
    include_tags: bool
    exclude_code: bool


class JobFilters(TypedDict, total=False):
    status: str  # succeeded, failed, pending
    rerun_only: bool


def recipe_query(filters: RecipeFilters) -> dict[str, Any]:
    query: dict[str, Any] = dict(filters)
    for key in ("adapter_names_any", "adapter_names_all"):
        if key in query:
            query[key] = csv(query[key])
    if query.pop("include_tags", False):
        query["includes[]"] = "tags"
    return query


def recipe_body(**fields: Any) -> dict[str, Any]:
    fields["code"] = json_text(fields.get("code"))
    fields["config"] = json_text(fields.get("config"))
    fields["folder_id"] = id_string(fields.get("folder_id"))
    return {"recipe": compact(fields)}


class RecipesMixin(BaseClient):
    # recipes ------------------------------------------------------------------------

    async def list_recipes(
        self, *, page: int = 1, per_page: int = RECIPES_PER_PAGE, **filters: Unpack[RecipeFilters]
    ) -> list[Recipe]:
        """One page of recipes, newest id first."""
        query = {**recipe_query(filters), "page": page, "per_page": per_page}
        return await self._many(Recipe, "recipes.list", query=query)

    def iter_recipes(
        self, *, per_page: int = RECIPES_PER_PAGE, **filters: Unpack[RecipeFilters]
    ) -> AsyncIterator[Recipe]:
        """Every recipe matching `filters`, page by page."""

        async def fetch(page: int, size: int) -> list[Recipe]:
            return await self.list_recipes(page=page, per_page=size, **filters)

        return by_page_number(fetch, min(per_page, RECIPES_PER_PAGE))

    async def get_recipe(self, recipe_id: int) -> Recipe:
        return await self._one(Recipe, "recipes.get", {"recipe_id": recipe_id})

    async def create_recipe(
        self,
        *,
        name: str,
        code: str | Sequence[Any] | Mapping[str, Any],
        folder_id: int | str | None,
        config: str | Sequence[Any] | None = None,
        description: str | None = None,
    ) -> RecipeCreated:
        """Create a (stopped) recipe; `folder_id` is required by Workato from 2026-05-07."""
        body = recipe_body(
            name=name, code=code, folder_id=folder_id, config=config, description=description
        )
        return await self._one(RecipeCreated, "recipes.create", body=body)

    async def copy_recipe(self, recipe_id: int, *, folder_id: int | str | None) -> RecipeCopy:
        body = compact({"folder_id": id_string(folder_id)})
        return await self._one(RecipeCopy, "recipes.copy", {"recipe_id": recipe_id}, body=body)

    async def update_recipe(
        self,
        recipe_id: int,
        *,
        name: str | None = None,
        code: str | Sequence[Any] | Mapping[str, Any] | None = None,
        config: str | Sequence[Any] | None = None,
        folder_id: int | str | None = None,
        description: str | None = None,
    ) -> Success:
        body = recipe_body(
            name=name, code=code, config=config, folder_id=folder_id, description=description
        )
        return await self._one(Success, "recipes.update", {"recipe_id": recipe_id}, body=body)

    async def start_recipe(self, recipe_id: int) -> Success:
        """Start a recipe; a refusal (config or code errors) raises `Refused`."""
        return await self._one(Success, "recipes.start", {"recipe_id": recipe_id})

    async def stop_recipe(self, recipe_id: int) -> Success:
        return await self._one(Success, "recipes.stop", {"recipe_id": recipe_id})

    async def delete_recipe(self, recipe_id: int) -> Success:
        return await self._one(Success, "recipes.delete", {"recipe_id": recipe_id})

    # jobs ---------------------------------------------------------------------------

    async def list_jobs(
        self,
        recipe_id: int,
        *,
        per_page: int = JOBS_PER_PAGE,
        offset_job_id: str | None = None,
        prev: bool | None = None,
        **filters: Unpack[JobFilters],
    ) -> JobPage:
        """One page of a recipe's jobs, newest first; `offset_job_id` + `prev` page through."""
        query: dict[str, Any] = {
            **filters,
            "per_page": per_page,
            "offset_job_id": offset_job_id,
            "prev": prev,
        }
        return await self._one(JobPage, "jobs.list", {"recipe_id": recipe_id}, query)

    def iter_jobs(
        self,
        recipe_id: int,
        *,
        per_page: int = JOBS_PER_PAGE,
        offset_job_id: str | None = None,
        **filters: Unpack[JobFilters],
    ) -> AsyncIterator[Job]:
        """Every job from the newest (or from `offset_job_id`) back to the oldest."""

        async def fetch(cursor: str | None, size: int) -> list[Job]:
            page = await self.list_jobs(recipe_id, per_page=size, offset_job_id=cursor, **filters)
            return page.items

        return by_cursor(fetch, _job_id, min(per_page, JOBS_PER_PAGE), start=offset_job_id)

    async def get_job(self, recipe_id: int, job_id: str) -> JobDetail:
        return await self._one(JobDetail, "jobs.get", {"recipe_id": recipe_id, "job_id": job_id})

    async def resume_job(self, resume_token: str, data: Mapping[str, Any] | None = None) -> None:
        """Resume a paused job by its resume token (answers 204)."""
        await self._request("jobs.resume", body={"token": resume_token, "data": dict(data or {})})

    async def repeat_jobs(self, recipe_id: int, job_ids: Sequence[str]) -> RepeatJobsResult:
        """Repeat up to 25 master jobs; each result says enqueued or failed."""
        return await self._one(
            RepeatJobsResult,
            "jobs.repeat",
            {"recipe_id": recipe_id},
            body={"job_ids": list(job_ids)},
        )

    # connections and versions (decisions #36, #38) ------------------------------------

    async def connect_recipe(
        self, recipe_id: int, *, adapter_name: str, connection_id: int
    ) -> Success:
        """Point the recipe's `adapter_name` step at another connection of the same app.
        A running recipe is refused (HTTP 200, `success: false`), which raises `Refused`."""
        body = {"adapter_name": adapter_name, "connection_id": connection_id}
        return await self._one(Success, "recipes.connect", {"recipe_id": recipe_id}, body=body)

    async def list_recipe_versions(
        self, recipe_id: int, *, page: int = 1, per_page: int = VERSIONS_PER_PAGE
    ) -> list[RecipeVersion]:
        """One page of a recipe's versions, newest first (`{"data": [...]}` or a bare list)."""
        query = {"page": page, "per_page": per_page}
        return await self._many(
            RecipeVersion, "recipes.versions", {"recipe_id": recipe_id}, query=query
        )

    def iter_recipe_versions(
        self, recipe_id: int, *, per_page: int = VERSIONS_PER_PAGE
    ) -> AsyncIterator[RecipeVersion]:
        async def fetch(page: int, size: int) -> list[RecipeVersion]:
            return await self.list_recipe_versions(recipe_id, page=page, per_page=size)

        return by_page_number(fetch, min(per_page, VERSIONS_PER_PAGE))


def _job_id(job: Job) -> str:
    return job.id
