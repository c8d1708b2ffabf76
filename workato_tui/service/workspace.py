"""`WorkspaceService`: the one facade the screens call.

It adds to the client what a UI needs: a read-through cache with a TTL per resource (and shared
in-flight requests), page-by-page streams, permission memory for 403s, cache invalidation after
writes, the call log and the last-known snapshot. The access policy and the call log are wired
into the client itself (`before_send` / `on_call`), so no call can get around them.

One class composed of small parts, each sent through the one `Gateway`: the reads are its own
methods; `writes` and `builds` send the writes (writes.py, builds.py); `memory` keeps the rows
each view showed for the next start (last_known.py); `names` names ids from the lists read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from ..api import WorkatoClient
from ..api.endpoints import endpoint
from ..api.errors import WorkatoError
from ..api.limiter import BucketState, QuotaWait
from ..api.models import (
    ActivityEntry,
    ApiClientRole,
    Connection,
    Customer,
    Deployment,
    DeveloperApiClient,
    Folder,
    Job,
    JobDetail,
    JobPage,
    LookupRow,
    LookupTable,
    OnPremGroup,
    OnPremStatus,
    Project,
    ProjectRole,
    Recipe,
    RecipeVersion,
    Role,
    User,
)
from ..api.pagination import (
    ACTIVITY_PAGE_SIZE,
    RECIPES_PER_PAGE,
    ROWS_PER_PAGE,
    pages_by_cursor,
)
from ..api.pagination import (
    JOBS_PER_PAGE as JOBS_PER_PAGE,  # re-exported: the failure scans page jobs like this
)
from ..api.resources.recipes import JobFilters, RecipeFilters
from .builds import Builds
from .cache import Cache
from .calllog import CallLog, Entry
from .families import TTL as TTL  # re-exported: the tests read the TTLs from here
from .families import Family
from .gateway import Gateway
from .last_known import LastKnown
from .lookup_reads import FreshLookupRows
from .names import NameKind, Names
from .permissions import PermissionMemory
from .policy import AccessPolicy
from .profile import ResolvedProfile
from .snapshot import SnapshotStore
from .writes import Writes

T = TypeVar("T")


class WorkspaceService:
    def __init__(
        self,
        client: WorkatoClient,
        profile: ResolvedProfile,
        *,
        calls: CallLog,
        policy: AccessPolicy,
        cache: Cache | None = None,
        snapshot: SnapshotStore | None = None,
        permissions: PermissionMemory | None = None,
        staged_dir: Path | None = None,
        freezes_dir: Path | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.gateway = Gateway(client, cache, permissions)
        self.client = client
        self.writes = Writes(self.gateway, reads=self)
        self.builds = Builds(self.gateway)
        self.memory = LastKnown(snapshot)
        self.now = now or _utc_now  # wall-clock time, from the same clock as the limiter
        self.profile = profile
        self.calls = calls
        self.policy = policy
        self.cache = self.gateway.cache  # for the service's own modules (scans, freezes)
        self.permissions = self.gateway.permissions
        self.staged_dir = staged_dir  # where unsaved lookup-table edits survive a crash
        self.freezes_dir = freezes_dir  # where incident freezes are recorded (see freeze.py)
        # Lookup rows as they are now (around the cache): what a lookup save compares with.
        self.fresh_lookup_rows = FreshLookupRows(self.gateway)
        self.names = Names()  # ids named from the lists read so far (see names.py)

    async def started(self) -> WorkspaceService:
        """Itself: what a `starting.StartingWorkspace` answers once it has built the service."""
        return self

    async def aclose(self) -> None:
        self.memory.save()
        await self.client.aclose()

    # what the screens ask of the plumbing ---------------------------------------------------

    def refresh(self, *families: Family) -> None:
        """Forget the cached reads of these families (ctrl+r): the next read asks Workato."""
        self.gateway.refresh(*families)

    def badge(self) -> str:
        """The profile as a confirm or a save names it: `DEMO (emulator, read-only)`."""
        where = self.profile.data_center or self.profile.base_url
        mode = ", read-only" if self.policy.read_only else ""
        return f"{self.profile.label} ({where}{mode})"

    def recent_calls(self) -> list[Entry]:
        """This session's calls, oldest first (the call log view, the access report)."""
        return self.calls.recent()

    def follow_calls(self, arrived: Callable[[Entry], None]) -> Callable[[], None]:
        """Call `arrived` with each call from now on; returns the function that stops it."""
        return self.calls.subscribe(arrived)

    @property
    def call_log_path(self) -> Path | None:
        """Where this profile's calls are saved (rotated files beside it), if anywhere."""
        return self.calls.path

    # quota, permissions ----------------------------------------------------------

    def quota(self) -> list[BucketState]:
        return self.client.limiter.snapshot()

    def busiest_bucket(self) -> BucketState | None:
        return self.client.limiter.busiest()

    def quota_wait(self) -> QuotaWait | None:
        """What a request is waiting for right now, if its quota holds it back (the header)."""
        return self.client.limiter.waiting()

    def denied(self, endpoint_id: str) -> str | None:
        """Why an endpoint is unavailable: the policy, or a 403 seen this session."""
        return self.policy.reason(endpoint(endpoint_id)) or self.permissions.denied(endpoint_id)

    # the rows remembered for the next start (`memory`), as a `StartingWorkspace` answers too

    def last_known(self, view_key: str) -> list[Any] | None:
        """The rows remembered for a view: as remembered this session, as dicts from disk."""
        return self.memory.rows(view_key)

    @property
    def snapshot_saved_at(self) -> datetime | None:
        return self.memory.saved_at

    # workspace, projects, folders -------------------------------------------------------

    async def me(self) -> User:
        return await self.gateway.read((Family.WORKSPACE,), self.client.get_me)

    async def projects(self) -> list[Project]:
        projects = await self.gateway.read(
            ("projects",), lambda: _collect(self.client.iter_projects())
        )
        self.names.learn_projects(projects)
        return projects

    async def folders(self, parent_id: int | None = None) -> list[Folder]:
        folders = await self.gateway.read(
            ("folders", parent_id), lambda: _collect(self.client.iter_folders(parent_id=parent_id))
        )
        self.names.learn_folders(folders)
        return folders

    async def learn_names(self, *kinds: NameKind) -> Names:
        """Read the lists that name these kinds of ids (cached: one request per list, none per
        row); a list this token may not read just leaves its ids unnamed."""
        reads = {
            NameKind.FOLDER: self.projects,
            NameKind.PROJECT: self.projects,
            NameKind.CLIENT_ROLE: self.api_client_roles,
        }
        for read in dict.fromkeys(reads[kind] for kind in kinds):
            # a list we may not read leaves ids unnamed; the view reports its own failures
            with suppress(WorkatoError):
                await read()
        return self.names

    async def learn_folder(self, folder_id: int | None, project_id: object) -> None:
        """Name one folder the tree has not opened (a recipe's): read its project's
        sub-folders once (cached), when the project names it not already."""
        names = await self.learn_names(NameKind.FOLDER, NameKind.PROJECT)
        if folder_id is None or names.name(NameKind.FOLDER, folder_id) is not None:
            return
        with suppress(WorkatoError):
            for project in await self.projects():
                if str(project.id) == str(project_id) and project.folder_id is not None:
                    await self.folders(project.folder_id)

    async def folder_paths(self) -> list[tuple[str, int]]:
        """Every folder as ("Project / Folder / Sub", folder id), for folder pickers."""
        found: list[tuple[str, int]] = []

        async def walk(path: str, folder_id: int) -> None:
            found.append((path, folder_id))
            for child in sorted(await self.folders(folder_id), key=lambda f: f.name.lower()):
                await walk(f"{path} / {child.name}", child.id)

        for project in sorted(await self.projects(), key=lambda p: p.name.lower()):
            if project.folder_id is not None:
                await walk(project.name, project.folder_id)
        return found

    async def deployments(self) -> list[Deployment]:
        return await self.gateway.read(("deployments",), self.client.list_deployments)

    async def deployment(self, deployment_id: int) -> Deployment:
        return await self.gateway.guard(self.client.get_deployment(deployment_id))

    # recipes and jobs -------------------------------------------------------------------

    def recipe_pages(
        self, folder_id: int | None = None, *, exclude_code: bool = False
    ) -> AsyncIterator[list[Recipe]]:
        """Pages of recipes; `exclude_code`: without their code (a list needs none of it)."""
        filters: RecipeFilters = {"folder_id": folder_id} if folder_id is not None else {}
        if exclude_code:
            filters["exclude_code"] = True

        async def fetch(page: int) -> list[Recipe]:
            return await self.client.list_recipes(page=page, per_page=RECIPES_PER_PAGE, **filters)

        key = ("recipes", folder_id, "no-code") if exclude_code else ("recipes", folder_id)
        return self.gateway.pages(key, RECIPES_PER_PAGE, fetch)

    async def recipe(self, recipe_id: int) -> Recipe:
        return await self.gateway.read(
            ("recipes", "one", recipe_id), lambda: self.client.get_recipe(recipe_id)
        )

    async def recipe_versions(self, recipe_id: int) -> list[RecipeVersion]:
        """Every saved version of a recipe, newest first."""
        return await self.gateway.read(
            ("recipes", "versions", recipe_id),
            lambda: _collect(self.client.iter_recipe_versions(recipe_id)),
        )

    async def job_page(
        self,
        recipe_id: int,
        *,
        customer: str | None = None,
        status: str | None = None,
        offset_job_id: str | None = None,
    ) -> JobPage:
        """One page of jobs, newest first, older than `offset_job_id`."""
        filters: JobFilters = {"status": status} if status else {}

        async def fetch() -> JobPage:
            if customer is None:
                return await self.client.list_jobs(
                    recipe_id, per_page=JOBS_PER_PAGE, offset_job_id=offset_job_id, **filters
                )
            return await self.client.list_customer_jobs(
                customer, recipe_id, per_page=JOBS_PER_PAGE, offset_job_id=offset_job_id, **filters
            )

        return await self.gateway.read(("jobs", customer, recipe_id, status, offset_job_id), fetch)

    def job_pages(
        self, recipe_id: int, *, customer: str | None = None, status: str | None = None
    ) -> AsyncIterator[list[Job]]:
        """Pages of jobs, newest first, each cached on its own (see `job_page`)."""

        async def fetch(offset: str | None, _size: int) -> list[Job]:
            page = await self.job_page(
                recipe_id, customer=customer, status=status, offset_job_id=offset
            )
            return page.items

        return pages_by_cursor(fetch, _job_id, JOBS_PER_PAGE)

    async def job(self, recipe_id: int, job_id: str, customer: str | None = None) -> JobDetail:
        if customer is None:
            return await self.gateway.guard(self.client.get_job(recipe_id, job_id))
        return await self.gateway.guard(self.client.get_customer_job(customer, recipe_id, job_id))

    # connections ------------------------------------------------------------------------

    async def connections(
        self, folder_id: int | None = None, *, project_id: int | None = None
    ) -> list[Connection]:
        """Connections in one folder, in a whole project (every folder of it), or all."""
        return await self.gateway.read(
            ("connections", folder_id, project_id),
            lambda: self.client.list_connections(folder_id=folder_id, project_id=project_id),
        )

    # lookup tables ----------------------------------------------------------------------

    async def lookup_tables(self) -> list[LookupTable]:
        return await self.gateway.read(
            ("lookup_tables",), lambda: _collect(self.client.iter_lookup_tables())
        )

    def lookup_row_pages(self, table_id: int) -> AsyncIterator[list[LookupRow]]:
        async def fetch(page: int) -> list[LookupRow]:
            return await self.client.list_lookup_rows(table_id, page=page, per_page=ROWS_PER_PAGE)

        return self.gateway.pages(("lookup_rows", table_id), ROWS_PER_PAGE, fetch)

    async def lookup(self, table_id: int, by: Mapping[str, object]) -> LookupRow:
        return await self.gateway.guard(self.client.lookup_row(table_id, by))

    # roles, clients, on-prem, activity, customers ----------------------------------------

    async def project_roles(self) -> list[ProjectRole]:
        return await self.gateway.read(
            ("roles", "project"), lambda: _collect(self.client.iter_project_roles())
        )

    async def roles(self) -> list[Role]:
        return await self.gateway.read(
            ("roles", "legacy"), lambda: _collect(self.client.iter_roles())
        )

    async def api_clients(self) -> list[DeveloperApiClient]:
        return await self.gateway.read(
            ("api_clients",), lambda: _collect(self.client.iter_api_clients())
        )

    async def api_client_roles(self) -> list[ApiClientRole]:
        """The client roles API clients are given (to name a client's role)."""
        roles = await self.gateway.read(
            ("api_clients", "roles"), lambda: _collect(self.client.iter_api_client_roles())
        )
        self.names.learn_client_roles(roles)
        return roles

    async def on_prem_groups(self) -> list[OnPremGroup]:
        return await self.gateway.read(("on_prem",), self.client.list_on_prem_groups)

    async def on_prem_status(self, group_id: int) -> OnPremStatus:
        return await self.gateway.read(
            ("on_prem", group_id), lambda: self.client.get_on_prem_status(group_id)
        )

    def activity_pages(self) -> AsyncIterator[list[ActivityEntry]]:
        """The audit log, newest first, a cached page at a time."""

        async def fetch(after: int | str | None, _size: int) -> list[ActivityEntry]:
            page = await self.gateway.read(
                ("activity", after), lambda: self.client.list_activity(after=after)
            )
            return page.data

        return pages_by_cursor(fetch, _entry_id, ACTIVITY_PAGE_SIZE)

    async def customers(self) -> list[Customer]:
        return await self.gateway.read(
            ("customers",), lambda: _collect(self.client.iter_customers())
        )

    async def customer_recipes(self, customer: str) -> list[Recipe]:
        return await self.gateway.read(
            ("customers", customer), lambda: _collect(self.client.iter_customer_recipes(customer))
        )


def _job_id(job: Job) -> str:
    return job.id


def _entry_id(entry: ActivityEntry) -> int | str:
    return entry.id


def _utc_now() -> datetime:
    return datetime.now(UTC)


async def _collect(items: AsyncIterator[T]) -> list[T]:
    return [item async for item in items]
