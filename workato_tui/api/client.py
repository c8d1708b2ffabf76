"""`WorkatoClient`: one typed async method per endpoint of `api/endpoints.py`.

    async with WorkatoClient(token, data_center="eu") as client:
        recipes = await client.list_recipes(running=True)
        async for job in client.iter_jobs(recipes[0].id):
            ...

Every call goes through the same path (`core.BaseClient._request`): the `before_send` policy
hook, the rate limiter, one send bounded by the request timeout, decoding into a typed model or
a `WorkatoError`, retries per policy, and an `on_call` record per attempt.
"""

from __future__ import annotations

from .core import BaseClient
from .resources.admin import AdminMixin
from .resources.connections import ConnectionsMixin
from .resources.customers import CustomersMixin
from .resources.folders import FoldersMixin
from .resources.lookup import LookupMixin
from .resources.recipes import RecipesMixin


class WorkatoClient(
    RecipesMixin,
    ConnectionsMixin,
    FoldersMixin,
    LookupMixin,
    AdminMixin,
    CustomersMixin,
    BaseClient,
):
    """The Workato Developer API over one shared `httpx.AsyncClient`.

    Build it from a `base_url` (https, or http for loopback hosts only) or a `data_center`
    name, and an API token (sent only as `Authorization: Bearer`, never shown). Inject an
    httpx `transport` to talk to the emulator in process.
    """


# The method that calls each endpoint (a test checks every endpoint has one).
ENDPOINT_METHODS: dict[str, str] = {
    "recipes.list": "list_recipes",
    "recipes.get": "get_recipe",
    "recipes.create": "create_recipe",
    "recipes.copy": "copy_recipe",
    "recipes.update": "update_recipe",
    "recipes.start": "start_recipe",
    "recipes.stop": "stop_recipe",
    "recipes.delete": "delete_recipe",
    "recipes.connect": "connect_recipe",
    "recipes.versions": "list_recipe_versions",
    "jobs.list": "list_jobs",
    "jobs.get": "get_job",
    "jobs.resume": "resume_job",
    "jobs.repeat": "repeat_jobs",
    "connections.list": "list_connections",
    "connections.create": "create_connection",
    "connections.update": "update_connection",
    "connections.disconnect": "disconnect_connection",
    "connections.delete": "delete_connection",
    "folders.list": "list_folders",
    "folders.create": "create_folder",
    "folders.update": "update_folder",
    "folders.delete": "delete_folder",
    "projects.list": "list_projects",
    "projects.update": "update_project",
    "projects.delete": "delete_project",
    "projects.deploy": "deploy_project",
    "projects.build": "build_project",
    "project_builds.deploy": "deploy_build",
    "deployments.list": "list_deployments",
    "deployments.get": "get_deployment",
    "project_builds.get": "get_project_build",
    "lookup_tables.list": "list_lookup_tables",
    "lookup_tables.lookup": "lookup_row",
    "lookup_rows.list": "list_lookup_rows",
    "lookup_rows.get": "get_lookup_row",
    "lookup_rows.create": "add_lookup_row",
    "lookup_rows.update": "update_lookup_row",
    "lookup_rows.delete": "delete_lookup_row",
    "project_roles.list": "list_project_roles",
    "roles.list": "list_roles",
    "api_clients.list": "list_api_clients",
    "api_clients.roles": "list_api_client_roles",
    "api_clients.create": "create_api_client",
    "api_clients.regenerate": "regenerate_api_client",
    "api_clients.delete": "delete_api_client",
    "on_prem.list": "list_on_prem_groups",
    "on_prem.status": "get_on_prem_status",
    "activity.list": "list_activity",
    "users.me": "get_me",
    "customers.list": "list_customers",
    "customers.recipes": "list_customer_recipes",
    "customers.recipe": "get_customer_recipe",
    "customers.jobs.list": "list_customer_jobs",
    "customers.jobs.get": "get_customer_job",
    "customers.jobs.repeat": "repeat_customer_jobs",
}

# Paged lists and the iterator that walks all their pages.
PAGED_METHODS: dict[str, str] = {
    "recipes.list": "iter_recipes",
    "jobs.list": "iter_jobs",
    "recipes.versions": "iter_recipe_versions",
    "folders.list": "iter_folders",
    "projects.list": "iter_projects",
    "lookup_tables.list": "iter_lookup_tables",
    "lookup_rows.list": "iter_lookup_rows",
    "project_roles.list": "iter_project_roles",
    "roles.list": "iter_roles",
    "api_clients.list": "iter_api_clients",
    "api_clients.roles": "iter_api_client_roles",
    "activity.list": "iter_activity",
    "customers.list": "iter_customers",
    "customers.recipes": "iter_customer_recipes",
    "customers.jobs.list": "iter_customer_jobs",
}
