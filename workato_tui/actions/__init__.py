"""The write handlers: each names the write it runs, `@handles(RECIPE_STOP)` (see `registry`);
the writes themselves are declared in `write_catalog`.

Importing the package imports every handler module, so every write has its handler. The app
imports it with the first write (it pulls in the form and confirm screens).
"""

from . import (
    api_clients,
    connections,
    deployments,
    folder_delete,
    folders,
    jobs,
    recipe_connect,
    recipes,
)

__all__ = [
    "api_clients",
    "connections",
    "deployments",
    "folder_delete",
    "folders",
    "jobs",
    "recipe_connect",
    "recipes",
]
