"""Every list view of the app, reached with `:` + name or alias, or the command palette."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any

from ..api.models import connection_state
from ..api.resources.customers import customer_ref
from ..columns import Column as C
from ..lookup.rows import table_columns
from ..service.scope import recipe_pages_under
from . import format as f
from .spec import Row, ViewContext, ViewSpec

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


def _dump(models: Any) -> list[Row]:
    return [m.model_dump(mode="python") for m in models]


def _status_style(row: Mapping[str, Any]) -> str | None:
    status = row.get("status") or row.get("state") or row.get("authorization_status")
    if status in ("failed", "error", "inactive", "disconnected") or row.get("is_error"):
        return "resource-table--danger"
    if status in ("pending",):
        return "resource-table--warning"
    return None


def _connection_style(row: Mapping[str, Any]) -> str | None:
    if connection_state(row.get("authorization_status")) != "connected":
        return "resource-table--danger"
    return None


def _recipe_style(row: Mapping[str, Any]) -> str | None:
    return None if row.get("running") else "resource-table--muted"


# -- loaders ------------------------------------------------------------------------------


async def load_recipes(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    """The chosen folder's recipes, with its sub-folders' unless `this_folder_only`."""
    folder_id = ctx.folder["id"] if ctx.folder else None
    pages = (
        service.recipe_pages(folder_id)
        if ctx.this_folder_only
        else recipe_pages_under(service, folder_id)
    )
    async for page in pages:
        yield _dump(page)


def _job_row(job: Any) -> Row:
    row = job.model_dump(mode="python")
    started, completed = row.get("started_at"), row.get("completed_at")
    row["duration"] = (completed - started).total_seconds() if started and completed else None
    row["repeat"] = "repeat" if row.get("master_job_id") not in (None, row["id"]) else ""
    return row


async def load_jobs(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    assert ctx.recipe is not None
    async for page in service.job_pages(ctx.recipe["id"], customer=ctx.customer_ref):
        yield [_job_row(j) for j in page]


async def load_connections(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    """A project shows the connections of all its folders; a folder only its own."""
    folder = ctx.folder
    if folder is None:
        connections = await service.connections()
    elif folder.get("is_project") and folder.get("project_id") is not None:
        connections = await service.connections(project_id=int(folder["project_id"]))
    else:
        connections = await service.connections(int(folder["id"]))
    yield _dump(connections)


async def load_lookup_tables(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    tables = await service.lookup_tables()
    project = ctx.folder.get("project_id") if ctx.folder else None
    rows = []
    for table in tables:
        row = table.model_dump(mode="python")
        row["columns"] = ", ".join(table.columns)
        if project is None or row.get("project_id") == project:
            rows.append(row)
    yield rows


async def load_rows(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    assert ctx.table is not None
    async for page in service.lookup_row_pages(ctx.table["id"]):
        yield [{"id": r.id, **{k: v for k, v in r.data.items()}} for r in page]


async def load_deployments(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    yield _dump(await service.deployments())


async def load_project_roles(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    yield _dump(await service.project_roles())


async def load_roles(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    rows = _dump(await service.roles())
    for row in rows:
        privileges = row.get("privileges") or {}
        row["privilege_summary"] = "; ".join(f"{k}: {', '.join(v)}" for k, v in privileges.items())
    yield rows


async def load_api_clients(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    rows = _dump(await service.api_clients())
    for row in rows:
        row["scope"] = (
            "all projects"
            if row.get("all_folders")
            else (f"{len(row.get('folder_ids') or [])} project(s)")
        )
    yield rows


async def load_on_prem(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    rows = []
    for group in await service.on_prem_groups():
        row = group.model_dump(mode="python")
        status = await service.on_prem_status(group.id)
        row.update(
            status=status.status,
            active_agents=status.active_agents,
            total_agents=status.total_agents,
            agents=", ".join(
                f"{a.get('name')} ({a.get('status')})"
                for a in (status.model_dump().get("agents") or [])
            ),
        )
        rows.append(row)
    yield rows


async def load_activity(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    async for page in service.activity_pages():
        rows = []
        for entry in page:
            row = entry.model_dump(mode="python")
            row["user_name"] = (row.get("user") or {}).get("name")
            resource = row.get("resource") or {}
            row["resource_type"], row["resource_name"] = resource.get("type"), resource.get("name")
            rows.append(row)
        yield rows


async def load_customers(service: WorkspaceService, ctx: ViewContext) -> AsyncIterator[list[Row]]:
    rows = _dump(await service.customers())
    for row in rows:  # how the API addresses a customer by external id: /managed_users/EA2300
        row["api_ref"] = customer_ref(row["external_id"]) if row.get("external_id") else ""
    yield rows


async def load_customer_recipes(
    service: WorkspaceService, ctx: ViewContext
) -> AsyncIterator[list[Row]]:
    assert ctx.customer_ref is not None
    yield _dump(await service.customer_recipes(ctx.customer_ref))


_CALL_NUMBERS = itertools.count(1)


def call_row(entry: Any) -> Row:
    row = dict(entry) if isinstance(entry, dict) else dict(vars(entry))
    row["id"] = next(_CALL_NUMBERS)
    query = row.get("query") or {}
    row["query_text"] = "&".join(f"{k}={v}" for k, v in query.items())
    return row


def _schema_columns(table: Row | None) -> tuple[C, ...]:
    labels = table_columns(table) if table else []
    return (C("id", "ROW ID", align="right"), *(C(label, label.upper()) for label in labels))


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
        aliases=("r", "rcp", "recipe"),
        folder_scoped=True,
        empty_text="No recipes here",
        row_style=_recipe_style,
        opens="recipe",
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
        needs="recipe",
        empty_text="No jobs for this recipe",
        row_style=_status_style,
        opens="job",
        remembered=False,
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
            C("columns", "COLUMNS"),
            C("project_id", "PROJECT"),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_lookup_tables,
        aliases=("lt", "lookups", "tables", "lookup"),
        folder_scoped=True,
        empty_text="No lookup tables here",
        opens="rows",
    ),
    ViewSpec(
        "rows",
        "Rows",
        "lookup_rows.list",
        (),
        load_rows,
        aliases=("lr",),
        needs="table",
        empty_text="This table has no rows",
        remembered=False,
        extra={"columns_from": _schema_columns},
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
        aliases=("pr", "prole"),
    ),
    ViewSpec(
        "roles",
        "Legacy roles",
        "roles.list",
        (
            C("id", "ID", align="right"),
            C("name", "NAME", width=24),
            C("privilege_summary", "PRIVILEGES", width=60),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_roles,
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
            C("scope", "SCOPE"),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_api_clients,
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
            C("user_name", "USER", width=22),
            C("resource_type", "TYPE"),
            C("resource_name", "RESOURCE", width=40),
        ),
        load_activity,
        aliases=("act", "audit"),
    ),
    ViewSpec(
        "customers",
        "Customers",
        "customers.list",
        (
            C("id", "ID", align="right"),
            C("external_id", "EXTERNAL ID"),
            C("api_ref", "API REF"),
            C("name", "NAME", width=30),
            C("created_at", "CREATED", format=f.when),
        ),
        load_customers,
        aliases=("cu", "cust", "embedded"),
        opens="customer",
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
        needs="customer",
        empty_text="This customer has no recipes",
        row_style=_recipe_style,
        opens="customer-recipe",
        remembered=False,
    ),
    ViewSpec(
        "calls",
        "Call log",
        "users.me",
        (
            C("time", "TIME", format=f.text, width=24),
            C("method", "METHOD"),
            C("path", "PATH", width=40),
            C("query_text", "QUERY", width=24),
            C("status", "STATUS", format=f.text),
            C("duration_ms", "MS", align="right", format=lambda v: f"{v:.0f}" if v else ""),
            C("outcome", "OUTCOME"),
            C("correlation_id", "CORRELATION ID", width=34, format=f.text),
            C("detail", "DETAIL", width=60, format=f.text),  # e.g. a start refusal's items
        ),
        None,  # live: the view follows the call log (ResourceView._follow_calls)
        aliases=("log", "calllog", "api-calls"),
        remembered=False,
        live=True,
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
