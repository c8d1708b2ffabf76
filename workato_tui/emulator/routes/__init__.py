"""Route handlers, one module per resource family; importing this registers them all."""

from . import (  # noqa: F401
    activity,
    api_clients,
    connections,
    customers,
    deployments,
    folder_delete,
    folders,
    jobs,
    lookup_tables,
    on_prem,
    recipe_connect,
    recipe_versions,
    recipes,
    roles,
    users,
)
