"""Route handlers, one module per resource family; importing this registers them all."""

from . import (  # noqa: F401
    activity,
    api_clients,
    connections,
    customers,
    folders,
    jobs,
    lookup_tables,
    on_prem,
    recipes,
    roles,
    users,
)
