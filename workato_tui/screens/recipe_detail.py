"""A recipe: its fields, connections, apps, state, job counts, recent outcomes, and below
them its jobs or (v) its versions. C switches the connection one of its steps uses."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..api.errors import WorkatoError
from ..service.names import NameKind
from ..views import ViewContext, find_view
from ..views import format as fmt
from ..views.rows import RecipeRow, row_data
from ..widgets.keys_footer import KeysFooter
from ..widgets.recipe_versions import versions_table
from ..widgets.resource_view import ResourceView
from ..widgets.table import ResourceTable
from ..write_catalog import RECIPE_DELETE, bind_writes
from .item_writes import ItemScreen

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService

OUTCOME_STYLE = {"succeeded": "green", "failed": "red", "pending": "yellow"}


def field_grid(pairs: list[tuple[str, Any]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in pairs:
        grid.add_row(label, value if isinstance(value, Text) else Text(fmt.text(value)))
    return grid


def side_by_side(pairs: list[tuple[str, Any]]) -> Table:
    """Two label/value pairs a row, each cut to one line: the recipe's fields on small screens."""
    grid = Table.grid(padding=(0, 1), expand=True)
    for _ in range(2):
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    for (left, lvalue), (right, rvalue) in zip(pairs[::2], [*pairs[1::2], ("", "")], strict=False):
        grid.add_row(left, _cell(lvalue), right, _cell(rvalue))
    return grid


def _cell(value: Any) -> Text:
    return value if isinstance(value, Text) else Text(fmt.text(value))


# The recipe's writes share one footer label, so the jobs pane's keys and `? Keys` still fit.
WRITE_KEYS = Binding.Group("Recipe", compact=False)
COMPACT_BELOW = 30  # terminal rows: below this the header block packs into a few lines


def outcome_strip(jobs: list[dict[str, Any]]) -> Text:
    """Recent job outcomes, oldest left: one coloured block per job."""
    strip = Text()
    for job in reversed(jobs):
        strip.append("▇", style=OUTCOME_STYLE.get(job.get("status") or "", "dim"))
    return strip


