"""Every list view of the app, reached with `:` + name or alias, or the command palette.

Rows are typed: the API's frozen models, or the row classes of `views.rows`. A computed
cell (a job's duration, a role's privileges) is a column getter, never a key added to a row.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

from ..api.models import Connection, Customer, Deployment, connection_state
from ..api.models_admin import (
    ActivityEntry,
    DeveloperApiClient,
    LookupRow,
    LookupTable,
    ProjectRole,
    Role,
)
from ..api.resources.customers import customer_ref
from ..columns import Column as C
from ..lookup.rows import table_columns
from ..service.scope import recipe_pages_under
from . import format as f
from .rows import CallRow, JobRow, OnPremRow, RecipeRow, call_field
from .spec import Need, Opens, Row, ViewContext, ViewSpec

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


def _status_style(row: Any) -> str | None:
    status = getattr(row, "status", None) or getattr(row, "state", None)
    if status in ("failed", "error", "inactive", "disconnected") or getattr(row, "is_error", False):
        return "resource-table--danger"
    if status in ("pending",):
        return "resource-table--warning"
    return None


def _connection_style(row: Connection) -> str | None:
    if connection_state(row.authorization_status) != "connected":
        return "resource-table--danger"
    return None


def _recipe_style(row: RecipeRow) -> str | None:
    return None if row.running else "resource-table--muted"


# -- loaders ------------------------------------------------------------------------------


async def load_recipes(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    """The chosen folder's recipes, with its sub-folders' unless `this_folder_only`; without
    their code (the recipe screen reads what it shows; 10,000 recipes' code is megabytes)."""
    folder_id = ctx.folder.id if ctx.folder else None
    pages = (
        service.recipe_pages(folder_id, exclude_code=True)
        if ctx.this_folder_only
        else recipe_pages_under(service, folder_id, exclude_code=True)
    )
    async for page in pages:
        yield [RecipeRow.of(recipe) for recipe in page]


async def load_jobs(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    assert ctx.recipe is not None
    async for page in service.job_pages(ctx.recipe.id, customer=ctx.customer_ref):
        yield [JobRow.of(job, ctx.recipe.id) for job in page]


async def load_connections(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    """A project shows the connections of all its folders; a folder only its own."""
    folder = ctx.folder
    if folder is None:
        yield await service.connections()
    elif folder.is_project and folder.project_id is not None:
        yield await service.connections(project_id=int(folder.project_id))
    else:
        yield await service.connections(folder.id)


async def load_lookup_tables(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    tables = await service.lookup_tables()
    project = ctx.folder.project_id if ctx.folder else None
    yield [table for table in tables if project is None or table.project_id == project]


async def load_rows(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    assert ctx.table is not None
    async for page in service.lookup_row_pages(ctx.table.id):
        yield page


async def load_deployments(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield await service.deployments()


async def load_project_roles(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    yield await service.project_roles()


async def load_roles(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield await service.roles()


async def load_api_clients(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield await service.api_clients()


async def load_on_prem(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield [
        OnPremRow.of(group, await service.on_prem_status(group.id))
        for group in await service.on_prem_groups()
    ]


async def load_activity(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    async for page in service.activity_pages():
        yield page


async def load_customers(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield await service.customers()


async def load_customer_recipes(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    assert ctx.customer_ref is not None
    yield [RecipeRow.of(recipe) for recipe in await service.customer_recipes(ctx.customer_ref)]


def follow_calls(
    service: WorkspaceService, arrived: Callable[[Row], None]
) -> tuple[list[Row], Callable[[], None]]:
    """The call log as a live view: the session's calls so far, then each new one."""
    rows: list[Row] = [CallRow.of(entry) for entry in service.recent_calls()]
    unsubscribe = service.follow_calls(lambda entry: arrived(CallRow.of(entry)))
    return rows, unsubscribe


# -- computed cells ---------------------------------------------------------------------------


def _privileges(role: Role) -> str:
    return "; ".join(f"{k}: {', '.join(v)}" for k, v in role.privileges.items())


def _client_scope(client: DeveloperApiClient) -> str:
    return "all projects" if client.all_folders else f"{len(client.folder_ids or [])} project(s)"


def _api_ref(customer: Customer) -> str:
    """How the API addresses a customer by external id: /managed_users/EA2300."""
    return customer_ref(customer.external_id) if customer.external_id else ""


def _resource(field: str) -> Callable[[ActivityEntry], Any]:
    return lambda entry: (entry.resource or {}).get(field)


def _user_name(entry: ActivityEntry) -> Any:
    return (entry.user or {}).get("name")


def _cell(label: str) -> Callable[[LookupRow], Any]:
    return lambda row: row.data.get(label)


def _schema_columns(ctx: ViewContext) -> tuple[C, ...]:
    labels = table_columns(ctx.table) if ctx.table else []
    return (
        C("id", "ROW ID", align="right"),
        *(C(label, label.upper(), get=_cell(label)) for label in labels),
    )


# -- the catalog ----------------------------------------------------------------------------

VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec(
        "recipes",
        "Recipes",
        "recipes.list",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=42),
            C("running", "STATE", format=f.running),
            C("trigger_application", "TRIGGER"),
            C("action_applications", "ACTIONS", format=f.apps, width=20),
            C("job_succeeded_count", "OK", align="right"),
            C("job_failed_count", "FAILED", align="right"),
            C("last_run_at", "LAST RUN", format=f.age, align="right"),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_recipes,
        revive=RecipeRow.revive,
        aliases=("r", "rcp", "recipe"),
        folder_scoped=True,
        empty_text="No recipes here",
        row_style=_recipe_style,
        opens=Opens.RECIPE,
    ),
    ViewSpec(
        "jobs",
        "Jobs",
        "jobs.list",
        (
            C("status", "STATUS"),
            C("id", "JOB ID"),
            C("started_at", "STARTED", format=f.when),
            C("duration", "TIME", format=f.seconds, align="right"),
            C("repeat", "REPEAT"),
            C("error", "ERROR", width=34, format=f.text),
            C("title", "TITLE", width=46),
        ),
        load_jobs,
        aliases=("jb", "job"),
        needs=Need.RECIPE,
        empty_text="No jobs for this recipe",
        row_style=_status_style,
        opens=Opens.JOB,
    ),
    ViewSpec(
        "connections",
        "Connections",
        "connections.list",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=36),
            C("application", "APP"),
            C("authorization_status", "STATUS", format=connection_state),
            C("folder_id", "FOLDER"),
            C("authorization_error", "ERROR", width=30, format=f.text),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_connections,
        revive=Connection.model_validate,
        aliases=("c", "conn", "connection"),
        folder_scoped=True,
        empty_text="No connections here",
        row_style=_connection_style,
    ),
    ViewSpec(
        "lookup-tables",
        "Lookup tables",
        "lookup_tables.list",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=30),
            C("columns", "COLUMNS", get=lambda t: ", ".join(table_columns(t))),
            C("project_id", "PROJECT"),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_lookup_tables,
        revive=LookupTable.model_validate,
        aliases=("lt", "lookups", "tables", "lookup"),
        folder_scoped=True,
        empty_text="No lookup tables here",
        opens=Opens.LOOKUP_EDITOR,
    ),
    ViewSpec(
        "rows",
        "Rows",
        "lookup_rows.list",
        (),
        load_rows,
        aliases=("lr",),
        needs=Need.TABLE,
        empty_text="This table has no rows",
        columns_from=_schema_columns,
    ),
    ViewSpec(
        "deployments",
        "Deployments",
        "deployments.list",
        (
            C("id", "ID", align="right"),
            C("title", "TITLE", width=30),
            C("environment_type", "ENV"),
            C("state", "STATE"),
            C("project_id", "PROJECT"),
            C("performed_by_name", "BY"),
            C("created_at", "CREATED", format=f.when),
            C("description", "DESCRIPTION", width=40, format=f.text),
        ),
        load_deployments,
        revive=Deployment.model_validate,
        aliases=("dp", "deploy", "deployment"),
        row_style=_status_style,
    ),
    ViewSpec(
        "project-roles",
        "Project roles",
        "project_roles.list",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=24),
            C("type", "TYPE"),
            C("members_count", "MEMBERS", align="right"),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_project_roles,
        revive=ProjectRole.model_validate,
        aliases=("pr", "prole"),
    ),
    ViewSpec(
        "roles",
        "Legacy roles",
        "roles.list",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=24),
            C("privilege_summary", "PRIVILEGES", width=60, get=_privileges),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_roles,
        revive=Role.model_validate,
        aliases=("rl", "legacy-roles"),
    ),
    ViewSpec(
        "api-clients",
        "API clients",
        "api_clients.list",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=28),
            C("api_privilege_group_id", "ROLE", align="right"),
            C("environment_name", "ENV"),
            C("scope", "SCOPE", get=_client_scope),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_api_clients,
        revive=DeveloperApiClient.model_validate,
        aliases=("ac", "clients", "api"),
    ),
    ViewSpec(
        "on-prem",
        "On-prem groups",
        "on_prem.list",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=28),
            C("status", "STATUS"),
            C("active_agents", "ACTIVE", align="right"),
            C("total_agents", "AGENTS", align="right"),
            C("agents", "AGENT STATUS", width=60),
        ),
        load_on_prem,
        revive=OnPremRow.model_validate,
        aliases=("op", "onprem", "agents"),
        row_style=_status_style,
    ),
    ViewSpec(
        "activity",
        "Activity log",
        "activity.list",
        (
            C("timestamp", "TIME", format=f.when),
            C("event_type", "EVENT", width=24),
            C("user_name", "USER", width=22, get=_user_name),
            C("resource_type", "TYPE", get=_resource("type")),
            C("resource_name", "RESOURCE", width=40, get=_resource("name")),
        ),
        load_activity,
        revive=ActivityEntry.model_validate,
        aliases=("act", "audit"),
    ),
    ViewSpec(
        "customers",
        "Customers",
        "customers.list",
        (
            C("id", "ID", align="right"),
            C("external_id", "EXTERNAL ID"),
            C("api_ref", "API REF", get=_api_ref),
            C("name", "NAME", width=30),
            C("created_at", "CREATED", format=f.when),
        ),
        load_customers,
        revive=Customer.model_validate,
        aliases=("cu", "cust", "embedded"),
        opens=Opens.CUSTOMER_RECIPES,
    ),
    ViewSpec(
        "customer-recipes",
        "Customer recipes",
        "customers.recipes",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=44),
            C("running", "STATE", format=f.running),
            C("trigger_application", "TRIGGER"),
            C("action_applications", "ACTIONS", format=f.apps),
        ),
        load_customer_recipes,
        aliases=("cr",),
        needs=Need.CUSTOMER,
        empty_text="This customer has no recipes",
        row_style=_recipe_style,
        opens=Opens.RECIPE_JOBS,
    ),
    ViewSpec(
        "calls",
        "Call log",
        "users.me",
        (
            C("time", "TIME", format=f.text, width=24, get=call_field("time")),
            C("method", "METHOD", get=call_field("method")),
            C("path", "PATH", width=40, get=call_field("path")),
            C("query_text", "QUERY", width=24),
            C("status", "STATUS", format=f.text, get=call_field("status")),
            C(
                "duration_ms",
                "MS",
                align="right",
                format=lambda v: f"{v:.0f}" if v else "",
                get=call_field("duration_ms"),
            ),
            C("outcome", "OUTCOME", get=call_field("outcome")),
            C(
                "correlation_id",
                "CORRELATION ID",
                width=34,
                format=f.text,
                get=call_field("correlation_id"),
            ),
            # e.g. a start refusal's items
            C("detail", "DETAIL", width=60, format=f.text, get=call_field("detail")),
        ),
        None,
        aliases=("log", "calllog", "api-calls"),
        follow=follow_calls,
        empty_text="No API calls yet",
    ),
)

_BY_NAME = {v.name: v for v in VIEWS}
_BY_ALIAS = {alias: v for v in VIEWS for alias in v.aliases}


def find_view(name: str) -> ViewSpec | None:
    key = name.strip().lower().lstrip(":")
    return _BY_NAME.get(key) or _BY_ALIAS.get(key) or _BY_NAME.get(key.replace(" ", "-"))


def view_names() -> list[str]:
    return [v.name for v in VIEWS] + sorted(_BY_ALIAS)
