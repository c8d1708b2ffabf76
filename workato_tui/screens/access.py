"""`:access`: the least privilege this session needed, from its call log.

`s` switches between this session's calls and every saved call log of this profile (the
state dir's calls.jsonl and its rotations). The text ends with the `[profiles.NAME.access]`
block and the endpoint checklist, ready to copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..service.access_report import AccessReport, build_report, read_entries
from ..widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


class AccessScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="access-back"),
        Binding("s", "toggle_source", "Session / saved logs", id="access-source"),
        Binding("ctrl+r", "reload", "Reload", id="access-reload"),
    ]

    def __init__(self, service: WorkspaceService) -> None:
        super().__init__()
        self.service = service
        self.saved = False
        self.report: AccessReport | None = None

    def compose(self) -> ComposeResult:
        yield Static(" Least-privilege report", classes="screen-title")
        yield Static("", id="access-source", markup=False)
        with VerticalScroll(id="access-scroll"):
            yield Static("", id="access-text", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#access-scroll").focus()
        self.action_reload()

    def action_toggle_source(self) -> None:
        self.saved = not self.saved
        self.action_reload()

    def action_reload(self) -> None:
        path = self.service.call_log_path
        if self.saved and path is not None:
            files = sorted(path.parent.glob(path.name + "*"))
            entries = read_entries(files)
            source = f"saved call logs of {self.service.profile.name} ({len(files)} file(s))"
        else:
            entries = self.service.recent_calls()
            source = "this session's calls"
        self.report = build_report(entries)
        self.query_one("#access-source", Static).update(f" From {source}  (s to switch)")
        self.query_one("#access-text", Static).update(self.report.text(self.service.profile.name))
