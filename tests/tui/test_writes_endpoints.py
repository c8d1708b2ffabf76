"""Every write endpoint, driven from the UI: the confirm modal comes before any request,
cancelling it sends nothing, and confirming changes the emulator's state.

`CASES` maps each write endpoint id to a UI driver (where to go, which row, which key, what to
put in the form, what to type in an irreversible confirm) and a check on the emulator's store.
`test_writes_read_only` drives the same cases on a read-only profile.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pilot_driver import Driver
from pilot_world import World, connection_named, recipe_named

from workato_tui.api.endpoints import WRITE_ENDPOINTS
from workato_tui.emulator.records import new_build, new_connection
from workato_tui.emulator.seed import DEMO_RESUME_TOKEN, NETSUITE_SYNC
from workato_tui.emulator.store import Record, Store
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.lookup_editor import LookupEditorScreen
from workato_tui.screens.token import TokenScreen
from workato_tui.write_catalog import BY_ID

Facts = dict[str, Any]
Check = Callable[[Store, Facts], bool]


@dataclass(frozen=True)
class Case:
    """How to reach one write endpoint's confirm modal, and what confirming must change."""

    endpoint_id: str
    action: str  # the catalog's action id (its key is pressed), or a key
    prepare: Callable[[Store], Facts]  # pick (or make) the target, before the app starts
    open: Callable[[Driver, Facts], Awaitable[None]]  # go there and put the cursor on it
    check: Check  # the state change confirming must make
    fill: Callable[[Driver, Facts], None] | None = None  # a form: set its fields
    phrase: Callable[[Facts], str] | None = None  # an irreversible confirm: what to type
    shows_token: bool = False  # a TokenScreen follows the write
    bug: str | None = None  # a known bug (strict xfail)

    @property
    def key(self) -> str:
        """The key bound to the action (so a key change in the catalog is followed)."""
        write = BY_ID.get(self.action)
        return write.key if write is not None else self.action


# -- targets ----------------------------------------------------------------------------------


def folder_id(store: Store, project: str, *path: str) -> int:
    ws = store.main
    folder = next(f for f in ws.folders.values() if f["name"] == project and f["is_project"])
    for name in path:
        folder = next(
            f for f in ws.folders.values() if f["name"] == name and f["parent_id"] == folder["id"]
        )
    return int(folder["id"])


def recipe(name: str) -> Callable[[Store], Facts]:
    return lambda store: {"id": recipe_named(store, name)["id"], "name": name}


def connection(name: str) -> Callable[[Store], Facts]:
    return lambda store: {"id": connection_named(store, name)["id"], "name": name}


def lookup_row(table: str, where: tuple[str, str] | None) -> Callable[[Store], Facts]:
    """A lookup table (and one of its rows, by a column's value)."""

    def pick(store: Store) -> Facts:
        found = next(t for t in store.main.lookup_tables.values() if t["name"] == table)
        facts: Facts = {"table": found["id"], "name": table}
        if where is not None:
            column, value = where
            facts["row"] = next(
                r["id"]
                for r in store.main.lookup_rows[found["id"]].values()
                if r["data"][column] == value
            )
        return facts

    return pick


def unused_authorized_connection(store: Store) -> Facts:
    """Every seeded authorized connection is used by a running recipe: add one that is not."""
    made = new_connection(
        store,
        store.main,
        name="Slack: #scratch",
        provider="slack",
        folder_id=folder_id(store, "Finance Ops"),
        authorized=True,
    )
    return {"id": made["id"], "name": made["name"]}


def latest_failed_master(jobs: list[Record]) -> str:
    return str(
        next(j["id"] for j in reversed(jobs) if j["status"] == "failed" and not j["is_repeat"])
    )


def netsuite_failed_job(store: Store) -> Facts:
    found = recipe_named(store, NETSUITE_SYNC)
    return {
        "recipe": NETSUITE_SYNC,
        "recipe_id": found["id"],
        "job": latest_failed_master(store.main.job_log(found["id"]).jobs),
    }


