"""The writes: each declared once with `@write(...)` next to its handler (see `registry`).

Importing the package imports every handler module, so every write is declared. The order
below is the order their keys appear in the footer.
"""

# ruff: noqa: I001
from . import recipes, jobs, connections, api_clients
from . import folders, folder_delete, recipe_connect

__all__ = [
    "api_clients",
    "connections",
    "folder_delete",
    "folders",
    "jobs",
    "recipe_connect",
    "recipes",
]
