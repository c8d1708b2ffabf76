"""The shape of a list view: columns, loader, what it needs and what `enter` opens."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..columns import Column

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService

Row = dict[str, Any]
Loader = Callable[["WorkspaceService", "ViewContext"], AsyncIterator[list[Row]]]


@dataclass(frozen=True)
class ViewContext:
    """Where the user is: the folder picked in the tree, and the item a view drills into."""

    folder: Row | None = None  # {"id", "name", "project_id", "path"}
    recipe: Row | None = None
    customer: Row | None = None
    table: Row | None = None
    this_folder_only: bool = False  # False: the folder with its sub-folders

    def with_(self, **changes: Any) -> ViewContext:
        return replace(self, **changes)

    @property
    def customer_ref(self) -> str | None:
        """How the API addresses the customer: its numeric id."""
        return str(self.customer["id"]) if self.customer else None


@dataclass(frozen=True)
class ViewSpec:
    name: str
    title: str
    list_endpoint: str  # for permission checks and 403 messages
    columns: tuple[Column, ...]
    load: Loader | None  # None for a live view
    aliases: tuple[str, ...] = ()
    needs: str | None = None  # "recipe", "customer" or "table": context the view requires
    folder_scoped: bool = False
    empty_text: str = "Nothing here"
    row_style: Callable[[Mapping[str, Any]], str | None] | None = None
    opens: str | None = None  # what enter does (see screens.main.MainScreen.open_row)
    remembered: bool = True  # may go in the last-known snapshot (never jobs)
    live: bool = False  # follows a feed instead of loading (the call log)
    extra: dict[str, Any] = field(default_factory=dict)

    def snapshot_key(self, context: ViewContext) -> str | None:
        if not self.remembered or self.needs:
            return None
        folder = context.folder["id"] if (self.folder_scoped and context.folder) else "all"
        only = ":only" if self.folder_scoped and context.folder and context.this_folder_only else ""
        return f"{self.name}:{folder}{only}"

    def crumb(self, context: ViewContext) -> list[str]:
        parts = []
        if self.folder_scoped and context.folder:
            where = context.folder.get("path") or context.folder["name"]
            scope = "this folder only" if context.this_folder_only else "with sub-folders"
            parts.append(f"{where} ({scope})")
        if context.customer and self.needs in ("customer", "recipe"):
            parts.append(str(context.customer.get("name")))
        if context.recipe and self.needs == "recipe":
            parts.append(str(context.recipe.get("name")))
        if context.table and self.needs == "table":
            parts.append(str(context.table.get("name")))
        return [*parts, self.title]
