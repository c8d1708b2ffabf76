"""Every failure shows its correlation id: 20 failure scenarios across list views, single
writes, forms, bulk results and lookup saves. For each, the id of the failed call (from the
call log) must be on the screen as rendered, not cut at an edge. The figure is printed.

(Before issue 15: 8 of 20. A list view's error was one line cut at the edge, bulk and
lookup-save details were cut at ~80 characters, 401/403 texts dropped the id, drops lost it.)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from pilot_driver import Driver
from pilot_world import World, recipe_named

from workato_tui.emulator.seed import NETSUITE_SYNC
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.lookup_editor import LookupEditorScreen
from workato_tui.screens.progress import BulkScreen
from workato_tui.widgets.table import ResourceTable

Scenario = Callable[[Driver, World], Awaitable[None]]
ZENDESK_LOAD = "Load Zendesk ticket metrics into Snowflake"  # stopped, starts fine
UNAUTHORIZED = "Escalate urgent Zendesk tickets to Jira"  # start is refused (success: false)


def screen_text(d: Driver) -> str:
    """What the terminal shows, line by line, for the screen on top."""
    return "\n".join(strip.text for strip in d.app.screen._compositor.render_strips())


def last_failure_id(service: Any) -> str | None:
    """The failed call's correlation id: the last failed write, else the last failed read."""
    failed = [e for e in service.calls.recent() if e["outcome"] not in ("ok", "blocked")]
    writes = [e for e in failed if e["method"] != "GET"]
    chosen = (writes or failed)[-1:]
    return chosen[0]["correlation_id"] if chosen else None


# list views ---------------------------------------------------------------------------------


def view_fault(view: str, path: str, kind: str) -> Scenario:
    """The list fails from the start: the view shows an error state, not rows."""

    async def run(d: Driver, world: World) -> None:
        await d.jump(view)

    run.setup = lambda world: world.emu.faults.add(path, kind)  # type: ignore[attr-defined]
    return run


def narrow_view(view: str, *denied: str) -> Scenario:
    async def run(d: Driver, world: World) -> None:
        await d.jump(view)

    run.denied = denied  # type: ignore[attr-defined]
    return run


# single writes (a notification) -------------------------------------------------------------


def single_write(name: str, key: str, path: str, kind: str, method: str = "PUT") -> Scenario:
    async def run(d: Driver, world: World) -> None:
        await d.jump("recipes")
        target = recipe_named(world.store, name)
        if kind:
            world.emu.faults.add(path.format(id=target["id"]), kind, method=method)
        d.move_to(lambda r: r.id == target["id"])
        await d.press(key)
        await d.until_screen(ConfirmScreen)
        confirmation = d.confirm_screen.confirmation
        await d.confirm(confirmation.phrase if confirmation.irreversible else None)
        await d.until_main()

    return run


# forms --------------------------------------------------------------------------------------


def form_write(
    view: str, fields: dict[str, str], path: str, kind: str, value: float | None = None
) -> Scenario:
    async def run(d: Driver, world: World) -> None:
        world.emu.faults.add(path, kind, value, method="POST")
        await d.jump(view)
        await d.press("n")
        form = await d.until_screen(FormScreen)
        assert isinstance(form, FormScreen)
        for field, text in fields.items():
            d.set_field(field, text)
        folders = world.store.main.folders.values()
        d.set_field("folder_id", next(f["id"] for f in folders if f["name"] == "Finance Ops"))
        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        error = form.query_one("#form-error")
        await d.until(lambda: error.has_class("-shown"), "the form's error")
        await d.pilot.pause()

    return run


# bulk ---------------------------------------------------------------------------------------


def bulk_write(names: list[str], key: str, path: str, kind: str) -> Scenario:
    async def run(d: Driver, world: World) -> None:
        if kind:
            world.emu.faults.add(path, kind, times=1, method="PUT")
        await d.jump("recipes")
        await d.mark(lambda r: r.name in names)
        await d.press(key)
        screen = await d.confirm_bulk()
        await focus_failed_result(d, screen)

    return run


def repeat_with(kind: str) -> Scenario:
    async def run(d: Driver, world: World) -> None:
        recipe = recipe_named(world.store, NETSUITE_SYNC)
        log = world.store.main.job_log(recipe["id"]).jobs
        newest = [j["id"] for j in reversed(log) if j["master_job_id"] == j["id"]][:2]
        await d.jump("recipes")
        d.move_to(lambda r: r.id == recipe["id"])
        await d.jump("jobs")
        world.emu.faults.add("/api/recipes/*/repeat_jobs", kind, times=1, method="POST")
        world.emu.faults.add("/api/recipes/*/jobs", "error500", times=4, method="GET")
        await d.mark(lambda r: r.id in newest)
        await d.press("r")
        screen = await d.confirm_bulk()
        await focus_failed_result(d, screen)

    return run