def paused_job(store: Store) -> Facts:
    _, recipe_id, job_id = store.resume_tokens[DEMO_RESUME_TOKEN]
    return {"recipe": store.main.recipes[recipe_id]["name"], "recipe_id": recipe_id, "job": job_id}


def customer_failed_job(store: Store) -> Facts:
    customer = min(store.customers.values(), key=lambda c: c.record["id"])
    found = max(customer.workspace.recipes.values(), key=lambda r: r["id"])
    return {
        "customer": customer.record["name"],
        "customer_id": customer.record["id"],
        "recipe": found["name"],
        "recipe_id": found["id"],
        "job": latest_failed_master(customer.workspace.job_log(found["id"]).jobs),
    }


def api_client(name: str) -> Callable[[Store], Facts]:
    def pick(store: Store) -> Facts:
        client = next(c for c in store.api_clients.values() if c.record["name"] == name)
        return {"id": client.id, "name": name, "token": client.token}

    return pick


def admin_role(store: Store) -> Facts:
    return {"role": next(r.id for r in store.client_roles.values() if r.name == "Administrator")}


def project_facts(name: str) -> Callable[[Store], Facts]:
    def pick(store: Store) -> Facts:
        project = next(p for p in store.main.projects.values() if p["name"] == name)
        return {"project_id": project["id"], "folder_id": project["folder_id"], "name": name}

    return pick


def recipe_and_connection(name: str, connection_name: str) -> Callable[[Store], Facts]:
    def pick(store: Store) -> Facts:
        facts = recipe(name)(store)
        facts["target"] = connection_named(store, connection_name)["id"]
        return facts

    return pick


def stopped_project(store: Store) -> Facts:
    """Every demo project runs recipes (so cannot be destroyed): add one that does not."""
    from workato_tui.emulator.records import new_connection, new_project, new_recipe

    project = new_project(store, store.main, "Sandbox")
    recipe_id = new_recipe(
        store, store.main, name="Draft", folder_id=project["folder_id"], code="{}"
    )["id"]
    new_connection(
        store, store.main, name="Slack: #sandbox", provider="slack", folder_id=project["folder_id"]
    )
    return {"project_id": project["id"], "name": "Sandbox", "recipe": recipe_id}


# -- drivers ----------------------------------------------------------------------------------


def in_view(view: str, column: str = "name") -> Callable[[Driver, Facts], Awaitable[None]]:
    async def go(d: Driver, facts: Facts) -> None:
        await d.jump(view)
        if column in facts:
            d.move_to(lambda r: getattr(r, column, None) == facts[column])

    return go


async def in_recipe_jobs(d: Driver, facts: Facts) -> None:
    await d.jump("recipes")
    d.move_to(lambda r: r.id == facts["recipe_id"])
    await d.jump("jobs")
    d.move_to(lambda r: r.id == facts["job"])


async def in_customer_jobs(d: Driver, facts: Facts) -> None:
    """:customers -> enter (customer recipes) -> enter (jobs) -> mark the job."""
    await d.jump("customers")
    d.move_to(lambda r: r.id == facts["customer_id"])
    await d.press("enter")
    await d.settle()
    assert d.view.spec is not None and d.view.spec.name == "customer-recipes"
    d.move_to(lambda r: r.id == facts["recipe_id"])
    await d.press("enter")
    await d.settle()
    assert d.view.spec is not None and d.view.spec.name == "jobs"
    await d.mark(lambda r: r.id == facts["job"])


def in_tree(*path: str) -> Callable[[Driver, Facts], Awaitable[None]]:
    async def go(d: Driver, facts: Facts) -> None:
        await d.jump("recipes")
        await d.tree_node(*path)

    return go


