"""The Textual app: receives a `WorkspaceService` (or a `StartingWorkspace` standing in for it
until it is built: see starting.py) and shows the main screen."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from .api.errors import Unauthorized, Uncertain, WorkatoError
from .crash import CrashReporting
from .starting import StartingWorkspace
from .startup import resume_after_first_frame
from .views import VIEWS
from .views.format import use_clock
from .widgets.write_request import ErrorRaised, WriteRequested

ERROR_SECONDS = 15  # how long an error stays on screen (every error: one presenter)

if TYPE_CHECKING:
    from .profiles_open import Profiles
    from .screens.main import MainScreen
    from .screens.messages import Notice
    from .service.workspace import WorkspaceService

STARTUP_GC_PAUSE_LIMIT = 3.0  # seconds: the collector resumes then even if nothing loaded


class WorkatoApp(CrashReporting, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "workato-tui"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("question_mark", "keys", "Keys", id="help"),
        Binding("exclamation_mark", "messages", "Messages", show=False, id="messages"),
    ]

    def __init__(
        self,
        service: WorkspaceService | None,
        *,
        first_view: str = "recipes",
        keymap: dict[str, str] | None = None,
        theme: str | None = None,
        ui_state_file: Path | None = None,
        demo_factory: Callable[[], WorkspaceService] | None = None,
        startup_problem: str | None = None,
        startup_warnings: list[str] | None = None,
        profiles: Profiles | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.first_view = first_view
        self.keymap_overrides = keymap or {}
        self.ui_state_file = ui_state_file
        self.demo_factory = demo_factory
        self.startup_problem = startup_problem
        self.startup_warnings = list(dict.fromkeys(startup_warnings or ()))
        self.profiles = profiles  # other profiles, for :compare and deploy previews
        self._initial_theme = theme or self._remembered_theme()
        self.notices: list[Notice] = []  # every notification this session (`!`, `:messages`)
        self._last_error: WorkatoError | None = None  # shown last (one failure, many readers)
        self._last_error_until = 0.0  # (time.monotonic) while it is still on screen

    # start-up -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        # the collector, paused for start-up by __main__, resumes with the first data (below)
        self.set_timer(STARTUP_GC_PAUSE_LIMIT, resume_after_first_frame)
        if self._initial_theme and self._initial_theme in self.available_themes:
            self.theme = self._initial_theme
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)
        for warning in self.startup_warnings:  # printed to stderr too, but hidden by the UI
            self.notify(warning, title="Warning", severity="warning", timeout=20)
        if self.service is None:
            from .screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen(self.startup_problem))
            return
        # After the app's own mount, which Textual runs inside a batch update that drops the
        # frames drawn meanwhile: this way the first screen (with any last-known rows) paints
        # at once rather than when the first answer changes something.
        self.call_later(self.open_workspace, self.service)

    def open_workspace(self, service: WorkspaceService) -> None:
        from .screens.main import MainScreen

        self.service = service
        use_clock(service.now)  # ages ('5h') on the service's clock, as the header's are
        self.sub_title = service.profile.label
        main = MainScreen(service, self.first_view)
        if self.screen_stack[1:]:  # from the first-run screen: replace it
            self.switch_screen(main)
        else:
            self.push_screen(main)
        if isinstance(service, StartingWorkspace):
            self._start_service(service, main)
        self.run_worker(
            self._check_token(service),
            group="token-check",
            description="Reach Workato",
            exit_on_error=False,
        )

    def _start_service(self, service: StartingWorkspace, main: MainScreen) -> None:
        """Build the client in a thread once the first frame (the last-known rows) is out;
        without a snapshot there is nothing to paint first: at once, here. A fresh home's
        snapshot may still be in the making (primer.py): the first frame goes out meanwhile."""
        if service.priming:
            self.run_worker(
                self._start_primed(service, main), description="Start", exit_on_error=False
            )
        elif service.snapshot_saved_at is None:
            service.build_now()
        else:  # the screen's first idle moment: its first frame has been sent
            main.call_after_refresh(service.allow_start)

    async def _start_primed(self, service: StartingWorkspace, main: MainScreen) -> None:
        if await service.primed():
            main.show_last_known(then=service.allow_start)
        else:  # the primer failed: build here, as without a snapshot
            service.build_now()

    async def _check_token(self, service: WorkspaceService) -> None:
        try:
            await service.me()
        except Unauthorized as error:
            from .screens.first_run import AuthErrorScreen

            self.push_screen(AuthErrorScreen(service.profile.label, error))

    def on_resource_view_loaded(self) -> None:
        resume_after_first_frame()

    def open_demo(self) -> None:
        if self.demo_factory is not None:
            self.open_workspace(self.demo_factory())

    # errors -------------------------------------------------------------------------------

    def show_error(self, error: WorkatoError, what: str = "") -> None:
        """The one place API errors become notifications: titled by what failed ("Stop
        recipe failed"), saying why and what to do, with the correlation id. A write whose
        answer was lost says so (checked, or "may have been applied"), never "retry".
        The same error again while it is still on screen (a failed start, raised to each
        read that waited for it) is shown once."""
        now = time.monotonic()
        if error is self._last_error and now < self._last_error_until:
            return
        self._last_error, self._last_error_until = error, now + ERROR_SECONDS
        if isinstance(error, Uncertain):
            lost = "not applied (checked)" if error.not_applied else "may have been applied"
            title = f"{what or 'The write'}: {lost}"
            self.notify(error.describe(), title=title, severity="warning", timeout=ERROR_SECONDS)
            return
        title = f"{what} failed" if what else "Workato API error"
        self.notify(error.describe(), title=title, severity="error", timeout=ERROR_SECONDS)

    @on(ErrorRaised)
    def show_raised(self, message: ErrorRaised) -> None:
        message.stop()
        self.show_error(message.error, message.what)

    @on(WriteRequested)
    def run_requested_write(self, request: WriteRequested) -> None:
        """A widget or screen asked for a write: run it in a worker that may wait on modals.

        Here rather than in each screen, so screens need not import the actions (which import
        the confirm and form screens). The worker's description is the write's verb, which
        titles an error it lets escape."""
        request.stop()
        if self.service is not None:
            from .actions.flow import run_write  # the first write pays for the handlers

            self.run_worker(
                run_write(self, self.service, request),
                group="write",
                description=request.write.verb,
                exit_on_error=False,
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Workers never crash the app: a failure is shown, titled by the worker's
        description (what failed)."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, WorkatoError):
            self.show_error(error, event.worker.description)
        else:
            self.notify(
                f"{type(error).__name__}: {error}",
                title="Unexpected error",
                severity="error",
                timeout=ERROR_SECONDS,
            )

    # commands, theme ------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from .palette_actions import action_commands

        here = list(action_commands(self, screen))  # every action bound where the user is
        yield from here
        titles = {command.title for command in here}
        yield from (c for c in super().get_system_commands(screen) if c.title not in titles)
        from .screens.main import MainScreen

        if isinstance(screen, MainScreen):
            for spec in VIEWS:
                aliases = ", ".join(spec.aliases)
                yield SystemCommand(
                    f"Go to {spec.title}",
                    f":{spec.name} ({aliases})",
                    lambda s=screen, n=spec.name: s.jump(n),
                )
            # refresh, the tree and the writes come from the bindings (action_commands)
            for name in self.profiles.others() if self.profiles else []:
                yield SystemCommand(
                    f"Compare with {name}",
                    f":compare {name}: what differs between this profile and {name}",
                    lambda s=screen, n=name: s.open_compare(n),
                )
            yield SystemCommand(
                "Least-privilege report",
                ":access: privileges this session used",
                screen.open_access,
            )

    def watch_theme(self, theme: str) -> None:
        if self.ui_state_file is None or theme == self._remembered_theme():
            return
        try:
            self.ui_state_file.parent.mkdir(parents=True, exist_ok=True)
            self.ui_state_file.write_text(json.dumps({"theme": theme}))
        except OSError:
            pass

    def _remembered_theme(self) -> str | None:
        if self.ui_state_file is None or not self.ui_state_file.exists():
            return None
        try:
            theme = json.loads(self.ui_state_file.read_text()).get("theme")
        except (OSError, ValueError, AttributeError):
            return None
        return theme if isinstance(theme, str) else None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Always as plain text, whatever `markup` says (Widget.notify passes True): messages
        carry names and API errors, and a recipe named `Old [/] flow` would crash the toast."""
        from .screens.messages import Notice  # with the first notification, not at start-up

        now = self.service.now() if self.service is not None else datetime.now(UTC)
        self.notices.append(Notice(now, severity, title, str(message)))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_messages(self) -> None:
        """Every notification of this session, with its time and correlation id."""
        from .screens.messages import MessagesScreen

        if not isinstance(self.screen, MessagesScreen):
            self.push_screen(MessagesScreen(self.notices))

    def action_keys(self) -> None:
        """`?` on any screen: its keys with their binding ids, then the global ones."""
        from .screens.keys_help import KeysScreen

        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))

    async def action_quit(self) -> None:
        """Quit; with staged lookup edits not yet sent, ask first (they stay staged on disk)."""
        self.run_worker(self._quit(), group="quit", exclusive=True, exit_on_error=False)

    async def _quit(self) -> None:
        from .screens.lookup_editor import LookupEditorScreen

        editors = [s for s in self.screen_stack if isinstance(s, LookupEditorScreen)]
        for editor in editors:
            if len(editor.staging) and not await editor.confirm_leave():
                return
        if self.service is not None:
            await self.service.aclose()
        if self.profiles is not None:
            await self.profiles.aclose()
        self.exit()