async def focus_failed_result(d: Driver, screen: BulkScreen) -> None:
    table = screen.query_one("#bulk-results", ResourceTable)
    table.focus()
    index = next(i for i, r in enumerate(table.visible_rows) if r.result != "ok")
    table.move_cursor(row=index)
    await d.pilot.pause()
    await d.pilot.pause()


# lookup saves --------------------------------------------------------------------------------


async def open_lookup_editor(d: Driver) -> LookupEditorScreen:
    await d.jump("lookup-tables")
    d.move_to(lambda r: r.name == "Cost centers")
    await d.press("enter")
    editor = await d.until_screen(LookupEditorScreen)
    assert isinstance(editor, LookupEditorScreen)
    await d.until(lambda: bool(editor.rows), "the rows")
    return editor


def lookup_save(kind: str, method: str, add: bool) -> Scenario:
    async def run(d: Driver, world: World) -> None:
        editor = await open_lookup_editor(d)
        if add:
            await d.press("a")
            await d.type("CC-9000")
            await d.press("enter")
        else:
            first = next(k for k in editor.rows if k > 0)
            editor.move_to_key(first)
            await d.press("ctrl+d")
        world.emu.faults.add("/api/lookup_tables/*/rows*", kind, times=4, method=method)
        await d.press("ctrl+s")
        await d.until_screen(ConfirmScreen)
        screen = d.confirm_screen
        if screen.confirmation.irreversible:
            await d.type_phrase(screen.confirmation.phrase)
        await d.press("enter")
        bulk = await d.until_screen(BulkScreen)
        assert isinstance(bulk, BulkScreen)
        await d.until(lambda: bulk.finished, "the save")
        if bulk.query_one(ResourceTable).total_count:
            await focus_failed_result(d, bulk)

    return run


SCENARIOS: dict[str, Scenario] = {
    "view: recipes 500": view_fault("recipes", "/api/recipes", "error500"),
    "view: connections malformed": view_fault("connections", "/api/connections", "malformed"),
    "view: lookup tables 500": view_fault("lookup-tables", "/api/lookup_tables", "error500"),
    "view: api clients dropped": view_fault("api-clients", "/api/developer_api_clients", "drop"),
    "view: connections 403": narrow_view("connections", "connections.list"),
    "view: lookup tables 403": narrow_view("lookup-tables", "lookup_tables.list"),
    "start 500": single_write(ZENDESK_LOAD, "t", "/api/recipes/{id}/start", "error500"),
    "start refused": single_write(UNAUTHORIZED, "t", "", ""),
    "stop dropped before": single_write(NETSUITE_SYNC, "x", "/api/recipes/{id}/stop", "drop"),
    "delete 500": single_write(ZENDESK_LOAD, "D", "/api/recipes/{id}", "error500", "DELETE"),
    "form: new connection 500": form_write(
        "connections", {"provider": "slack", "name": "Ops bot"}, "/api/connections", "error500"
    ),
    "form: new recipe dropped": form_write(
        "recipes", {"name": "Nightly AR export"}, "/api/recipes", "drop"
    ),
    "form: new recipe 429 storm past the budget": form_write(
        "recipes", {"name": "Nightly AR export"}, "/api/recipes", "storm429", 301
    ),
    "bulk: start, one refused": bulk_write([ZENDESK_LOAD, UNAUTHORIZED], "t", "", ""),
    "bulk: stop, one 500": bulk_write(
        ["Route invoice approvals to Slack", NETSUITE_SYNC], "x", "/api/recipes/*/stop", "error500"
    ),
    "bulk: repeat 500": repeat_with("error500"),
    "bulk: repeat dropped, check fails": repeat_with("drop-after"),
    "lookup save: delete 500": lookup_save("error500", "DELETE", add=False),
    "lookup save: add dropped": lookup_save("drop", "POST", add=True),
    "lookup save: re-read fails": lookup_save("error500", "GET", add=False),
}


async def test_every_failure_shows_its_correlation_id(tmp_path: Path) -> None:
    visible: list[str] = []
    missing: list[str] = []
    for number, (name, scenario) in enumerate(SCENARIOS.items()):
        world = World(tmp_path / str(number))
        denied = getattr(scenario, "denied", ())
        service = world.service(world.narrow_token(*denied)) if denied else world.service()
        if hasattr(scenario, "setup"):
            scenario.setup(world)
        async with world.run(service=service, notifications=True) as d:
            await scenario(d, world)
            for _ in range(3):  # toasts mount after a refresh
                await d.pilot.pause()
            correlation_id = last_failure_id(service)
            assert correlation_id, f"{name}: no failed call with a correlation id"
            (visible if correlation_id in screen_text(d) else missing).append(name)
    print(f"\ncorrelation ids visible: {len(visible)}/{len(SCENARIOS)}; missing: {missing}")
    assert len(SCENARIOS) == 20
    assert missing == []
