"""What goes with a folder when it is deleted: its sub-folders, recipes and connections.

Read through the service's cached reads (folders by parent, recipes and connections by
folder), so the delete confirmation can say exactly what the typed name will destroy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .workspace import WorkspaceService


@dataclass
class FolderContents:
    folders: list[str] = field(default_factory=list)  # sub-folder paths, under the folder
    recipes: list[str] = field(default_factory=list)
    running: list[str] = field(default_factory=list)  # the recipes still running
    connections: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """'2 sub-folders, 5 recipes (1 running), 3 connections'."""
        running = f" ({len(self.running)} running)" if self.running else ""
        return (
            f"{_count(len(self.folders), 'sub-folder')}, "
            f"{_count(len(self.recipes), 'recipe')}{running}, "
            f"{_count(len(self.connections), 'connection')}"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


async def folder_contents(service: WorkspaceService, folder_id: int) -> FolderContents:
    """Walk the folder's subtree and list what it holds."""
    found = FolderContents()
    pending: list[tuple[int, str]] = [(folder_id, "")]
    while pending:
        current, path = pending.pop(0)
        for child in sorted(await service.folders(current), key=lambda f: f.name.lower()):
            child_path = f"{path}{child.name}"
            found.folders.append(child_path)
            pending.append((child.id, child_path + " / "))
        async for page in service.recipe_pages(current):
            for recipe in page:
                if recipe.folder_id == current:
                    found.recipes.append(recipe.name)
                    if recipe.running:
                        found.running.append(recipe.name)
        connections = await service.connections(current)
        found.connections += [c.name for c in connections if c.folder_id == current]
    return found
