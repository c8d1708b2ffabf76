"""Embedded customers (managed users): their recipes and jobs.

A customer is addressed by its numeric id or by `E` + its external id (`customer_ref`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from ..core import BaseClient
from ..models import Customer, Job, JobDetail, JobPage, Recipe, RepeatJobsResult
from ..pagination import (
    CUSTOMER_JOBS_PER_PAGE,
    CUSTOMER_RECIPES_PER_PAGE,
    CUSTOMERS_PER_PAGE,
    by_cursor,
    by_page_number,
)
from ..vocabulary import customer_ref as customer_ref  # re-exported

CustomerId = int | str


class CustomersMixin(BaseClient):
    async def list_customers(
        self, *, page: int = 1, per_page: int = CUSTOMERS_PER_PAGE
    ) -> list[Customer]:
        query = {"page": page, "per_page": per_page}
        return await self._many(Customer, "customers.list", query=query)

    def iter_customers(self, *, per_page: int = CUSTOMERS_PER_PAGE) -> AsyncIterator[Customer]:
        async def fetch(page: int, size: int) -> list[Customer]:
            return await self.list_customers(page=page, per_page=size)

        return by_page_number(fetch, min(per_page, CUSTOMERS_PER_PAGE))

    async def list_customer_recipes(
        self, customer_id: CustomerId, *, page: int = 1, per_page: int = CUSTOMER_RECIPES_PER_PAGE
    ) -> list[Recipe]:
        query = {"page": page, "per_page": per_page}
        return await self._many(
            Recipe, "customers.recipes", {"managed_user_id": customer_id}, query
        )

    def iter_customer_recipes(
        self, customer_id: CustomerId, *, per_page: int = CUSTOMER_RECIPES_PER_PAGE
    ) -> AsyncIterator[Recipe]:
        async def fetch(page: int, size: int) -> list[Recipe]:
            return await self.list_customer_recipes(customer_id, page=page, per_page=size)

        return by_page_number(fetch, min(per_page, CUSTOMER_RECIPES_PER_PAGE))

    async def get_customer_recipe(self, customer_id: CustomerId, recipe_id: int) -> Recipe:
        return await self._one(
            Recipe, "customers.recipe", {"managed_user_id": customer_id, "recipe_id": recipe_id}
        )

    async def list_customer_jobs(
        self,
        customer_id: CustomerId,
        recipe_id: int,
        *,
        per_page: int = CUSTOMER_JOBS_PER_PAGE,
        offset_job_id: str | None = None,
        prev: bool | None = None,
        status: str | None = None,
        rerun_only: bool | None = None,
    ) -> JobPage:
        query = {
            "per_page": per_page,
            "offset_job_id": offset_job_id,
            "prev": prev,
            "status": status,
            "rerun_only": rerun_only,
        }
        return await self._one(
            JobPage,
            "customers.jobs.list",
            {"managed_user_id": customer_id, "recipe_id": recipe_id},
            query,
        )

    def iter_customer_jobs(
        self,
        customer_id: CustomerId,
        recipe_id: int,
        *,
        per_page: int = CUSTOMER_JOBS_PER_PAGE,
        status: str | None = None,
    ) -> AsyncIterator[Job]:
        async def fetch(cursor: str | None, size: int) -> list[Job]:
            page = await self.list_customer_jobs(
                customer_id, recipe_id, per_page=size, offset_job_id=cursor, status=status
            )
            return page.items

        return by_cursor(fetch, _job_id, min(per_page, CUSTOMER_JOBS_PER_PAGE))

    async def get_customer_job(
        self, customer_id: CustomerId, recipe_id: int, job_id: str
    ) -> JobDetail:
        return await self._one(
            JobDetail,
            "customers.jobs.get",
            {"managed_user_id": customer_id, "recipe_id": recipe_id, "job_id": job_id},
        )

    async def repeat_customer_jobs(
        self, customer_id: CustomerId, recipe_id: int, job_ids: Sequence[str]
    ) -> RepeatJobsResult:
        return await self._one(
            RepeatJobsResult,
            "customers.jobs.repeat",
            {"managed_user_id": customer_id, "recipe_id": recipe_id},
            body={"job_ids": list(job_ids)},
        )


def _job_id(job: Job) -> str:
    return job.id
