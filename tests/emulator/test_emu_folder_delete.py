"""DELETE /api/folders/:id and DELETE /api/projects/:id (decisions #37)."""

from __future__ import annotations

from emu_helpers import Api, DemoIds

from workato_tui.emulator import Emulator
from workato_tui.emulator.records import new_connection, new_folder, new_project, new_recipe
from workato_tui.emulator.store import Store

CODE = '{"number": 0, "provider": "scheduler", "block": []}'


def _sandbox(store: Store) -> dict[str, int]:
    """A project holding a folder, a sub-folder, two stopped recipes and two connections."""
    ws = store.main
    project = new_project(store, ws, "Sandbox")
    folder = new_folder(store, ws, "Drafts", project["folder_id"])
    sub = new_folder(store, ws, "Old", folder["id"])
    ids = {"project": project["id"], "root": project["folder_id"], "folder": folder["id"]}
    ids["sub"] = sub["id"]
    ids["recipe"] = new_recipe(store, ws, name="Draft", folder_id=sub["id"], code=CODE)["id"]
    ids["top_recipe"] = new_recipe(
        store, ws, name="Top", folder_id=project["folder_id"], code=CODE
    )["id"]
    ids["connection"] = new_connection(
        store, ws, name="Slack: #drafts", provider="slack", folder_id=folder["id"]
    )["id"]
    ids["top_connection"] = new_connection(
        store, ws, name="Slack: #top", provider="slack", folder_id=project["folder_id"]
    )["id"]
    return ids


async def test_deleting_a_folder_takes_its_subfolders_recipes_and_connections(
    emu: Emulator, admin: Api
) -> None:
    ids = _sandbox(emu.store)
    ws = emu.store.main
    response = await admin.delete(f"/api/folders/{ids['folder']}")
    assert response.status_code == 200 and response.json() == {"success": True}
    assert ids["folder"] not in ws.folders and ids["sub"] not in ws.folders
    assert ids["recipe"] not in ws.recipes and ids["connection"] not in ws.connections
    assert ids["top_recipe"] in ws.recipes and ids["top_connection"] in ws.connections
    assert ids["project"] in ws.projects


async def test_deleting_a_project_takes_everything_in_it(emu: Emulator, admin: Api) -> None:
    ids = _sandbox(emu.store)
    ws = emu.store.main
    others = len(ws.recipes) - 2
    response = await admin.delete(f"/api/projects/{ids['project']}")
    assert response.status_code == 200 and response.json() == {"success": True}
    assert ids["project"] not in ws.projects
    assert not {ids["root"], ids["folder"], ids["sub"]} & set(ws.folders)
    assert ids["top_recipe"] not in ws.recipes and ids["top_connection"] not in ws.connections
    assert len(ws.recipes) == others
    listed = (await admin.get("/api/projects")).json()
    assert ids["project"] not in {p["id"] for p in listed}


async def test_a_folder_holding_running_recipes_cannot_be_destroyed(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    ws = emu.store.main
    before = (len(ws.folders), len(ws.recipes), len(ws.connections))
    for path in (
        f"/api/folders/{ids.folder('Invoices')}",  # holds a running recipe (in Approvals too)
        f"/api/projects/{ids.project('Finance Ops')['id']}",
    ):
        response = await admin.delete(path)
        assert response.status_code == 403, path
        assert response.json() == {"message": "Cannot destroy folder"}
    assert (len(ws.folders), len(ws.recipes), len(ws.connections)) == before


async def test_a_project_scoped_token_may_not_destroy_its_project(
    emu: Emulator, finance: Api, ids: DemoIds
) -> None:
    project = ids.project("Finance Ops")
    for recipe in emu.store.main.recipes.values():
        recipe["running"] = False
    response = await finance.delete(f"/api/projects/{project['id']}")
    assert response.status_code == 403
    assert response.json() == {"message": "Cannot destroy folder"}
    assert project["id"] in emu.store.main.projects
    # a folder inside its project is fine
    month_end = ids.folder("Month-end close")
    assert (await finance.delete(f"/api/folders/{month_end}")).status_code == 200


async def test_deleting_unknown_or_hidden_folders_is_404(
    admin: Api, finance: Api, ids: DemoIds
) -> None:
    assert (await admin.delete("/api/folders/999999")).status_code == 404
    assert (await admin.delete("/api/projects/999999")).status_code == 404
    assert (await finance.delete(f"/api/folders/{ids.folder('Lead routing')}")).status_code == 404


async def test_deleting_a_projects_folder_deletes_the_project(emu: Emulator, admin: Api) -> None:
    ids = _sandbox(emu.store)
    response = await admin.delete(f"/api/folders/{ids['root']}")
    assert response.status_code == 200
    assert ids["project"] not in emu.store.main.projects
    assert ids["top_recipe"] not in emu.store.main.recipes
