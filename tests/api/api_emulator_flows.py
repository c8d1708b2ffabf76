"""Success-path flows against the demo emulator, one per family of endpoints.

Each flow calls every method of its family and checks what came back against the emulator's
own store, so a wrong path, body or envelope fails here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from workato_tui.api import Unauthorized, WorkatoClient, customer_ref
from workato_tui.api.models import Recipe

Flow = Callable[[WorkatoClient, Any], Awaitable[None]]


def by_name(recipes: list[Recipe], name: str) -> Recipe:
    return next(r for r in recipes if r.name == name)


async def recipes_flow(client: WorkatoClient, emu: Any) -> None:
    ws = emu.store.main
    listed = [r async for r in client.iter_recipes(per_page=5)]
    assert sorted(r.id for r in listed) == sorted(ws.recipes)
    assert [r.id for r in await client.list_recipes(per_page=3)] == sorted(ws.recipes)[::-1][:3]
    running = await client.list_recipes(running=True)
    assert running and all(r.running for r in running)

    target = by_name(listed, "Route inbound leads by territory")
    assert (await client.get_recipe(target.id)).name == target.name
    assert (await client.stop_recipe(target.id)).success
    assert ws.recipes[target.id]["running"] is False
    assert (await client.update_recipe(target.id, description="Routes leads")).success
    assert ws.recipes[target.id]["description"] == "Routes leads"
    assert (await client.start_recipe(target.id)).success
    assert ws.recipes[target.id]["running"] is True

    folder = str(target.folder_id)
    created = await client.create_recipe(
        name="Nightly sync", code={"number": 0, "block": []}, folder_id=folder
    )
    assert ws.recipes[created.id]["name"] == "Nightly sync"
    copy = await client.copy_recipe(created.id, folder_id=folder)
    assert copy.id is not None and copy.id in ws.recipes
    assert (await client.delete_recipe(copy.id)).success
    assert copy.id not in ws.recipes

    stopped = by_name(listed, "Month-end revenue reconciliation")
    reporting = next(c for c in ws.connections.values() if c["name"] == "Salesforce (reporting)")
    switched = await client.connect_recipe(
        stopped.id, adapter_name="salesforce", connection_id=reporting["id"]
    )
    assert switched.success
    assert reporting["id"] in {c["account_id"] for c in ws.recipes[stopped.id]["config"]}
    versions = [v async for v in client.iter_recipe_versions(stopped.id, per_page=4)]
    assert [v.version_no for v in versions] == list(
        range(ws.recipes[stopped.id]["version_no"], 0, -1)
    )


async def jobs_flow(client: WorkatoClient, emu: Any) -> None:
    ws = emu.store.main
    recipe = by_name(await client.list_recipes(), "Sync closed-won opportunities to NetSuite")
    first = await client.list_jobs(recipe.id, per_page=10)
    assert first.job_count == len(ws.job_log(recipe.id).jobs)
    assert len(first.items) == 10
    every = [j async for j in client.iter_jobs(recipe.id)]
    assert len(every) == first.job_count
    assert len({j.id for j in every}) == len(every)  # no page fetched twice
    detail = await client.get_job(recipe.id, every[0].id)
    assert detail.id == every[0].id and detail.recipe_id == recipe.id

    master = next(j for j in every if j.model_extra and not j.model_extra.get("is_repeat"))
    result = await client.repeat_jobs(recipe.id, [master.id, "j-nope"])
    assert [r.status for r in result.results] == ["enqueued", "failed"]
    assert result.summary is not None and result.summary.total_enqueued == 1

    from workato_tui.emulator import DEMO_RESUME_TOKEN

    await client.resume_job(DEMO_RESUME_TOKEN, {"approved": True})  # answers 204
    assert DEMO_RESUME_TOKEN not in emu.store.resume_tokens


async def connections_flow(client: WorkatoClient, emu: Any) -> None:
    ws = emu.store.main
    listed = await client.list_connections()
    assert sorted(c.id for c in listed) == sorted(ws.connections)
    folder = str(next(iter(ws.projects.values()))["folder_id"])
    created = await client.create_connection(
        name="Box (docs)", provider="box", folder_id=folder, input={"client_id": "abc"}
    )
    assert created.connected and created.id in ws.connections
    updated = await client.update_connection(created.id, name="Box (legal docs)")
    assert updated.name == ws.connections[created.id]["name"] == "Box (legal docs)"
    disconnected = await client.disconnect_connection(created.id)
    assert disconnected.success and disconnected.status == "disconnected"
    assert ws.connections[created.id]["authorization_status"] is None  # decisions #28
    assert (await client.delete_connection(created.id)).success
    assert created.id not in ws.connections


async def folders_flow(client: WorkatoClient, emu: Any) -> None:
    ws = emu.store.main
    projects = [p async for p in client.iter_projects(per_page=2)]
    assert sorted(p.id for p in projects) == sorted(ws.projects)
    project = projects[0]
    top = await client.list_folders()
    assert project.folder_id in {f.id for f in top}
    children = [f async for f in client.iter_folders(parent_id=project.folder_id)]
    assert children and all(f.parent_id == project.folder_id for f in children)

    made = await client.create_folder(name="Audits", parent_id=project.folder_id)
    assert ws.folders[made.id]["parent_id"] == project.folder_id
    renamed = await client.update_folder(made.id, name="Audits 2026")
    assert renamed.name == ws.folders[made.id]["name"] == "Audits 2026"
    updated = await client.update_project(project.id, description="Money in, money out")
    assert updated.description == ws.projects[project.id]["description"]
    assert (await client.delete_folder(made.id)).success
    assert made.id not in ws.folders

    deployment = await client.deploy_project(
        project.id, environment_type="test", description="From the tests"
    )
    assert deployment.state == "pending" and deployment.environment_type == "test"
    emu.clock.advance(5)
    assert (await client.get_deployment(deployment.id)).state == "success"
    assert deployment.project_build_id is not None
    build = await client.get_project_build(deployment.project_build_id)
    assert build.state == "success" and build.download_url
    listed = await client.list_deployments(project_id=project.id)
    assert deployment.id in {d.id for d in listed}
    assert all(d.project_id == project.id for d in listed)

    package = await client.build_project(project.id, description="Package", include_tags=True)
    assert (package.state, package.download_url) == ("pending", None)
    assert package.project_id == project.id
    from_build = await client.deploy_build(package.id, environment_type="prod")
    assert from_build.project_build_id == package.id and from_build.environment_type == "prod"
    emu.clock.advance(5)
    assert (await client.get_deployment(from_build.id)).state == "success"

    scratch = await client.create_folder(name="Scratch project")  # nothing runs in it
    assert scratch.project_id is not None
    assert (await client.delete_project(scratch.project_id)).success
    assert scratch.project_id not in ws.projects


async def lookup_flow(client: WorkatoClient, emu: Any) -> None:
    ws = emu.store.main
    tables = [t async for t in client.iter_lookup_tables(per_page=3)]
    countries = next(t for t in tables if t.name == "Country codes")
    assert countries.columns == ["iso2", "iso3", "name", "region"]
    germany = await client.lookup_row(countries.id, {"iso2": "DE"})
    assert germany.data["name"] == "Germany"
    emea = await client.list_lookup_rows(countries.id, by={"region": "EMEA"})
    assert {r.data["iso2"] for r in emea} == {"GB", "DE", "FR", "NL", "IL"}
    every = [r async for r in client.iter_lookup_rows(countries.id, per_page=4)]
    assert len(every) == len(ws.lookup_rows[countries.id])
    assert (await client.get_lookup_row(countries.id, germany.id)).data == germany.data

    added = await client.add_lookup_row(
        countries.id, {"iso2": "NZ", "iso3": "NZL", "name": "New Zealand", "region": "APAC"}
    )
    assert ws.lookup_rows[countries.id][added.id]["data"]["name"] == "New Zealand"
    changed = await client.update_lookup_row(countries.id, added.id, {"name": "Aotearoa"})
    assert changed.data["name"] == "Aotearoa" and changed.data["iso2"] == "NZ"
    assert (await client.delete_lookup_row(countries.id, added.id)).success
    assert added.id not in ws.lookup_rows[countries.id]


async def admin_flow(client: WorkatoClient, emu: Any) -> None:
    store = emu.store
    me = await client.get_me()
    assert me.id == store.user["id"] and me.company_name == store.user["company_name"]
    roles = [r async for r in client.iter_project_roles(per_page=2)]
    assert sorted(r.id for r in roles) == sorted(store.project_roles)
    legacy = [r async for r in client.iter_roles(per_page=2)]
    assert sorted(r.id for r in legacy) == sorted(store.roles)
    groups = await client.list_on_prem_groups()
    status = await client.get_on_prem_status(groups[0].id)
    assert status.total_agents == len(store.on_prem_agents[groups[0].id])
    assert status.active_agents == sum(a.status == "active" for a in status.agents)
    entries = [e async for e in client.iter_activity(page_size=25)]
    assert len(entries) == len(store.activity)
    assert (await client.list_activity(page_size=5)).data[0].id == store.activity[-1]["id"]


async def api_clients_flow(client: WorkatoClient, emu: Any) -> None:
    store = emu.store
    clients = [c async for c in client.iter_api_clients(per_page=2)]
    prod_clients = [i for i, c in store.api_clients.items() if c.environment is None]
    assert sorted(c.id for c in clients) == sorted(prod_clients)  # dev/test clients listed apart
    role_id = clients[0].api_privilege_group_id
    assert role_id is not None
    roles = {r.id: r.name async for r in client.iter_api_client_roles(per_page=1)}
    assert roles == {r.id: r.name for r in store.client_roles.values()}  # every role, named
    created = await client.create_api_client(
        name="Tests", api_privilege_group_id=role_id, all_folders=True
    )
    assert created.secret is not None and created.id in store.api_clients
    secret = created.secret.get_secret_value()
    async with WorkatoClient(
        secret, base_url="http://127.0.0.1", transport=emu.transport()
    ) as minted:
        assert (await minted.get_me()).id == store.user["id"]
        regenerated = await client.regenerate_api_client(created.id)
        assert regenerated.secret is not None
        assert regenerated.secret.get_secret_value() != secret
        try:
            await minted.get_me()
        except Unauthorized:
            pass
        else:
            raise AssertionError("the old token still works after regenerate")
    assert (await client.delete_api_client(created.id)).success
    assert created.id not in store.api_clients


async def customers_flow(client: WorkatoClient, emu: Any) -> None:
    store = emu.store
    customers = [c async for c in client.iter_customers(per_page=2)]
    assert sorted(c.id for c in customers) == sorted(store.customers)
    globex = next(c for c in customers if c.external_id == "A2300")
    by_external = await client.list_customer_recipes(customer_ref("A2300"))
    by_id = [r async for r in client.iter_customer_recipes(globex.id, per_page=2)]
    assert [r.id for r in by_external] == [r.id for r in by_id]
    recipe = await client.get_customer_recipe(globex.id, by_id[0].id)
    assert recipe.name == by_id[0].name
    page = await client.list_customer_jobs(globex.id, recipe.id, per_page=5)
    jobs = [j async for j in client.iter_customer_jobs(globex.id, recipe.id, per_page=7)]
    assert len(jobs) == page.job_count
    detail = await client.get_customer_job(customer_ref("A2300"), recipe.id, jobs[0].id)
    assert detail.id == jobs[0].id
    result = await client.repeat_customer_jobs(globex.id, recipe.id, [jobs[-1].id])
    assert len(result.results) == 1 and result.results[0].requested == jobs[-1].id


FLOWS: dict[str, Flow] = {
    "recipes": recipes_flow,
    "jobs": jobs_flow,
    "connections": connections_flow,
    "folders": folders_flow,
    "lookup": lookup_flow,
    "admin": admin_flow,
    "api_clients": api_clients_flow,
    "customers": customers_flow,
}
