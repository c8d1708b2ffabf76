"""The writes: each declared once with `@write(...)` next to its handler (see `registry`).

Importing the package imports every handler module, so every write is declared."""

from . import api_clients, connections, folder_delete, folders, jobs, recipe_connect, recipes

__all__ = [
    "api_clients",
    "connections",
    "folder_delete",
    "folders",
    "jobs",
    "recipe_connect",
    "recipes",
]