async def in_recipe_screen(d: Driver, facts: Facts) -> None:
    """:recipes -> the recipe -> enter (its detail screen)."""
    from workato_tui.screens.recipe_detail import RecipeScreen

    await d.jump("recipes")
    d.move_to(lambda r: r.id == facts["id"])
    await d.press("enter")
    await d.until_screen(RecipeScreen)
    await d.settle()


Stage = Callable[[Driver, LookupEditorScreen, Facts], Awaitable[None]]


def in_lookup_editor(stage: Stage) -> Callable[[Driver, Facts], Awaitable[None]]:
    """:lookup-tables -> the table -> enter (the editor) -> stage one change."""

    async def go(d: Driver, facts: Facts) -> None:
        await d.jump("lookup-tables")
        d.move_to(lambda r: r.id == facts["table"])
        await d.press("enter")
        editor = await d.until_screen(LookupEditorScreen)
        await d.settle()
        await stage(d, editor, facts)

    return go


def add_row(first_value: str) -> Stage:
    async def stage(d: Driver, editor: LookupEditorScreen, facts: Facts) -> None:
        await d.press("a")  # a new row, editing its first column
        editor.prompt.value = first_value
        await d.press("enter")

    return stage


def edit_cell(column: str, value: str) -> Stage:
    async def stage(d: Driver, editor: LookupEditorScreen, facts: Facts) -> None:
        grid = editor.grid
        index = next(i for i, r in enumerate(grid.visible_rows) if r["id"] == facts["row"])
        grid.move_cursor(row=index, column=1 + editor.columns.index(column))
        await d.press("e")
        editor.prompt.value = value
        await d.press("enter")

    return stage


async def delete_row(d: Driver, editor: LookupEditorScreen, facts: Facts) -> None:
    grid = editor.grid
    grid.move_cursor(
        row=next(i for i, r in enumerate(grid.visible_rows) if r["id"] == facts["row"])
    )
    await d.press("ctrl+d")


def fields(**values: Any) -> Callable[[Driver, Facts], None]:
    """Set form fields; a callable value is computed from the facts."""

    def fill(d: Driver, facts: Facts) -> None:
        for name, value in values.items():
            d.set_field(name, value(facts) if callable(value) else value)

    return fill


def prefilled(**expected: str) -> Callable[[Driver, Facts], None]:
    """Submit the form as it opened, after checking what it was filled with."""

    def check(d: Driver, facts: Facts) -> None:
        assert {k: d.form.values()[k] for k in expected} == expected

    return check


def by_name(facts: Facts) -> str:
    return str(facts["name"])


# -- checks -----------------------------------------------------------------------------------


def recipe_state(running_now: bool) -> Check:
    return lambda store, facts: store.main.recipes[facts["id"]]["running"] is running_now


def repeated(store_jobs: Callable[[Store, Facts], list[Record]]) -> Check:
    """A new pending repeat of the chosen job was enqueued."""
    return lambda store, facts: any(
        j["is_repeat"] and j["master_job_id"] == facts["job"] and j["status"] == "pending"
        for j in store_jobs(store, facts)
    )


def folder_named(store: Store, name: str) -> Record:
    return next(f for f in store.main.folders.values() if f["name"] == name)


def deployed(environment: str) -> Check:
    """The project has a successful deployment to `environment` (followed to the end)."""
    return lambda store, facts: any(
        str(d["project_id"]) == str(facts["project_id"])
        and d["state"] == "success"
        and d["environment_type"] == environment
        and d["description"] == "From a test"
        for d in store.main.deployments.values()
    )


def built(store: Store, facts: Facts) -> bool:
    """A build of the project was made, with the description given in the form."""
    return any(
        b["project_id"] == str(facts["project_id"]) and b["description"] == "From a test"
        for b in store.main.builds.values()
    )


