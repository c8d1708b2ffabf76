"""`ResourceView`: a breadcrumb line, the one table widget, and a `/` filter box.

It loads a `ViewSpec` page by page (the first page shows after the first request), shows a
last-known snapshot marked stale while it refreshes, and turns failures into an error state
that says what failed, why, and what to do.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from ..api.errors import WorkatoError
from ..columns import Column
from ..service.names import NameKind
from ..views.spec import Follow, Row, ViewContext, ViewSpec
from ..write_catalog import (
    BY_ID,
    WriteAction,
    bind_writes,
    blocked_reason,
    find_action,
    say_why_disabled,
    state_reason,
)
from .crumbs import Crumbs
from .table import ResourceTable
from .typing_focus import takes_typing
from .view_text import NOT_LOADED, crumbs_parts, failure_text
from .write_request import ErrorRaised, WriteRequested

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


class ResourceView(Vertical):
    """One list view at a time, k9s-style."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: handled before the next key is routed, so `/text` typed at paste speed
        # lands in the filter box (see check_action for typing '/' into an input)
        Binding("slash", "start_filter", "Filter", id="filter", priority=True),
        Binding("ctrl+r", "refresh", "Refresh", id="refresh"),
        Binding("s", "sort_next", "Sort", show=False, id="sort"),
        Binding("S", "sort_reverse", "Reverse sort", show=False, id="sort-reverse"),
    ]

    DEFAULT_CSS = """
    ResourceView { height: 1fr; }
    ResourceView > #crumbs { height: 1; padding: 0 1; background: $boost; color: $text; }
    ResourceView > #filter { display: none; height: 3; }
    ResourceView > #filter.-active { display: block; }
    ResourceView > #view-error {
        display: none; height: auto; max-height: 50%; padding: 1 2; color: $text-error;
        overflow-y: auto;
    }
    ResourceView.-failed > #view-error { display: block; }
    ResourceView.-failed > #table { height: 1fr; }
    """

    @dataclass
    class Loaded(Message):
        view: ResourceView
        rows: int

    def __init__(self, service: WorkspaceService, *, id: str | None = None) -> None:
        super().__init__(id=id)
        bind_writes(self, "views")  # each write's key, as declared in actions/
        self.service = service
        self.spec: ViewSpec | None = None
        self.context = ViewContext()
        self.stale = False
        self.loading_pages = False
        self.refreshed = 0  # rows refreshed in place so far (see load)
        self._unsubscribe: Any = None
        self._restore_key: Any = None
        self._failure: str | None = None
        self._sorts: dict[str, tuple[str | None, bool]] = {}  # view name -> (column, reversed)

    def compose(self) -> ComposeResult:
        yield Crumbs(id="crumbs")
        yield Static("", id="view-error", markup=False)  # a failed load, wrapped in full
        yield ResourceTable(id="table")
        # the filter box (an Input) is mounted by the first `/`: not at start-up

    @property
    def table(self) -> ResourceTable:
        return self.query_one(ResourceTable)

    @property
    def filter_input(self) -> Input | None:
        """The `/` box, once the first `/` has mounted it."""
        return self.query_one_optional("#filter", Input)

    async def _open_filter_box(self) -> Input:
        box = self.filter_input
        if box is None:
            from .filter_input import FilterInput

            box = FilterInput(
                leave_to=lambda: self.table,
                placeholder="filter (! inverts) - enter keeps it, escape clears",
                id="filter",
            )
            await self.mount(box)
        box.add_class("-active")
        return box

    # showing a view ---------------------------------------------------------------------

    def show(
        self, spec: ViewSpec, context: ViewContext, *, refresh: bool = False, cursor_key: Any = None
    ) -> None:
        """Show a view; `cursor_key` puts the cursor back on that row once it has loaded."""
        self._stop_following()
        self._restore_key = cursor_key
        same = self.spec is spec and self.context == context
        if self.spec is not None:  # each view keeps its own sort
            self._sorts[self.spec.name] = (self.table.sort_key, self.table.sort_reverse)
        self.spec, self.context = spec, context
        table = self.table
        if not same:  # first: the old rows are of another type than the new columns read
            table.set_filter("")
            if (box := self.filter_input) is not None:
                box.value = ""
            table.clear()
        table.set_columns(self._named(spec.columns_for(context)))
        table.row_style = spec.row_style
        table.empty_text = spec.empty_text
        self._set_failure(None)
        sort_key, reverse = self._sorts.get(spec.name, (spec.sorted_by, False))
        if table.sort_key != sort_key or (sort_key and table.sort_reverse != reverse):
            table.sort_by(sort_key, reverse=reverse)
        if spec.follow is not None:
            self._follow(spec.follow)
        elif self._show_last_known(spec, context, refresh):
            # paint the last-known rows first, then refresh them in place
            self.call_after_refresh(self.load, refresh)
        else:
            self.load(refresh)
        self.update_crumbs()
        self.refresh_bindings()

    def _show_last_known(self, spec: ViewSpec, context: ViewContext, refresh: bool) -> bool:
        """Show the snapshot's rows for this view, marked stale, if the table is empty."""
        key = spec.snapshot_key(context)
        rows = self.service.last_known(key) if key and not refresh else None
        if rows is not None and spec.revive is not None:
            rows = spec.revived(rows)
        self.stale = rows is not None and not self.table.total_count
        if self.stale and rows is not None:
            self.table.set_rows(rows)
            self._restore_cursor()
        return self.stale

    @work(exclusive=True, group="view-load", exit_on_error=False)
    async def load(self, refresh: bool = False) -> None:
        spec, context = self.spec, self.context
        assert spec is not None and spec.load is not None  # a live view never loads
        await self.service.started()  # built after the first frame (see starting.py)
        if refresh:
            self.service.refresh(spec.family)
        table = self.table
        table.loading = not table.total_count
        self.loading_pages = True
        self.update_crumbs()
        # Rows on screen (last-known ones, or ctrl+r): pages update them in place, and the
        # fresh rows replace them, in the API's order, once all have arrived.
        kinds = {NameKind(c.names) for c in table.columns if c.names}
        if kinds:  # the lists that name this view's ids (cached: none per row)
            await self.service.learn_names(*kinds)
        fresh: list[Any] | None = [] if table.total_count else None
        loaded = self.refreshed = 0
        try:
            async for page in spec.load(self.service, context):
                if self.spec is not spec or self.context != context:
                    return  # the user moved on: drop the stale result
                loaded += len(page)
                if fresh is not None:
                    fresh.extend(page)
                    table.merge_rows(page)
                    self.refreshed = loaded
                else:
                    (table.append_rows if loaded > len(page) else table.set_rows)(page)
                table.loading = False
                self._restore_cursor()
                self.update_crumbs()
                await asyncio.sleep(0)  # let the page paint before the next one arrives
            if fresh is not None or not loaded:
                table.set_rows(fresh or [])  # what is gone goes (marks too); cursor stays
            self._set_failure(None)
            self.stale = False
            key = spec.snapshot_key(context)
            if key:
                self.service.memory.remember(key, table.stored_rows)  # the rows themselves
            self.post_message(self.Loaded(self, loaded))
        except WorkatoError as error:
            self._show_failure(spec, error)
        finally:
            table.loading = False
            self.loading_pages = False
            self.update_crumbs()

    def _named(self, columns: Iterable[Column]) -> list[Column]:
        """Columns of ids the workspace names show the names (see service.names)."""
        names = self.service.names

        def named(column: Column) -> Column:
            if column.names is None:
                return column
            kind, read = NameKind(column.names), column.value
            # the name is the cell's value: shown, searched and sorted by
            return replace(column, get=lambda row: names.label(kind, read(row)), format=None)

        return [named(column) for column in columns]

    def _restore_cursor(self) -> None:
        if self._restore_key is not None and self.table.move_to_key(self._restore_key):
            self._restore_key = None

    def _show_failure(self, spec: ViewSpec, error: WorkatoError) -> None:
        if self.table.total_count:  # the rows stay: the app says what failed
            self.post_message(ErrorRaised(error, f"Refresh {spec.title.lower()}"))
        else:
            self._set_failure(failure_text(spec, error))

    @property
    def failure(self) -> str | None:
        """Why the list could not be loaded (shown in full above the empty table), or None."""
        return self._failure

    def _set_failure(self, text: str | None) -> None:
        self._failure = text
        self.table.show_error(None if text is None else NOT_LOADED)
        self.query_one("#view-error", Static).update(text or "")
        self.set_class(text is not None, "-failed")

    def refresh_view(self) -> None:
        if self.spec is not None:
            self.show(self.spec, self.context, refresh=True)

    # a live view (the call log) ------------------------------------------------------------

    def _follow(self, follow: Follow) -> None:
        def arrived(row: Row) -> None:
            self.app.call_later(self._append_live, row)

        rows, self._unsubscribe = follow(self.service, arrived)
        self.table.set_rows(rows)
        self.table.move_cursor(row=max(0, self.table.row_count - 1))

    def _append_live(self, row: Row) -> None:
        if self.spec is not None and self.spec.follow is not None:
            at_end = self.table.cursor_row >= self.table.row_count - 1
            self.table.append_rows([row])
            if at_end:
                self.table.move_cursor(row=self.table.row_count - 1)
            self.update_crumbs()

    def _stop_following(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def on_unmount(self) -> None:
        self._stop_following()

    # crumbs, filter, sort -----------------------------------------------------------------

    def update_crumbs(self) -> None:
        if self.spec is None:
            return
        parts, keep = crumbs_parts(
            self.table,
            loading=self.loading_pages,
            refreshed=self.refreshed,
            stale=self.stale,
            failed=bool(self.failure),
        )
        # narrow: the path is cut first; the count and the marks always show
        path = " › ".join(self.spec.crumb(self.context))
        self.query_one(Crumbs).show(path, parts, keep=keep)

    async def action_start_filter(self) -> None:
        # keys typed right after '/' wait for this action (a priority binding), then land here
        self.screen.set_focus(await self._open_filter_box())

    @on(ResourceTable.FilterCounted)
    def _filter_counted(self) -> None:
        self.update_crumbs()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.table.set_filter(event.value)
        self.update_crumbs()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.input.remove_class("-active")
        self.table.focus()

    def clear_filter(self) -> bool:
        """Escape: close the filter box and clear the filter; False if there was none."""
        box = self.filter_input
        if not (box and box.has_class("-active")) and not self.table.filter_text:
            return False
        if box is not None:
            box.value = ""
            box.remove_class("-active")
        self.table.set_filter("")
        self.table.focus()
        self.update_crumbs()
        return True

    def action_refresh(self) -> None:
        self.refresh_view()

    def action_sort_next(self) -> None:
        columns = [c.key for c in self.table.columns]
        if not columns:
            return
        current = self.table.sort_key
        following = (
            columns[(columns.index(current) + 1) % len(columns)]
            if current in columns
            else columns[0]
        )
        self.table.sort_by(following, reverse=False)
        self.update_crumbs()

    def action_sort_reverse(self) -> None:
        if self.table.sort_key:
            self.table.sort_by(self.table.sort_key, reverse=not self.table.sort_reverse)
            self.update_crumbs()

    @on(ResourceTable.MarksChanged)
    def _marks_changed(self) -> None:
        self.update_crumbs()

    # writes -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start_filter":
            return not takes_typing(self.screen.focused)
        if action != "act":
            return True
        write = find_action(self.spec.name, str(parameters[0])) if self.spec else None
        if write is None:
            return False  # not offered in this view
        if self.why_disabled(write):
            return None  # shown disabled; pressing it says why
        return True

    def why_disabled(self, write: WriteAction) -> str | None:
        """The policy or a 403 this session, or the rows' state (start a running recipe)."""
        return blocked_reason(self.service, write) or state_reason(
            write, self._targets(write) or []
        )

    def on_key(self, event: Any) -> None:
        """A disabled write key says why it is disabled instead of doing nothing."""
        say_why_disabled(self, event, self.why_disabled)

    @on(ResourceTable.RowHighlighted)
    @on(ResourceTable.MarksChanged)
    def _row_changed(self) -> None:
        self.refresh_bindings()  # state-aware writes follow the cursor

    def action_act(self, action_id: str) -> None:
        write = BY_ID[action_id]
        rows = self._targets(write)
        if rows is None:
            self.app.notify("Select a row first.", title=write.verb, severity="warning")
            return
        self.run_write(write, rows)

    def _targets(self, write: WriteAction) -> list[Row] | None:
        if write.creates:
            return []
        if write.bulk and self.table.marked_keys:
            return self.table.marked_rows
        row = self.table.current_row
        return [row] if row is not None else None

    def run_write(self, write: WriteAction, rows: list[Row]) -> None:
        """Ask the screen to run the write; refresh when it changed something."""

        def done(changed: bool) -> None:
            if changed and self.is_attached and self.spec is not None:
                self.table.clear_marks()
                # the write made its families stale already: reload, without forgetting twice
                self.show(self.spec, self.context)

        self.post_message(WriteRequested(write, rows, self.context, done))
