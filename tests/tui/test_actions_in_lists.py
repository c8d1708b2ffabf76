"""Deployment history deploys a past build again and shows a deployment whole (issue 11 #15);
a disconnect names the running recipes that use the connection before anything is sent (#20);
a new connection's provider is chosen from the ones the workspace uses, or typed (#23)."""

from __future__ import annotations

from pathlib import Path

from pilot_world import World, connection_named

from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen
from workato_tui.screens.json_view import JsonScreen, to_json

SALESFORCE = "Salesforce (production)"
SANDBOX = "NetSuite (sandbox)"  # no recipe uses it


def running_users(world: World, connection_id: int) -> set[str]:
    return {
        r["name"]
        for r in world.store.main.recipes.values()
        if r["running"] and any(c.get("account_id") == connection_id for c in r["config"])
    }


# deployments --------------------------------------------------------------------------


async def test_deploy_again_deploys_the_same_build_to_the_same_environment(
    tmp_path: Path,
) -> None:
    world = World(tmp_path)
    before = set(world.store.main.deployments)
    async with world.run() as d:
        await d.goto("deploy")  # `:deploy` offers the deploy action
        assert d.app.screen.active_bindings["d"].binding.id == "deployment-redeploy"
        past = d.move_to(lambda r: r.title == "HR Onboarding to prod")
        await d.press("d")
        confirm = await d.until_screen(ConfirmScreen)
        items = confirm.confirmation.items  # type: ignore[attr-defined]
        assert items == (f"Build {past.project_build_id} (HR Onboarding to prod) -> prod",)
        await d.confirm()
        await d.until(lambda: len(world.store.main.deployments) > len(before), "a deployment")
        await d.until(lambda: any("Deployment " in m and ": success" in m for m in d.messages))
    (new,) = [world.store.main.deployments[i] for i in set(world.store.main.deployments) - before]
    assert new["project_build_id"] == past.project_build_id
    assert new["environment_type"] == "prod"
    assert len(world.sent("project_builds.deploy")) == 1


async def test_deploy_again_is_blocked_read_only(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run(service=world.service(read_only=True)) as d:
        await d.jump("deployments")
        d.move_to(lambda r: r.environment_type == "test")
        await d.press("d")
        await d.settle()
        assert not d.modal
        assert any("read-only" in m.lower() for m in d.messages), d.messages
    assert world.sent("project_builds.deploy") == []


async def test_enter_shows_a_deployment_whole(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("deployments")
        row = d.move_to(lambda r: r.environment_type == "prod")
        await d.press("enter")
        screen = await d.until_screen(JsonScreen)
        assert isinstance(screen, JsonScreen)
        text = to_json(screen.value)
        assert f"Deployments: {row.id}" in d.screen_text(screen)
        for value in (row.description, str(row.project_build_id), row.performed_by_name):
            assert value in text


# disconnect ---------------------------------------------------------------------------


async def test_disconnect_names_the_running_recipes_that_use_it(tmp_path: Path) -> None:
    world = World(tmp_path)
    target = connection_named(world.store, SALESFORCE)
    users = running_users(world, target["id"])
    assert len(users) == 2  # the seed: two running recipes, one stopped one, use it
    async with world.run() as d:
        await d.jump("connections")
        d.move_to(lambda r: r.id == target["id"])
        await d.press("x")
        confirm = await d.until_screen(ConfirmScreen)
        details = " ".join(confirm.confirmation.details)  # type: ignore[attr-defined]
        assert "2 running recipe(s) use it" in details
        assert all(name in details for name in users)
        assert "Month-end revenue reconciliation" not in details  # stopped: not listed
        await d.press("escape")
        await d.until_main()
    assert world.sent("connections.disconnect") == []  # said before anything was sent


async def test_disconnect_of_an_unused_connection_says_none_uses_it(tmp_path: Path) -> None:
    world = World(tmp_path)
    target = connection_named(world.store, SANDBOX)
    async with world.run() as d:
        await d.jump("connections")
        d.move_to(lambda r: r.id == target["id"])
        await d.press("x")
        confirm = await d.until_screen(ConfirmScreen)
        assert confirm.confirmation.details == ("No running recipe uses it.",)  # type: ignore[attr-defined]
        await d.confirm()
        await d.until_main()
    assert [r.status for r in world.sent("connections.disconnect")] == [200]


# new connection's provider ------------------------------------------------------------


async def test_the_provider_is_chosen_from_those_the_workspace_uses(tmp_path: Path) -> None:
    world = World(tmp_path)
    used = sorted({c["provider"] for c in world.store.main.connections.values()})
    async with world.run() as d:
        await d.jump("connections")
        await d.press("n")
        form = await d.until_screen(FormScreen)
        options = [value for _, value in form.fields[0].options]  # type: ignore[attr-defined]
        assert options[:-1] == used and options[-1] == "__other__"
        d.set_field("provider", "jira")
        d.set_field("name", "Jira (ops)")
        await d.submit_form()
        confirm = await d.until_screen(ConfirmScreen)
        assert confirm.confirmation.items == ("Jira (ops) (jira)",)  # type: ignore[attr-defined]
        await d.confirm()
        await d.until_main()
    made = connection_named(world.store, "Jira (ops)")
    assert made["provider"] == "jira"


async def test_another_provider_is_typed_and_required(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        await d.jump("connections")
        await d.press("n")
        form = await d.until_screen(FormScreen)
        d.set_field("provider", "__other__")
        d.set_field("name", "Marketo (ops)")
        await d.submit_form()
        await d.pilot.pause()
        assert d.app.screen is form
        assert "another provider" in str(form.query_one("#form-error").render())
        d.set_field("other_provider", "marketo")
        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
        await d.until_main()
    assert connection_named(world.store, "Marketo (ops)")["provider"] == "marketo"