def with_a_build(name: str) -> Callable[[Store], Facts]:
    """The project, and a finished build of it made before the app starts."""

    def pick(store: Store) -> Facts:
        facts = project_facts(name)(store)
        project = store.main.projects[facts["project_id"]]
        facts["build"] = new_build(store, project, "Release", state="success")["id"]
        return facts

    return pick


CASES: dict[str, Case] = {
    c.endpoint_id: c
    for c in [
        Case(
            "recipes.create",
            "recipe-new",
            lambda s: {"folder": folder_id(s, "Finance Ops", "Payments")},
            in_view("recipes"),
            lambda s, f: any(
                r["name"] == "Created in a test"
                and r["folder_id"] == f["folder"]
                and not r["running"]
                for r in s.main.recipes.values()
            ),
            fill=fields(name="Created in a test", folder_id=lambda f: f["folder"]),
        ),
        Case(
            "recipes.copy",
            "recipe-copy",
            recipe("Month-end revenue reconciliation"),
            in_view("recipes"),
            lambda s, f: bool(recipe_named(s, f"{f['name']} (copy)")),
            fill=prefilled(),
        ),
        Case(
            "recipes.update",
            "recipe-edit",
            recipe("Notify account owners 90 days before renewal"),
            in_view("recipes"),
            lambda s, f: s.main.recipes[f["id"]]["name"] == "Renamed in a test",
            fill=fields(name="Renamed in a test"),
        ),
        Case(
            "recipes.start",
            "recipe-start",
            recipe("Load Zendesk ticket metrics into Snowflake"),
            in_view("recipes"),
            recipe_state(True),
        ),
        Case(
            "recipes.stop",
            "recipe-stop",
            recipe("Mirror P1 incidents from ServiceNow to Slack"),
            in_view("recipes"),
            recipe_state(False),
        ),
        Case(
            "recipes.delete",
            "recipe-delete",
            recipe("Deprovision leavers across apps"),
            in_view("recipes"),
            lambda s, f: f["id"] not in s.main.recipes,
            phrase=by_name,
        ),
        Case(
            "recipes.connect",
            "recipe-connect",
            recipe_and_connection("Month-end revenue reconciliation", "Salesforce (reporting)"),
            in_recipe_screen,
            lambda s, f: any(
                c["provider"] == "salesforce" and c["account_id"] == f["target"]
                for c in s.main.recipes[f["id"]]["config"]
            ),
            fill=fields(connection=lambda f: f"salesforce:{f['target']}"),
        ),
        Case(
            "jobs.repeat",
            "job-repeat",
            netsuite_failed_job,
            in_recipe_jobs,
            repeated(lambda s, f: s.main.job_log(f["recipe_id"]).jobs),
        ),
        Case(
            "jobs.resume",
            "job-resume",
            paused_job,
            in_recipe_jobs,
            lambda s, f: DEMO_RESUME_TOKEN not in s.resume_tokens,
            fill=prefilled(token=DEMO_RESUME_TOKEN, data="{}"),
        ),
        Case(
            "customers.jobs.repeat",
            "job-repeat",
            customer_failed_job,
            in_customer_jobs,
            repeated(
                lambda s, f: s.customers[f["customer_id"]].workspace.job_log(f["recipe_id"]).jobs
            ),
        ),
        Case(
            "connections.create",
            "connection-new",
            lambda s: {"folder": folder_id(s, "Finance Ops")},
            in_view("connections"),
            lambda s, f: (
                connection_named(s, "Slack: #made-in-test")["authorization_status"] == "success"
            ),
            fill=fields(
                provider="slack",
                name="Slack: #made-in-test",
                folder_id=lambda f: f["folder"],
                credentials="bot_key=xoxb-1",
            ),
        ),
        Case(
            "connections.update",
            "connection-edit",
            connection("NetSuite (sandbox)"),
            in_view("connections"),
            lambda s, f: s.main.connections[f["id"]]["name"] == "NetSuite (sandbox 2)",
            fill=fields(name="NetSuite (sandbox 2)"),
        ),
        Case(
            "connections.disconnect",
            "connection-disconnect",
            unused_authorized_connection,
            in_view("connections"),
            lambda s, f: (
                s.main.connections[f["id"]]["authorization_status"] is None
                and s.main.connections[f["id"]]["authorized_at"] is None
            ),
        ),
        Case(
            "connections.delete",
            "connection-delete",
            connection("NetSuite (sandbox)"),
            in_view("connections"),
            lambda s, f: f["id"] not in s.main.connections,
            phrase=by_name,
        ),
        Case(
            "folders.create",
            "folder-new",
            lambda s: {"parent": folder_id(s, "Finance Ops")},
            in_tree("Finance Ops"),
            lambda s, f: folder_named(s, "Made in a test")["parent_id"] == f["parent"],
            fill=fields(name="Made in a test"),
        ),
        Case(
            "folders.update",
            "folder-rename",
            lambda s: {"id": folder_id(s, "Finance Ops", "Payments")},
            in_tree("Finance Ops", "Payments"),
            lambda s, f: s.main.folders[f["id"]]["name"] == "Payouts",
            fill=fields(name="Payouts"),
        ),
        Case(
            "folders.delete",
            "folder-delete",
            lambda s: {
                "id": folder_id(s, "Finance Ops", "Month-end close"),
                "name": "Month-end close",
            },
            in_tree("Finance Ops", "Month-end close"),
            lambda s, f: (
                f["id"] not in s.main.folders
                and not any(r["folder_id"] == f["id"] for r in s.main.recipes.values())
            ),
            phrase=by_name,
        ),
        Case(
            "projects.delete",
            "folder-delete",
            stopped_project,
            in_tree("Sandbox"),
            lambda s, f: (
                f["project_id"] not in s.main.projects and f["recipe"] not in s.main.recipes
            ),
            phrase=by_name,
        ),
        Case(
            "projects.update",
            "folder-rename",
            project_facts("Sales Ops"),
            in_tree("Sales Ops"),
            lambda s, f: s.main.projects[f["project_id"]]["name"] == "Revenue Ops",
            fill=fields(name="Revenue Ops"),
        ),
        Case(
            "projects.deploy",
            "project-deploy",
            project_facts("HR Onboarding"),
            in_tree("HR Onboarding"),
            deployed("prod"),
            fill=fields(environment="prod", description="From a test"),
        ),
        Case(
            "projects.build",
            "project-build",
            project_facts("HR Onboarding"),
            in_tree("HR Onboarding"),
            built,
            fill=fields(description="From a test"),
        ),
        Case(
            "project_builds.deploy",
            "project-deploy",
            with_a_build("HR Onboarding"),
            in_tree("HR Onboarding"),
            lambda s, f: (
                deployed("test")(s, f)
                and any(d["project_build_id"] == f["build"] for d in s.main.deployments.values())
            ),
            fill=fields(environment="test", description="From a test", build=lambda f: f["build"]),
        ),
        Case(
            "api_clients.create",
            "api-client-new",
            admin_role,
            in_view("api-clients"),
            lambda s, f: any(c.record["name"] == "Made in a test" for c in s.api_clients.values()),
            fill=fields(name="Made in a test", role=lambda f: f["role"], all_folders=True),
            shows_token=True,
        ),
        Case(
            "api_clients.regenerate",
            "api-client-regenerate",
            api_client("Data pipeline (CI)"),
            in_view("api-clients"),
            lambda s, f: s.api_clients[f["id"]].token != f["token"],
            phrase=by_name,
            shows_token=True,
        ),
        Case(
            "api_clients.delete",
            "api-client-delete",
            api_client("Data pipeline (CI)"),
            in_view("api-clients"),
            lambda s, f: f["id"] not in s.api_clients,
            phrase=by_name,
        ),
        Case(
            "lookup_rows.create",
            "ctrl+s",
            lookup_row("NetSuite subsidiaries", None),
            in_lookup_editor(add_row("LATAM")),
            lambda s, f: any(
                r["data"]["sf_region"] == "LATAM" for r in s.main.lookup_rows[f["table"]].values()
            ),
        ),
        Case(
            "lookup_rows.update",
            "ctrl+s",
            lookup_row("Country codes", ("iso2", "JP")),
            in_lookup_editor(edit_cell("name", "Nippon")),
            lambda s, f: s.main.lookup_rows[f["table"]][f["row"]]["data"]["name"] == "Nippon",
        ),
        Case(
            "lookup_rows.delete",
            "ctrl+s",
            lookup_row("Employee departments", ("dept_id", "D103")),
            in_lookup_editor(delete_row),
            lambda s, f: f["row"] not in s.main.lookup_rows[f["table"]],
            phrase=lambda f: f["name"],
        ),
    ]
}


