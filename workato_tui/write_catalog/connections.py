"""The writes on connections and API clients."""

from __future__ import annotations

from .record import WriteAction, declare

CONNECTIONS = ("connections",)
API_CLIENTS = ("api-clients",)

CONNECTION_NEW = declare(
    WriteAction(
        id="connection-new",
        key="n",
        label="New",
        verb="Create connection",
        endpoint_id="connections.create",
        views=CONNECTIONS,
        creates=True,
    )
)

CONNECTION_EDIT = declare(
    WriteAction(
        id="connection-edit",
        key="e",
        label="Edit",
        verb="Update connection",
        endpoint_id="connections.update",
        views=CONNECTIONS,
    )
)

CONNECTION_DISCONNECT = declare(
    WriteAction(
        id="connection-disconnect",
        key="x",
        label="Disconnect",
        verb="Disconnect connection",
        endpoint_id="connections.disconnect",
        views=CONNECTIONS,
    )
)

CONNECTION_DELETE = declare(
    WriteAction(
        id="connection-delete",
        key="D",
        label="Delete",
        verb="Delete connection",
        endpoint_id="connections.delete",
        views=CONNECTIONS,
        irreversible=True,
    )
)

API_CLIENT_NEW = declare(
    WriteAction(
        id="api-client-new",
        key="n",
        label="New",
        verb="Create API client",
        endpoint_id="api_clients.create",
        views=API_CLIENTS,
        creates=True,
    )
)

API_CLIENT_REGENERATE = declare(
    WriteAction(
        id="api-client-regenerate",
        key="R",
        label="Regenerate",
        verb="Regenerate token",
        endpoint_id="api_clients.regenerate",
        views=API_CLIENTS,
        irreversible=True,
    )
)

API_CLIENT_DELETE = declare(
    WriteAction(
        id="api-client-delete",
        key="D",
        label="Delete",
        verb="Delete API client",
        endpoint_id="api_clients.delete",
        views=API_CLIENTS,
        irreversible=True,
    )
)
