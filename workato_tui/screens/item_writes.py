"""The writes a detail screen offers on its one item (a recipe, a job), owned by the screen.

It says which write keys are enabled and why not (the policy, a 403 this session, the item's
state), asks the app to run one, and after a write that changed something reads the item
afresh through the screen's `reread` and refreshes the keys, so what the screen shows and
what it offers follow the write (a resumed job no longer offers resume).

    class JobScreen(ItemScreen):  # check_action, why_disabled, on_key, action_act: .writes
        def __init__(self, service, context, job):
            super().__init__(service, context, job, reread=self._reread)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Required, TypedDict, Unpack

from textual.screen import Screen

from ..api.errors import WorkatoError
from ..widgets.write_request import WriteRequested
from ..write_catalog import (
    BY_ID,
    WriteAction,
    blocked_reason,
    notify_unavailable,
    say_why_disabled,
    state_reason,
)

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService
    from ..views import ViewContext

Reread = Callable[[], Awaitable[Any]]  # reads the item afresh, shows it, returns it
Refusal = Callable[[WriteAction], str | None]  # a reason the screen adds (already resumed)


class ItemOptions(TypedDict, total=False):
    """How a detail screen's item writes behave (see `ItemWrites`); `reread` is required."""

    reread: Required[Reread]
    offered: bool  # False: the item's writes are not offered here at all
    refuses: Refusal | None  # a reason the screen adds
    gone: WriteAction | None  # a write after which the item is no more
    on_gone: Callable[[], None] | None


class ItemWrites:
    def __init__(
        self,
        screen: Screen[Any],
        service: WorkspaceService,
        context: ViewContext,
        item: Any,
        *,
        reread: Reread,
        offered: bool = True,
        refuses: Refusal | None = None,
        gone: WriteAction | None = None,
        on_gone: Callable[[], None] | None = None,
    ) -> None:
        self.screen = screen
        self.service = service
        self.context = context
        self.item = item  # as last read
        self.reread = reread
        self.offered = offered  # False: the item's writes are not offered here at all
        self.refuses = refuses
        self.gone, self.on_gone = gone, on_gone  # a write after which the item is no more
        self.changed = False  # a write here changed the item: the list below is stale
        self.last_write: WriteAction | None = None  # the last write here that changed it

    def check(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """For the screen's check_action: hidden, disabled (None) or enabled."""
        if action != "act":
            return True
        if not self.offered:
            return False
        return None if self.why_disabled(BY_ID[str(parameters[0])]) else True

    def why_disabled(self, write: WriteAction) -> str | None:
        """The policy or a 403 this session, the item's state, or the screen's own reason."""
        return (
            blocked_reason(self.service, write)
            or state_reason(write, [self.item])
            or (self.refuses(write) if self.refuses else None)
        )

    def on_key(self, event: Any) -> None:
        """A disabled write key says why it is disabled instead of doing nothing."""
        say_why_disabled(self.screen, event, self.why_disabled)

    def act(self, action_id: str) -> None:
        write = BY_ID[action_id]
        reason = self.why_disabled(write)
        if reason:
            notify_unavailable(self.screen, write, reason)
            return
        self.screen.post_message(
            WriteRequested(write, [self.item], self.context, lambda done: self._done(write, done))
        )

    def _done(self, write: WriteAction, changed: bool) -> None:
        if not changed or not self.screen.is_attached:
            return
        self.changed, self.last_write = True, write
        if write is self.gone:
            if self.on_gone is not None:
                self.on_gone()
            return
        self.screen.run_worker(self.refresh(), group="item-reread", exit_on_error=False)

    async def refresh(self) -> None:
        """Read the item afresh (the screen shows it) and offer the keys its state allows."""
        try:
            fresh = await self.reread()
        except WorkatoError:
            return  # the screen keeps what it showed; the next write is checked by the API
        if fresh is not None:
            self.item = fresh
        self.screen.refresh_bindings()


class ItemScreen(Screen[None]):
    """A detail screen of one item: it owns the item's `ItemWrites` and hands Textual's
    check_action, on_key and action_act (and the palette's why_disabled) over to it."""

    def __init__(
        self,
        service: WorkspaceService,
        context: ViewContext,
        item: Any,
        **options: Unpack[ItemOptions],
    ) -> None:
        super().__init__()
        self.service = service
        self.context = context
        self.writes = ItemWrites(self, service, context, item, **options)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.writes.check(action, parameters)

    def why_disabled(self, write: WriteAction) -> str | None:
        return self.writes.why_disabled(write)

    def on_key(self, event: Any) -> None:
        self.writes.on_key(event)

    def action_act(self, action_id: str) -> None:
        self.writes.act(action_id)
