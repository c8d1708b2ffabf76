"""Every list view of the app, reached with `:` + name or alias, or the command palette.

Rows are typed: the API's frozen models, or the row classes of `views.rows`. A computed
cell (a job's duration, a role's privileges) is a column getter, never a key added to a row.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..api.vocabulary import connection_state, customer_ref
from ..columns import ESSENTIAL, HIDES_FIRST, KEEPS
from ..columns import Column as C
from ..lookup.rows import table_columns
from . import format as f
from .loaders import (
    follow_calls,
    load_activity,
    load_api_clients,
    load_connections,
    load_customer_recipes,
    load_customers,
    load_deployments,
    load_jobs,
    load_lookup_tables,
    load_on_prem,
    load_project_roles,
    load_recipes,
    load_roles,
    load_rows,
)
from .rows import RecipeRow, call_field
from .spec import Need, Opens, Revive, ViewContext, ViewSpec

if TYPE_CHECKING:  # the first frame imports the views; the API models come after it
    from ..api.models import (
        ActivityEntry,
        Connection,
        Customer,
        DeveloperApiClient,
        LookupRow,
        Role,
    )


def _model(module: str, name: str) -> Revive:
    """A model's validator, the model imported when a remembered row is first revived (the
    first frame revives only recipes, which need no model: see `RecipeRow.revive`)."""

    def revive(data: Mapping[str, Any]) -> Any:
        model = getattr(importlib.import_module(module, __package__), name)
        return model.model_validate(data)

    return revive


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
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("name", "NAME", width=42),
            C("running", "STATE", format=f.running, priority=ESSENTIAL),
            C("trigger_application", "TRIGGER"),
            C("action_applications", "ACTIONS", format=f.apps, width=20, priority=HIDES_FIRST),
            C("job_succeeded_count", "OK", align="right", priority=ESSENTIAL),
            C("job_failed_count", "FAILED", align="right", priority=ESSENTIAL),
            C("last_run_at", "LAST RUN", format=f.age, align="right", priority=ESSENTIAL),
            C("updated_at", "UPDATED", format=f.when, priority=HIDES_FIRST),
            C("folder_id", "FOLDER", names="folder"),
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
            C("status", "STATUS", priority=ESSENTIAL),
            C("id", "JOB ID"),
            C("started_at", "STARTED", format=f.when, priority=ESSENTIAL),
            C("duration", "TIME", format=f.seconds, align="right", priority=KEEPS),
            C("repeat", "REPEAT", priority=HIDES_FIRST),
            C("error", "ERROR", width=34, format=f.text, grows=True),
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
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("name", "NAME", width=36),
            C("application", "APP", priority=KEEPS),
            C("authorization_status", "STATUS", format=connection_state, priority=ESSENTIAL),
            C("folder_id", "FOLDER", names="folder"),
            C("authorization_error", "ERROR", width=30, format=f.text),
            C("updated_at", "UPDATED", format=f.when, priority=HIDES_FIRST),
        ),
        load_connections,
        revive=_model("..api.models", "Connection"),
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
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("name", "NAME", width=30),
            C("columns", "COLUMNS", get=lambda t: ", ".join(table_columns(t))),
            C("project_id", "PROJECT", names="project", priority=KEEPS),
            C("updated_at", "UPDATED", format=f.when, priority=HIDES_FIRST),
        ),
        load_lookup_tables,
        revive=_model("..api.models", "LookupTable"),
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
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("title", "TITLE", width=30, grows=True),
            C("environment_type", "ENV", priority=KEEPS),
            C("state", "STATE", priority=ESSENTIAL),
            C("project_id", "PROJECT", names="project"),
            C("performed_by_name", "BY"),
            C("created_at", "CREATED", format=f.when, priority=KEEPS),
            C("description", "DESCRIPTION", width=40, format=f.text, priority=HIDES_FIRST),
        ),
        load_deployments,
        revive=_model("..api.models", "Deployment"),
        aliases=("dp", "deploy", "deployment"),
        opens=Opens.JSON,
        row_style=_status_style,
    ),
    ViewSpec(
        "project-roles",
        "Project roles",
        "project_roles.list",
        (
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("name", "NAME", width=24),
            C("type", "TYPE"),
            C("members_count", "MEMBERS", align="right"),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_project_roles,
        revive=_model("..api.models", "ProjectRole"),
        aliases=("pr", "prole"),
    ),
    ViewSpec(
        "roles",
        "Legacy roles",
        "roles.list",
        (
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("name", "NAME", width=24),
            C("privilege_summary", "PRIVILEGES", width=60, get=_privileges),
            C("updated_at", "UPDATED", format=f.when),
        ),
        load_roles,
        revive=_model("..api.models", "Role"),
        aliases=("rl", "legacy-roles"),
    ),
    ViewSpec(
        "api-clients",
        "API clients",
        "api_clients.list",
        (
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("name", "NAME", width=28),
            C("api_privilege_group_id", "ROLE", names="client_role", priority=KEEPS),
            C("environment_name", "ENV", priority=KEEPS),
            C("scope", "SCOPE", get=_client_scope),
            C("updated_at", "UPDATED", format=f.when, priority=HIDES_FIRST),
        ),
        load_api_clients,
        revive=_model("..api.models", "DeveloperApiClient"),
        aliases=("ac", "clients", "api"),
    ),
    ViewSpec(
        "on-prem",
        "On-prem groups",
        "on_prem.list",
        (
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("name", "NAME", width=28),
            C("status", "STATUS", priority=ESSENTIAL),
            C("active_agents", "ACTIVE", align="right", priority=KEEPS),
            C("total_agents", "AGENTS", align="right", priority=KEEPS),
            C("agents", "AGENT STATUS", width=60),
        ),
        load_on_prem,
        revive=_model(".model_rows", "OnPremRow"),
        aliases=("op", "onprem", "agents"),
        row_style=_status_style,
    ),
    ViewSpec(
        "activity",
        "Activity log",
        "activity.list",
        (
            C("timestamp", "TIME", format=f.when, priority=ESSENTIAL),
            C("event_type", "EVENT", width=24, priority=ESSENTIAL),
            C("user_name", "USER", width=22, get=_user_name),
            C("resource_type", "TYPE", get=_resource("type"), priority=HIDES_FIRST),
            C("resource_name", "RESOURCE", width=40, get=_resource("name"), grows=True),
        ),
        load_activity,
        revive=_model("..api.models", "ActivityEntry"),
        aliases=("act", "audit"),
    ),
    ViewSpec(
        "customers",
        "Customers",
        "customers.list",
        (
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("external_id", "EXTERNAL ID", priority=KEEPS),
            C("api_ref", "API REF", get=_api_ref),
            C("name", "NAME", width=30),
            C("created_at", "CREATED", format=f.when, priority=HIDES_FIRST),
        ),
        load_customers,
        revive=_model("..api.models", "Customer"),
        aliases=("cu", "cust", "embedded"),
        opens=Opens.CUSTOMER_RECIPES,
    ),
    ViewSpec(
        "customer-recipes",
        "Customer recipes",
        "customers.recipes",
        (
            C("id", "ID", align="right", priority=HIDES_FIRST),
            C("name", "NAME", width=44),
            C("running", "STATE", format=f.running, priority=ESSENTIAL),
            C("trigger_application", "TRIGGER"),
            C("action_applications", "ACTIONS", format=f.apps, priority=HIDES_FIRST),
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
            C("time", "TIME", format=f.text, width=24, get=call_field("time"), priority=KEEPS),
            C("method", "METHOD", get=call_field("method"), priority=ESSENTIAL),
            C("path", "PATH", width=40, get=call_field("path"), grows=True),
            C("query_text", "QUERY", width=24, priority=HIDES_FIRST),
            C("status", "STATUS", format=f.text, get=call_field("status"), priority=ESSENTIAL),
            C(
                "duration_ms",
                "MS",
                align="right",
                format=lambda v: f"{v:.0f}" if v else "",
                get=call_field("duration_ms"),
            ),
            C("outcome", "OUTCOME", get=call_field("outcome"), priority=KEEPS),
            C(
                "correlation_id",
                "CORRELATION ID",
                width=34,
                format=f.text,
                get=call_field("correlation_id"),
            ),
            # e.g. a start refusal's items
            C(
                "detail",
                "DETAIL",
                width=60,
                format=f.text,
                get=call_field("detail"),
                priority=HIDES_FIRST,
            ),
        ),
        None,
        aliases=("log", "calllog", "api-calls"),
        follow=follow_calls,
        sorted_by="time",  # calls are recorded as they end; shown in the order they began
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
