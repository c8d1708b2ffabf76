"""The main screen: header, folder tree, one resource view, `:` command bar, footer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, assert_never

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen

from ..api.endpoints import endpoint
from ..views import VIEWS, ViewContext, ViewSpec, find_view, view_names
from ..views.rows import row_data
from ..views.spec import Need, Opens, Row
from ..widgets.folder_tree import FolderTree
from ..widgets.keys_footer import KeysFooter
from ..widgets.resource_view import ResourceView
from ..widgets.status_header import StatusHeader
from ..widgets.table import ResourceTable
from ..widgets.typing_focus import takes_typing

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..service.workspace import WorkspaceService
    from ..widgets.command_bar import CommandBar


# `:` commands that open a screen of their own rather than a list view
SCREEN_COMMANDS = {
    "failures": "failures",
    "inbox": "failures",
    "fj": "failures",
    "freeze": "freeze",
    "freezes": "freezes",
    "messages": "messages",
    "msgs": "messages",
}
PROFILE_COMMANDS = ("compare", "access")  # `:compare OTHER-PROFILE`, `:access`


@dataclass(frozen=True)
class Place:
    """One step of the back stack."""

    spec: ViewSpec
    context: ViewContext
    cursor_key: Any = None


class MainScreen(Screen[None]):
    AUTO_FOCUS = "ResourceTable"
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: handled before the next key is routed, so `:c` + enter at paste speed
        # lands in the command bar (check_action lets ':' be typed into inputs)
        Binding("colon", "command", "Go to", id="command", priority=True),
        Binding("escape", "back", "Back", id="back"),
        Binding("y", "raw_json", "JSON", show=False, id="raw-json"),
        Binding("ctrl+b", "toggle_tree", "Tree", show=False, id="toggle-tree"),
        Binding("ctrl+t", "focus_tree", "Focus tree", show=False, id="focus-tree"),
        Binding("F", "toggle_folder_only", "Sub-folders", show=False, id="folder-only"),
        Binding("tab", "next_pane", "Next pane", show=False, id="next-pane", priority=True),
        Binding(
            "shift+tab", "next_pane", "Previous pane", show=False, id="previous-pane", priority=True
        ),
    ]

    tree_wanted = True  # the user's choice (ctrl+b); the tree shows where it scopes the view

    def __init__(self, service: WorkspaceService, first_view: str = "recipes") -> None:
        super().__init__()
        self.service = service
        self.first_view = first_view
        self.context = ViewContext()
        self.history: list[Place] = []

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.service, id="status")
        with Horizontal(id="body"):
            yield FolderTree(self.service, id="tree")
            yield ResourceView(self.service, id="view")
        # the command bar (an Input) is mounted by the first `:`: not at start-up
        yield KeysFooter()

    @property
    def view(self) -> ResourceView:
        return self.query_one(ResourceView)

    @property
    def header(self) -> StatusHeader:
        return self.query_one(StatusHeader)

    def first_allowed_view(self) -> ViewSpec:
        """The view asked for, or else the first one the access policy lets us read."""
        wanted = find_view(self.first_view) or _view("recipes")
        if not self.service.policy.reason(endpoint(wanted.list_endpoint)):
            return wanted
        allowed = (
            v
            for v in VIEWS
            if not v.needs and not self.service.policy.reason(endpoint(v.list_endpoint))
        )
        chosen = next(allowed, wanted)
        if chosen is not wanted:
            why = self.service.policy.reason(endpoint(wanted.list_endpoint))
            self.notify(f"Opened {chosen.title} instead: {why}", title=wanted.title, timeout=10)
        return chosen

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command":
            return not takes_typing(self.focused)
        return True

    def on_mount(self) -> None:
        spec = self.first_allowed_view()
        # the tree is wanted on wide terminals (ctrl+b changes that); it shows on folder views
        self.tree_wanted = self.app.size.width >= 100
        self.go(spec, remember=False)
        self.header.stale = self.view.stale
        self.header.render_status()
        self.view.table.focus()
        self.call_after_refresh(self.offer_unfinished_freezes)  # after the first frame

    def show_last_known(self, then: Callable[[], object]) -> None:
        """Paint the view's last-known rows that are there now (a fresh home's snapshot, made
        while the first frame was painted: see primer.py), load the view again from them, and
        call `then` once they are on the terminal."""
        view = self.view
        if view.spec is not None and not view.table.total_count:
            view.show(view.spec, view.context)
            self.header.stale = view.stale
            self.header.render_status()
        # after the frame that shows them: the table registers its repaint when idle, after
        # this call is forwarded, so the screen's next refresh may not have it yet: one more
        view.table.call_after_refresh(self.call_after_refresh, then)

    # navigation ---------------------------------------------------------------------------

    def go(
        self,
        spec: ViewSpec,
        context: ViewContext | None = None,
        *,
        remember: bool = True,
        focus: bool = True,
    ) -> bool:
        context = context or self.context
        if spec.needs and getattr(context, spec.needs) is None:
            self.notify(spec.needs.hint, title=spec.title, severity="warning")
            return False
        if remember and self.view.spec is not None:
            self.history.append(
                Place(self.view.spec, self.view.context, self.view.table.current_key)
            )
        self.context = context
        self.view.show(spec, context)
        self._place_tree(spec)
        if focus:
            self.view.table.focus()
        return True

    def _place_tree(self, spec: ViewSpec) -> None:
        """The tree shows on the views it scopes (when wanted) and hides on the others."""
        tree = self.query_one(FolderTree)
        tree.display = self.tree_wanted and spec.folder_scoped
        if tree.has_focus and not tree.display:
            self.view.table.focus()

    def jump(self, name: str) -> bool:
        verb, _, argument = name.strip().partition(" ")
        if verb.lower() == "compare":
            return self.open_compare(argument.strip())
        if verb.lower() == "access" and not argument:
            return self.open_access()
        command = SCREEN_COMMANDS.get(name.strip().lower())
        if command == "failures":
            self.open_failures()
        elif command == "freezes":
            from .freezes import FreezesScreen

            self.app.push_screen(FreezesScreen(self.service))
        elif command == "freeze":
            self.open_freeze()
        elif command == "messages":
            self.app.action_messages()  # type: ignore[attr-defined]
        if command:
            return True
        spec = find_view(name)
        if spec is None:
            self.notify(
                f"No view named {name!r}. Try :recipes, :jobs, :connections, "
                ":lookup-tables, :deployments, :customers, :calls …",
                title="Go to",
                severity="warning",
            )
            return False
        context = self.context
        here = self.view.spec
        if spec.needs is Need.RECIPE and here and here.opens and here.opens.picks_recipe:
            row = self.view.table.current_row  # `:jobs` on a recipe: that recipe's jobs
            if row is not None:
                customer = self.context.customer if here.opens is Opens.RECIPE_JOBS else None
                context = self.context.with_(recipe=row, customer=customer)
        return self.go(spec, context)

    def open_failures(self) -> None:
        """The failures inbox, scoped to the customer being browsed or the chosen folder."""
        from .failures import FailuresScreen

        spec, row = self.view.spec, self.view.table.current_row
        customer = None
        if spec is not None and spec.opens is Opens.CUSTOMER_RECIPES and row is not None:
            customer = row
        elif spec is not None and spec.needs in (Need.CUSTOMER, Need.RECIPE):
            customer = self.context.customer
        context = self.context.with_(customer=customer, recipe=None)
        self.app.push_screen(FailuresScreen(self.service, context))

    @work(exclusive=True, group="freeze-scope", exit_on_error=False)
    async def open_freeze(self) -> None:
        """Freeze the recipes marked in the recipes view, or all in the chosen folder."""
        from ..api.models import Recipe  # pydantic: not for the first frame (see starting.py)
        from ..service.scope import recipes_under

        spec, marked = self.view.spec, self.view.table.marked_rows
        if spec is not None and spec.name == "recipes" and marked:
            recipes = [Recipe(id=r.id, name=r.name, running=r.running) for r in marked]
            scope = f"{len(recipes)} marked recipes"
        elif self.context.folder is not None:
            folder = self.context.folder
            recipes = await recipes_under(self.service, folder.id)
            scope = folder.path or folder.name
        else:
            self.notify(
                "Choose a folder or project in the tree (ctrl+t), or mark recipes, then :freeze",
                title="Freeze",
                severity="warning",
            )
            return
        from .freezes import FreezesScreen

        self.app.push_screen(FreezesScreen(self.service, freeze_recipes=recipes, scope=scope))

    def offer_unfinished_freezes(self) -> None:
        """After a crash mid-freeze, open the freezes on the one to finish or thaw."""
        from ..service.freeze import unfinished_freezes

        if unfinished_freezes(self.service):
            from .freezes import FreezesScreen  # imported when there is one to offer

            self.app.push_screen(FreezesScreen(self.service))

    def open_compare(self, other: str) -> bool:
        from .compare import open_compare

        return open_compare(self, other)

    def open_access(self) -> bool:
        from .access import AccessScreen

        self.app.push_screen(AccessScreen(self.service))
        return True

    def action_back(self) -> None:
        if self.view.clear_filter():
            return
        if not self.history:
            return
        place = self.history.pop()
        self.context = place.context
        self.view.show(place.spec, place.context, cursor_key=place.cursor_key)
        self._place_tree(place.spec)
        self.view.table.focus()

    async def action_command(self) -> None:
        # keys typed right after ':' wait for this action (a priority binding), then land here
        from ..widgets.command_bar import CommandBar

        bar = self.query_one_optional(CommandBar)
        if bar is None:
            names = view_names() + sorted(SCREEN_COMMANDS) + list(PROFILE_COMMANDS)
            bar = CommandBar(names, id="command-bar")
            await self.mount(bar, before=self.query_one(KeysFooter))
        bar.open()

    def on_command_bar_chosen(self, event: CommandBar.Chosen) -> None:
        self.jump(event.command)

    def action_toggle_tree(self) -> None:
        tree = self.query_one(FolderTree)
        self.tree_wanted = tree.display = not tree.display

    def action_focus_tree(self) -> None:
        tree = self.query_one(FolderTree)
        self.tree_wanted = tree.display = True
        tree.focus()

    # rows ---------------------------------------------------------------------------------

    @on(ResourceTable.RowActivated)
    def open_row(self, event: ResourceTable.RowActivated) -> None:
        spec = self.view.spec
        if spec is not None and spec.opens is not None and event.table is self.view.table:
            self.drill(spec.opens, event.row)

    def drill(self, target: Opens, row: Row) -> None:
        """Enter on a row: every drill-down of every view, in this one place."""
        context = self.context
        match target:
            case Opens.RECIPE:
                from .recipe_detail import RecipeScreen

                self.app.push_screen(RecipeScreen(self.service, row, context.with_(recipe=row)))
            case Opens.RECIPE_JOBS:
                self.go(_view("jobs"), context.with_(recipe=row))
            case Opens.CUSTOMER_RECIPES:
                self.go(_view("customer-recipes"), context.with_(customer=row, recipe=None))
            case Opens.LOOKUP_EDITOR:
                from .lookup_editor import LookupEditorScreen

                self.context = context.with_(table=row)  # `:rows` still shows it read-only
                self.app.push_screen(LookupEditorScreen(self.service, row))
            case Opens.JOB:
                from .job_detail import JobScreen

                self.app.push_screen(JobScreen(self.service, context, row))
            case Opens.JSON:  # a deployment whole (its description is cut in the list)
                self.action_raw_json()
            case _:
                assert_never(target)

    def action_raw_json(self) -> None:
        row = self.view.table.current_row
        if row is None:
            self.notify("Nothing selected", severity="warning")
            return
        from .json_view import JsonScreen

        kind = self.view.spec.title if self.view.spec else "Item"
        title = f"{kind}: {getattr(row, 'name', None) or row.id}"
        self.app.push_screen(JsonScreen(title, row_data(row)))

    @on(FolderTree.FolderChosen)
    def _folder_chosen(self, event: FolderTree.FolderChosen) -> None:
        """A new scope, not a step forward: escape must not undo it, and the tree keeps the
        focus (escape or tab leaves it)."""
        self.context = self.context.with_(folder=event.folder)
        spec = self.view.spec
        if spec is None or not spec.folder_scoped:
            spec = _view("recipes")
        self.go(spec, self.context, remember=spec is not self.view.spec, focus=False)

    def action_toggle_folder_only(self) -> None:
        """F: the chosen folder with its sub-folders, or this folder only."""
        if self.context.folder is None:
            self.notify("Choose a folder in the tree first (ctrl+t)", title="Scope")
            return
        self.context = self.context.with_(this_folder_only=not self.context.this_folder_only)
        spec = self.view.spec
        if spec is not None:
            self.go(spec, self.context, remember=False)

    def action_next_pane(self) -> None:
        """Tab / shift+tab: between the tree (when shown) and the list."""
        tree = self.query_one(FolderTree)
        if tree.has_focus or not tree.display:
            self.view.table.focus()
        else:
            tree.focus()

    @on(FolderTree.LeftTree)
    def _left_tree(self) -> None:
        self.view.table.focus()

    @on(ResourceView.Loaded)
    def _loaded(self) -> None:
        self.header.mark_refreshed()


def _view(name: str) -> ViewSpec:
    spec = find_view(name)
    assert spec is not None, name
    return spec
