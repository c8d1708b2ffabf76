"""Read one side of a comparison through a `WorkspaceService` (its cache, quota and policy).

List endpoints only (projects, folders, recipes, connections, lookup tables); recipe details
and lookup rows are fetched by `fill_details` for pairs present on both sides, and only when the
lists could not tell (code missing from a list item). A revisit within the cache's TTL sends
nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .compare import Asset, Comparison, canonical_code, compare, with_facts, within

if TYPE_CHECKING:
    from .workspace import WorkspaceService


async def workspace_key(service: WorkspaceService) -> tuple[str, Any, Any]:
    """What identifies a workspace and environment: same key, same ids."""
    me = await service.me()
    return service.profile.base_url, me.id, getattr(me, "environment", None)


async def load_side(service: WorkspaceService, project: str | None = None) -> list[Asset]:
    projects = await service.projects()
    paths = {fid: path.replace(" / ", "/") for path, fid in await service.folder_paths()}
    project_names = {p.id: p.name for p in projects}
    assets = [
        Asset("project", "", p.name, p.id, {"description": p.description or ""}) for p in projects
    ]
    for folder_id, path in paths.items():
        parent, _, leaf = path.rpartition("/")
        if parent:
            assets.append(Asset("folder", parent, leaf, folder_id))
    connections = await service.connections()
    connection_where = {}
    for c in connections:
        where = paths.get(c.folder_id) if c.folder_id is not None else None
        if where is None:
            continue
        connection_where[c.id] = f"{where}/{c.name}"
        facts: dict[str, Any] = {"provider": c.provider, "description": c.description or ""}
        assets.append(Asset("connection", where, c.name, c.id, facts))
    async for page in service.recipe_pages():
        for r in page:
            place = paths.get(r.folder_id) if r.folder_id is not None else None
            if place is None:
                continue
            used = sorted(
                connection_where.get(c.account_id, f"#{c.account_id}")
                for c in r.config
                if c.account_id is not None
            )
            facts = {  # same dict type as above
                "version": r.version_no,
                "code": canonical_code(r.code),
                "running": r.running,
                "connections": tuple(used),
                "description": r.description or "",
            }
            assets.append(Asset("recipe", place, r.name, r.id, facts))
    for t in await service.lookup_tables():
        project_id = _int(t.project_id)
        project_name = project_names.get(project_id) if project_id is not None else None
        if project_name is None:
            continue
        facts = {"schema": tuple((c.get("label"), c.get("name")) for c in t.column_specs)}
        assets.append(Asset("lookup_table", project_name, t.name, t.id, facts))
    return within(assets, project) if project else assets


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


async def compare_services(
    here: WorkspaceService, there: WorkspaceService, project: str | None = None
) -> Comparison:
    same = await workspace_key(here) == await workspace_key(there)
    mine = await load_side(here, project)
    theirs = await load_side(there, project)
    return await fill_details(compare(mine, theirs, same), here, there)


async def fill_details(
    comparison: Comparison, here: WorkspaceService, there: WorkspaceService
) -> Comparison:
    """Fetch what the lists cannot tell for pairs on both sides: lookup rows, and recipe code
    when a list item came without it (one detail call per side)."""
    extra: dict[tuple[str, str], dict[str, Any]] = {}
    for pair in comparison.pairs:
        if pair.here is None or pair.there is None:
            continue
        if pair.kind == "lookup_table":
            extra[(pair.kind, pair.where)] = {
                "here": {"rows": await table_rows(here, pair.here.id)},
                "there": {"rows": await table_rows(there, pair.there.id)},
            }
        elif pair.kind == "recipe" and None in (pair.here.facts["code"], pair.there.facts["code"]):
            extra[(pair.kind, pair.where)] = {
                "here": {"code": await recipe_code(here, pair.here.id)},
                "there": {"code": await recipe_code(there, pair.there.id)},
            }
    return with_facts(comparison, extra) if extra else comparison


async def recipe_code(service: WorkspaceService, recipe_id: int | None) -> str | None:
    if recipe_id is None:
        return None
    return canonical_code((await service.recipe(recipe_id)).code)


async def table_rows(service: WorkspaceService, table_id: int | None) -> tuple[Any, ...]:
    """The table's rows as a sorted tuple of their data (row ids differ between sides)."""
    if table_id is None:
        return ()
    rows: list[tuple[tuple[str, str], ...]] = []
    async for page in service.lookup_row_pages(table_id):
        rows += [_row_key(r.data) for r in page]
    return tuple(sorted(rows))


def _row_key(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, "" if v is None else str(v)) for k, v in data.items()))
