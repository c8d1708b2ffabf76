"""End to end: the installed `workato-tui` against `workato-tui emulator` over real HTTP, in a
real terminal (tmux), driven by keys the way a person types them.

Waits poll the screen (up to 10 s each) instead of sleeping for fixed times.
"""

from __future__ import annotations

import pytest
from e2e_tmux import TMUX, AppStarter

from workato_tui.emulator import ADMIN_TOKEN

pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed: the end-to-end tests drive the app in tmux"
)

FIRST_RECIPE = "Sync closed-won opportunities"  # NAME is cut to the width left (item 18)


def test_browse_the_demo_workspace_by_keyboard(emulator_url: str, start_app: AppStarter) -> None:
    app = start_app("--base-url", emulator_url, token=ADMIN_TOKEN)
    screen = app.wait_for(FIRST_RECIPE, "Recipes  [17]", "127.0.0.1")  # a whole frame
    assert "127.0.0.1" in screen.splitlines()[0]  # the header names the host it talks to

    app.command("connections")
    app.wait_for("Connections  [14]", "Salesforce (production)", "Zendesk (support)")

    app.filter("zendesk")
    screen = app.wait_for("filter: zendesk", "[1/14]")
    assert "Zendesk (support)" in screen
    assert "Salesforce (production)" not in screen

    app.keys("Escape")
    screen = app.wait_for("Connections  [14]", "Salesforce (production)")
    assert "filter:" not in screen

    app.command("customers")
    app.wait_for("Customers  [3]", "Globex Corporation", "Umbrella Health")
    app.keys("Enter")  # the first customer's recipes
    app.wait_for("Globex Corporation › Customer recipes  [3]", "Sync Globex orders to NetSuite")
    app.keys("Enter")  # the first recipe's jobs, through the customer's scope
    app.wait_for("Globex Corporation › Nightly ticket export to Snowflake › Jobs")
    app.wait_without("loading…")
    app.keys("Enter")  # the first job: its steps as bars, and the first step's data
    screen = app.wait_for("Steps", "scheduler", "Step 0: scheduler", "Input", "Output")
    assert "█" in screen and '"scheduled_time"' in screen
    app.keys("Escape")
    app.wait_for("Nightly ticket export to Snowflake › Jobs")

    app.command("lookup-tables")
    app.wait_for("Lookup tables  [4]", "Cost centers")
    app.keys("Enter")  # the first table's rows, with its schema as columns
    app.wait_for("Cost centers", "ROW ID", "CODE", "OWNER", "CC-1000")
    app.wait_without("loading…")
    app.keys("Escape")
    app.wait_for("Lookup tables  [4]")

    app.command("calls")
    screen = app.wait_for("Call log", "/api/users/me", "/api/lookup_tables/")
    assert ADMIN_TOKEN not in screen

    app.keys("C-q")
    assert app.wait_exit() == "0"


def test_a_rejected_token_shows_the_401_screen(emulator_url: str, start_app: AppStarter) -> None:
    app = start_app("--base-url", emulator_url, token="wrong")
    screen = app.wait_for("refused the token", "(401)", "Unauthorized")
    assert "Correlation id: " in screen
    assert "[b]" not in screen, "console markup shown as text:\n" + screen
    assert FIRST_RECIPE not in screen

    app.keys("C-q")
    assert app.wait_exit() == "0"
