"""Issue 11 item 16 in forms: the new-API-client form names client roles (from
GET /api/developer_api_client_roles) and takes projects by name or project folder id."""

from __future__ import annotations

from pathlib import Path

from pilot_driver import Driver
from pilot_world import World

from workato_tui.actions.api_clients import folder_ids
from workato_tui.screens.confirm import ConfirmScreen
from workato_tui.screens.form import FormScreen


async def open_new_client_form(d: Driver) -> FormScreen:
    await d.jump("api-clients")
    await d.press("n")
    form = await d.until_screen(FormScreen)
    assert isinstance(form, FormScreen)
    return form


async def test_the_role_choice_names_every_client_role(tmp_path: Path) -> None:
    world = World(tmp_path)
    async with world.run() as d:
        form = await open_new_client_form(d)
        role_field = next(f for f in form.fields if f.name == "role")
        labels = {value: label for label, value in role_field.options}
        for role in world.store.client_roles.values():  # unused roles are offered too
            assert labels[role.id].startswith(role.name), labels
        assert "project folder id" in form_text(form)  # one word: the project's folder id


async def test_a_client_is_scoped_to_projects_typed_by_name(tmp_path: Path) -> None:
    world = World(tmp_path)
    project = next(p for p in world.store.main.projects.values() if p["name"] == "Finance Ops")
    async with world.run() as d:
        await open_new_client_form(d)
        d.set_field("name", "Finance reporting")
        d.set_field("role", next(iter(world.store.client_roles)))
        d.set_field("folder_ids", "finance ops")
        await d.submit_form()
        await d.until_screen(ConfirmScreen)
        await d.confirm()
    created = world.sent("api_clients.create")
    assert [r.status for r in created] == [200]
    assert created[0].body["folder_ids"] == [project["folder_id"]]


def test_typed_projects_mix_names_and_folder_ids() -> None:
    projects = {"Finance Ops": 11, "HR Onboarding": 22}
    assert folder_ids("HR onboarding, 34; finance OPS", projects) == [22, 34, 11]
    assert folder_ids("Nope, 5 6") == [5, 6]  # an unknown name is skipped


def form_text(form: FormScreen) -> str:
    return " ".join(str(label.render()) for label in form.query("Label"))