class RecipeScreen(ItemScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="recipe-back"),
        Binding("y", "raw_json", "JSON", id="recipe-json", show=False),  # in ?, not the footer
        Binding("v", "toggle_versions", "Versions", id="recipe-versions"),
    ]

    DEFAULT_CSS = """
    RecipeScreen #versions { height: 1fr; display: none; padding: 0 1; }
    RecipeScreen Footer.-compact FooterLabel { margin-right: 1; }
    RecipeScreen.-compact #connections, RecipeScreen.-compact #outcomes {
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    RecipeScreen.-versions #versions { display: block; }
    RecipeScreen.-versions #jobs, RecipeScreen.-versions #fields { display: none; }
    """

    def __init__(self, service: WorkspaceService, recipe: RecipeRow, context: ViewContext) -> None:
        super().__init__(
            service,
            context,
            recipe,
            reread=self._reread,
            offered=context.customer is None,  # the endpoints take the workspace's recipes only
            gone=RECIPE_DELETE,
            on_gone=self._deleted,
        )
        bind_writes(self, "recipe", WRITE_KEYS)  # each write's key, as declared

    @property
    def recipe(self) -> RecipeRow:
        """The recipe as last read (a write here reads it afresh)."""
        return self.writes.item  # type: ignore[no-any-return]

    @recipe.setter
    def recipe(self, recipe: RecipeRow) -> None:
        self.writes.item = recipe

    def compose(self) -> ComposeResult:
        title = f" Recipe {self.recipe.id}: {self.recipe.name}"
        yield Static(title, classes="screen-title", markup=False)
        yield Static(self._fields(), id="fields", classes="detail-fields")
        yield Static(
            "Connections: loading…", id="connections", classes="detail-fields", markup=False
        )
        yield Static(
            "Recent outcomes: loading…", id="outcomes", classes="detail-fields", markup=False
        )
        yield ResourceView(self.service, id="jobs")
        with VerticalScroll(id="versions"):
            yield Static("Versions: loading…", id="versions-table")
        yield KeysFooter(screen_first=True)  # its writes and esc before the jobs pane's keys

    def on_mount(self) -> None:
        spec = find_view("jobs")
        assert spec is not None
        jobs = self.query_one(ResourceView)
        jobs.show(spec, self.context)
        jobs.table.focus()
        self.load_details()

    @property
    def compact(self) -> bool:
        return self.app.size.height < COMPACT_BELOW

    def on_resize(self) -> None:
        self.set_class(self.compact, "-compact")
        self.query_one("#fields", Static).update(self._fields())

    def _fields(self) -> Table:
        r = self.recipe
        jobs = f"{r.job_succeeded_count} succeeded, {r.job_failed_count} failed"
        state = Text(fmt.running(r.running), style="green" if r.running else "yellow")
        if self.compact:  # 80x24: four lines, so at least ten jobs show below
            return side_by_side(
                [
                    ("State", state),
                    ("Jobs", jobs),
                    ("Trigger", r.trigger_application),
                    ("Last run", fmt.when(r.last_run_at)),
                    ("Actions", fmt.apps(r.action_applications)),
                    ("Version", r.version_no),
                    ("Folder / project", self._place()),
                    ("Author", r.author_name),
                ]
            )
        return field_grid(
            [
                ("State", state),
                ("Trigger", r.trigger_application),
                ("Actions", fmt.apps(r.action_applications)),
                ("Folder / project", self._place()),
                ("Version", r.version_no),
                ("Author", r.author_name),
                ("Jobs", jobs),
                ("Last run", fmt.when(r.last_run_at)),
                ("Updated", fmt.when(r.updated_at)),
                ("Stop cause", r.stop_cause or ""),
                ("Description", r.description or ""),
            ]
        )

    def _place(self) -> str:
        """Its folder and project by name (ids until the lists that name them are read)."""
        names = self.service.names
        folder = names.label(NameKind.FOLDER, self.recipe.folder_id)
        return f"{folder} / {names.label(NameKind.PROJECT, self.recipe.project_id)}"

    @work(group="recipe-details", exit_on_error=False)
    async def load_details(self) -> None:
        await self.service.learn_folder(self.recipe.folder_id, self.recipe.project_id)
        self.query_one("#fields", Static).update(self._fields())
        await self._load_connections()
        await self._load_outcomes()

    @on(ResourceView.Loaded)
    def _jobs_read(self) -> None:
        """The jobs were read (again: ctrl+r, after a repeat): counts and outcomes follow them,
        from the same cached first page (no request of their own)."""
        self.run_worker(self._load_outcomes(), group="recipe-outcomes", exclusive=True)

    async def _load_outcomes(self) -> None:
        try:
            page = await self.service.job_page(self.recipe.id, customer=self.context.customer_ref)
        except WorkatoError as error:
            self.query_one("#outcomes", Static).update(f"Recent outcomes: {error.message}")
            return
        ok, failed = page.job_succeeded_count, page.job_failed_count
        r = self.recipe
        if (
            ok is not None
            and failed is not None
            and (ok, failed)
            != (
                r.job_succeeded_count,
                r.job_failed_count,
            )
        ):
            self.recipe = replace(r, job_succeeded_count=ok, job_failed_count=failed)
            self.query_one("#fields", Static).update(self._fields())
        jobs = [j.model_dump() for j in page.items[:60]]
        line = Text("Recent outcomes ")
        line.append_text(outcome_strip(jobs))
        line.append(
            f"  ({page.job_succeeded_count} succeeded, {page.job_failed_count} failed "
            f"of {page.job_count})",
            style="dim",
        )
        self.query_one("#outcomes", Static).update(line)

    async def _load_connections(self) -> None:
        target = self.query_one("#connections", Static)
        config = self.recipe.config
        if self.context.customer is not None:
            target.update("Connections: " + ", ".join(c.provider or "?" for c in config))
            return
        try:
            connections = {c.id: c for c in await self.service.connections()}
        except WorkatoError as error:
            target.update(f"Connections: {error.message}")
            return
        line = Text("Connections ")
        for entry in config:
            found = connections.get(entry.account_id) if entry.account_id is not None else None
            if found is None:
                line.append(f" {entry.provider}: not connected ", style="red")
            else:
                ok = found.state == "connected"
                line.append(f" {found.name} ", style="green" if ok else "red")
                if not ok:
                    line.append(f"({found.state}) ", style="red")
        target.update(line if config else "Connections: none")

    # versions -----------------------------------------------------------------------------

    @property
    def showing_versions(self) -> bool:
        return self.has_class("-versions")

    def action_toggle_versions(self) -> None:
        """Switch the lower pane between the recipe's jobs and its versions."""
        if self.context.customer is not None:
            self.notify("Versions are only listed for the workspace's own recipes.")
            return
        self.toggle_class("-versions")
        if self.showing_versions:
            self.query_one("#versions", VerticalScroll).focus()
            self.load_versions()
        else:
            self.query_one(ResourceView).table.focus()

    @work(exclusive=True, group="recipe-versions", exit_on_error=False)
    async def load_versions(self) -> None:
        target = self.query_one("#versions-table", Static)
        try:
            versions = await self.service.recipe_versions(self.recipe.id)
        except WorkatoError as error:
            target.update(Text(f"Versions: {error.describe()}", style="red"))
            return
        target.update(versions_table(versions, self.recipe.version_no))

    # writes: offered, run and followed by a fresh read in ItemWrites (see ItemScreen) ------

    async def _reread(self) -> RecipeRow:
        """After a write: the recipe afresh (state, version, stop cause) and its connections."""
        self.recipe = RecipeRow.of(await self.service.recipe(self.recipe.id))
        self.query_one("#fields", Static).update(self._fields())
        await self._load_connections()
        return self.recipe

    def _deleted(self) -> None:
        if self.app.screen is self:
            self.leave()

    @on(ResourceTable.RowActivated)
    def _open_job(self, event: ResourceTable.RowActivated) -> None:
        from .job_detail import JobScreen

        self.app.push_screen(JobScreen(self.service, self.context, event.row))

    def action_back(self) -> None:
        if not self.query_one(ResourceView).clear_filter():
            self.leave()

    def leave(self) -> None:
        """Back to the list; after a write here, it reloads (the write made it stale)."""
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        self.app.pop_screen()
        if self.writes.changed and below is not None:
            for view in below.query(ResourceView):
                if view.spec is not None:
                    view.show(view.spec, view.context)

    def action_raw_json(self) -> None:
        from .json_view import JsonScreen

        self.app.push_screen(JsonScreen(f"Recipe {self.recipe.name}", row_data(self.recipe)))