def test_the_cases_cover_every_write_endpoint_exactly() -> None:
    assert sorted(CASES) == sorted(e.id for e in WRITE_ENDPOINTS)


VIEWS_USED = ("recipes", "jobs", "connections", "api-clients", "customers", "lookup-tables")


async def test_colon_reaches_every_view_the_cases_use(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        for name in VIEWS_USED:  # :jobs opens the jobs of the recipe under the cursor
            await d.goto(name)
            assert d.table.total_count > 0, name


def case_param(case: Case) -> Any:
    marks = []
    if case.bug:
        marks.append(pytest.mark.xfail(strict=True, reason=f"bug: {case.bug}"))
    return pytest.param(case, id=case.endpoint_id, marks=marks)


# -- the flow ---------------------------------------------------------------------------------


async def reach_confirm(d: Driver, case: Case, facts: Facts) -> ConfirmScreen:
    """Go to the target, press the key, fill the form and submit it: the confirm modal."""
    await case.open(d, facts)
    await d.press(case.key)
    if case.fill is not None:
        await d.until_screen(FormScreen)
        case.fill(d, facts)
        await d.submit_form()
    return await d.until_screen(ConfirmScreen)  # type: ignore[return-value]


async def cancel_then_reach_confirm_again(d: Driver, case: Case) -> None:
    """Escape the confirm; a form stays open (submit it again), else press the key again."""
    await d.press("escape")
    if case.fill is not None:
        await d.until_screen(FormScreen)
        assert d.world.sent(case.endpoint_id) == [], "cancelling the confirm sent the write"
        await d.submit_form()
    else:
        await d.until_main()
        assert d.world.sent(case.endpoint_id) == [], "cancelling the confirm sent the write"
        await d.press(case.key)
    await d.until_screen(ConfirmScreen)


async def confirm(d: Driver, case: Case, facts: Facts) -> None:
    await d.confirm(case.phrase(facts) if case.phrase else None)
    if case.shows_token:
        await d.until_screen(TokenScreen)
        await d.press("escape")
    await d.close_bulk()
    await d.until_main()


@pytest.mark.parametrize("case", [case_param(c) for c in CASES.values()])
async def test_write_confirms_first_cancel_sends_nothing_confirm_changes_state(
    tmp_path: Path, case: Case
) -> None:
    world = World(tmp_path)
    facts = case.prepare(world.store)
    async with world.run() as d:
        screen = await reach_confirm(d, case, facts)
        assert world.sent(case.endpoint_id) == [], "sent before the confirm modal"
        assert screen.confirmation.irreversible is (case.phrase is not None)
        await cancel_then_reach_confirm_again(d, case)
        assert world.sent(case.endpoint_id) == []
        await confirm(d, case, facts)
        statuses = [r.status for r in world.sent(case.endpoint_id)]
        assert statuses and all(200 <= s < 300 for s in statuses), (statuses, d.messages)
        assert case.check(world.store, facts), f"{case.endpoint_id}: no state change"
