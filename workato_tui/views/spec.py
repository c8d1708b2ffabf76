"""The shape of a list view: columns, loader, what it needs and what `enter` opens."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, replace
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any

from ..columns import Column
from ..service.families import Family  # (light: an enum)

if TYPE_CHECKING:  # (the first frame imports the views; the API models come after it)
    from ..api.models import Customer
    from ..api.models_admin import LookupTable
    from ..service.workspace import WorkspaceService
    from .model_rows import TreeFolder
    from .rows import RecipeRow

Row = Any  # a view's typed row: a frozen API model or a row class of views.rows
Loader = Callable[["WorkspaceService", "ViewContext"], AsyncIterator[list[Row]]]
Revive = Callable[[Mapping[str, Any]], Row]  # a remembered row (see `row_data`) back
# A live view's feed: given where to send each new row, the rows so far and how to stop
Follow = Callable[["WorkspaceService", Callable[[Row], None]], tuple[list[Row], Callable[[], None]]]


class Need(StrEnum):
    """The context a view requires (the `ViewContext` field of that name)."""

    RECIPE = "recipe"
    CUSTOMER = "customer"
    TABLE = "table"

    @property
    def hint(self) -> str:
        return {
            Need.RECIPE: "Pick a recipe first (in :recipes or :customer-recipes), then open its jobs.",
            Need.CUSTOMER: "Pick a customer first in :customers.",
            Need.TABLE: "Pick a lookup table first in :lookup-tables.",
        }[self]


class Opens(Enum):
    """What enter on a row of a view opens (see `screens.main.MainScreen.drill`)."""

    RECIPE = "the recipe screen"
    RECIPE_JOBS = "the jobs of a customer's recipe"
    CUSTOMER_RECIPES = "the customer's recipes"
    LOOKUP_EDITOR = "the lookup editor"
    JOB = "the job screen"
    JSON = "the row whole, as JSON"

    @property
    def picks_recipe(self) -> bool:
        """The row is a recipe: `:jobs` from here shows its jobs."""
        return self in (Opens.RECIPE, Opens.RECIPE_JOBS)


@dataclass(frozen=True)
class ViewContext:
    """Where the user is: the folder picked in the tree, and the item a view drills into."""

    folder: TreeFolder | None = None
    recipe: RecipeRow | None = None
    customer: Customer | None = None
    table: LookupTable | None = None
    this_folder_only: bool = False  # False: the folder with its sub-folders

    def with_(self, **changes: Any) -> ViewContext:
        return replace(self, **changes)

    @property
    def customer_ref(self) -> str | None:
        """How the API addresses the customer: its numeric id."""
        return str(self.customer.id) if self.customer else None


# The views whose cache family is not named as the view is.
_FAMILY_OF_VIEW = {
    "lookup-tables": "lookup_tables",
    "rows": "lookup_rows",
    "project-roles": "roles",
    "api-clients": "api_clients",
    "on-prem": "on_prem",
    "customer-recipes": "customers",
}


@dataclass(frozen=True)
class ViewSpec:
    name: str
    title: str
    list_endpoint: str  # for permission checks and 403 messages
    columns: tuple[Column, ...]
    load: Loader | None  # None for a live view (see `follow`)
    aliases: tuple[str, ...] = ()
    needs: Need | None = None
    folder_scoped: bool = False
    empty_text: str = "Nothing here"
    row_style: Callable[[Row], str | None] | None = None
    opens: Opens | None = None
    revive: Revive | None = None  # set: the rows may go in the last-known snapshot
    follow: Follow | None = None  # a live view: follows a feed instead of loading
    sorted_by: str | None = None  # the column a view is sorted by until the user sorts it
    # columns that depend on the context (a lookup table's own columns), else `columns`
    columns_from: Callable[[ViewContext], tuple[Column, ...]] | None = None

    def columns_for(self, context: ViewContext) -> tuple[Column, ...]:
        return self.columns_from(context) if self.columns_from else self.columns

    def snapshot_key(self, context: ViewContext) -> str | None:
        if self.revive is None or self.needs:
            return None
        folder = context.folder.id if (self.folder_scoped and context.folder) else "all"
        only = ":only" if self.folder_scoped and context.folder and context.this_folder_only else ""
        return f"{self.name}:{folder}{only}"

    @property
    def family(self) -> Family:
        """The family its rows are cached under (what ctrl+r makes the service forget)."""
        return Family(_FAMILY_OF_VIEW.get(self.name, self.name))

    def revived(self, rows: list[Any]) -> list[Row] | None:
        """Remembered rows as typed rows again (from disk they are plain data); None when a
        file from another version does not fit (the view then just loads), or the view keeps
        none."""
        if self.revive is None:
            return None
        try:
            return [self.revive(row) if isinstance(row, Mapping) else row for row in rows]
        except (ValueError, TypeError, KeyError):  # pydantic's ValidationError is a ValueError
            return None

    def crumb(self, context: ViewContext) -> list[str]:
        parts = []
        if self.folder_scoped and context.folder:
            where = context.folder.path or context.folder.name
            scope = "this folder only" if context.this_folder_only else "with sub-folders"
            parts.append(f"{where} ({scope})")
        if context.customer and self.needs in (Need.CUSTOMER, Need.RECIPE):
            parts.append(str(context.customer.name))
        if context.recipe and self.needs is Need.RECIPE:
            parts.append(context.recipe.name)
        if context.table and self.needs is Need.TABLE:
            parts.append(context.table.name)
        return [*parts, self.title]
