"""Snapshots of each write modal at 120x36, hosted by a small app with the product's CSS.

The modals are shown over a fixed background (not the live app) so nothing in the picture
depends on the wall clock. Regenerate with `--snapshot-update` after a deliberate change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pilot_driver import Driver
from pydantic import SecretStr
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Label

import workato_tui
from workato_tui.api.endpoints import endpoint
from workato_tui.screens.confirm import Confirmation, ConfirmScreen
from workato_tui.screens.form import Field, FormScreen, Values
from workato_tui.screens.progress import BulkScreen
from workato_tui.screens.token import TokenScreen
from workato_tui.service.writes import ItemResult

SIZE = (120, 36)
NETSUITE_SYNC = "Sync closed-won opportunities to NetSuite"
TOKEN = "wrkaus-" + "0123456789abcdef" * 3


class ModalHost(App[None]):
    """Shows one modal on mount, over a plain background."""

    CSS_PATH = str(Path(workato_tui.__file__).parent / "app.tcss")

    def __init__(self, modal: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.modal = modal

    def compose(self) -> ComposeResult:
        yield Label("workato-tui (background)")

    def on_mount(self) -> None:
        self.push_screen(self.modal())


def confirmation(
    action: str,
    irreversible: bool = False,
    endpoint_id: str = "recipes.start",
    items: tuple[str, ...] = (NETSUITE_SYNC,),
) -> Confirmation:
    e = endpoint(endpoint_id)
    return Confirmation(
        action=action,
        items=items,
        profile="DEMO (emulator)",
        effect=e.warning,
        endpoint=f"{e.method} {e.display_path}",
        irreversible=irreversible,
    )


async def nothing(values: Values) -> None:
    return None


def connection_form() -> FormScreen:
    fields = [
        Field(
            "provider",
            "Provider (connector)",
            required=True,
            value="slack",
            help="e.g. salesforce, netsuite, slack, jira, service_now, snowflake",
        ),
        Field("name", "Name", required=True, value="Slack: #ops-bot"),
        Field(
            "folder_id",
            "Folder",
            "select",
            required=True,
            value=2,
            options=(("Finance Ops", 1), ("Finance Ops / Payments", 2)),
        ),
        Field(
            "credentials",
            "Credentials",
            "password",
            value="bot=xoxb-1",
            help="Masked. Sent once, never stored or logged.",
        ),
        Field("shell", "Shell connection (credentials entered later in Workato)", "checkbox"),
    ]
    return FormScreen("New connection", fields, nothing, submit_label="Create")


def finished_bulk() -> BulkScreen:
    names = [
        "Load Zendesk ticket metrics into Snowflake",
        "Month-end revenue reconciliation",
        "Escalate urgent Zendesk tickets to Jira",
    ]

    async def run(progress: Any, cancelled: Callable[[], bool]) -> list[ItemResult]:
        done = []
        for name in names:
            ok = "Zendesk tickets" not in name
            done.append(
                ItemResult(
                    name,
                    ok,
                    f"{name}: "
                    + (
                        "done"
                        if ok
                        else "Start failed (400): Connection 'Zendesk (support)' is not authorized."
                    ),
                )
            )
            progress(len(done), len(names), done[-1])
        return done

    return BulkScreen("Start recipe", len(names), run)


async def until_finished(pilot: Pilot[Any]) -> None:
    def finished() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, BulkScreen) and screen.finished

    await Driver(pilot).until(finished, "the bulk work")
    await pilot.pause()


def test_confirm_modal(snap_compare: Any) -> None:
    app = ModalHost(lambda: ConfirmScreen(confirmation("Start recipe")))
    assert snap_compare(app, terminal_size=SIZE)


def test_irreversible_confirm_with_typed_box(snap_compare: Any) -> None:
    app = ModalHost(lambda: ConfirmScreen(confirmation("Delete recipe", True, "recipes.delete")))
    assert snap_compare(app, press=[*"Sync closed"], terminal_size=SIZE)


def test_form_modal(snap_compare: Any) -> None:
    assert snap_compare(ModalHost(connection_form), terminal_size=SIZE)


def test_bulk_progress_when_done(snap_compare: Any) -> None:
    assert snap_compare(ModalHost(finished_bulk), run_before=until_finished, terminal_size=SIZE)


def test_token_screen(snap_compare: Any) -> None:
    app = ModalHost(lambda: TokenScreen("CI deployer", SecretStr(TOKEN)))
    assert snap_compare(app, terminal_size=SIZE)
