"""The header line: profile (in its colour), data centre, read-only badge, quota, freshness.

Freshness ("refreshed 12s ago") is measured on the service's clock (`service.now`), the one the
limiter and cache run on, so under a fake clock the header only changes when time is advanced."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService


class StatusHeader(Static):
    DEFAULT_CSS = """
    StatusHeader { dock: top; height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def __init__(self, service: WorkspaceService, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.service = service
        self.refreshed_at: datetime | None = None
        self.stale = False

    def on_mount(self) -> None:
        self.render_status()
        self.set_interval(1.0, self.render_status)

    def mark_refreshed(self) -> None:
        self.refreshed_at = self.service.now()
        self.stale = False
        self.render_status()

    def render_status(self) -> None:
        self.update(self.status_text())

    def status_text(self) -> Text:
        profile = self.service.profile
        text = Text()
        text.append("workato-tui ", style="bold")
        color = profile.color or ("red" if profile.label.upper().startswith("PROD") else "cyan")
        text.append(f" {profile.label} ", style=f"bold reverse {color}")
        text.append(f"  {profile.data_center or profile.base_url}")
        if self.service.policy.read_only:
            text.append("  ")
            text.append(" READ-ONLY ", style="bold reverse yellow")
        bucket = self.service.busiest_bucket()
        if bucket is not None and bucket.used:
            text.append(
                f"  quota {bucket.endpoint_id} {bucket.used}/{bucket.limit}",
                style="red" if bucket.remaining <= 0 else "",
            )
        wait = self.service.quota_wait()  # a read held back by its quota: say what and how long
        if wait is not None:
            text.append(f"  {wait.describe()}", style="bold yellow")
        text.append("  " + self._freshness(), style="dim")
        return text

    def _freshness(self) -> str:
        if self.stale:
            return "showing last-known data"
        if self.refreshed_at is None:
            return "loading…"
        seconds = int((self.service.now() - self.refreshed_at).total_seconds())
        return f"refreshed {seconds}s ago" if seconds < 120 else f"refreshed {seconds // 60}m ago"
