"""Read both sides of a comparison through their `WorkspaceService`s (cache, quota, policy).

Progressive: one asset kind at a time (projects and folders, connections, recipes, lookup
tables), both sides read for it and compared before the next kind, so a screen shows each
kind as soon as it is known. The two sides are read at once, each through its own service, so
inside its own profile's quota. List endpoints only; recipe details and lookup rows are fetched by
`fill_details` for pairs present on both sides, and only when the lists could not tell (code
missing from a list item). A revisit within the cache's TTL sends nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .compare import Asset, Comparison, canonical_code, compare, joined, with_facts, within

if TYPE_CHECKING:
    from .workspace import WorkspaceService

STAGES = ("projects and folders", "connections", "recipes", "lookup tables")


@dataclass(frozen=True)
class CompareProgress:
    """The comparison of the kinds read so far."""

    comparison: Comparison
    done: tuple[str, ...]  # the stages finished, in order

    @property
    def finished(self) -> bool:
        return len(self.done) == len(STAGES)

    def describe(self) -> str:
        if self.finished:
            return "compared"
        following = STAGES[len(self.done)]
        return f"comparing… {following} ({len(self.done)} of {len(STAGES)} kinds done)"


async def workspace_key(service: WorkspaceService) -> tuple[str, Any, Any]:
    """What identifies a workspace and environment: same key, same ids."""
    me = await service.me()
    return service.profile.base_url, me.id, getattr(me, "environment", None)


class Side:
    """One side's assets, read a kind at a time (later kinds are placed by earlier ones)."""

    def __init__(self, service: WorkspaceService, project: str | None) -> None:
        self.service = service
        self.project = project
        self.paths: dict[int, str] = {}  # folder id -> path
        self.project_names: dict[int, str] = {}
        self.connection_where: dict[int, str] = {}  # connection id -> its path

    async def read(self, stage: str) -> list[Asset]:
        reader = {
            STAGES[0]: self.structure,
            STAGES[1]: self.connections,
            STAGES[2]: self.recipes,
            STAGES[3]: self.lookup_tables,
        }[stage]
        assets = await reader()
        return within(assets, self.project) if self.project else assets

    async def structure(self) -> list[Asset]:
        projects = await self.service.projects()
        folders = await self.service.folder_paths()
        self.paths = {fid: path.replace(" / ", "/") for path, fid in folders}
        self.project_names = {p.id: p.name for p in projects}
        assets = [
            Asset("project", "", p.name, p.id, {"description": p.description or ""})
            for p in projects
        ]
        for folder_id, path in self.paths.items():
            parent, _, leaf = path.rpartition("/")
            if parent:
                assets.append(Asset("folder", parent, leaf, folder_id))
        return assets

    async def connections(self) -> list[Asset]:
        assets = []
        for c in await self.service.connections():
            where = self.paths.get(c.folder_id) if c.folder_id is not None else None
            if where is None:
                continue
            self.connection_where[c.id] = f"{where}/{c.name}"
            facts: dict[str, Any] = {"provider": c.provider, "description": c.description or ""}
            assets.append(Asset("connection", where, c.name, c.id, facts))
        return assets

    async def recipes(self) -> list[Asset]:
        assets = []
        async for page in self.service.recipe_pages():
            for r in page:
                place = self.paths.get(r.folder_id) if r.folder_id is not None else None
                if place is None:
                    continue
                used = sorted(
                    self.connection_where.get(c.account_id, f"#{c.account_id}")
                    for c in r.config
                    if c.account_id is not None
                )
                facts = {
                    "version": r.version_no,
                    "code": canonical_code(r.code),
                    "running": r.running,
                    "connections": tuple(used),
                    "description": r.description or "",
                }
                assets.append(Asset("recipe", place, r.name, r.id, facts))
        return assets

    async def lookup_tables(self) -> list[Asset]:
        assets = []
        for t in await self.service.lookup_tables():
            project_id = _int(t.project_id)
            name = self.project_names.get(project_id) if project_id is not None else None
            if name is None:
                continue
            facts = {"schema": tuple((c.get("label"), c.get("name")) for c in t.column_specs)}
            assets.append(Asset("lookup_table", name, t.name, t.id, facts))
        return assets


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


async def compare_progressively(
    here: WorkspaceService, there: WorkspaceService, project: str | None = None
) -> AsyncIterator[CompareProgress]:
    """The comparison after each kind: both sides read for it, compared, details filled."""
    same = await workspace_key(here) == await workspace_key(there)
    mine, theirs = Side(here, project), Side(there, project)
    parts: list[Comparison] = []
    for index, stage in enumerate(STAGES):
        part = compare(*await _both(mine, theirs, stage), same)
        parts.append(await fill_details(part, here, there))
        yield CompareProgress(joined(parts), STAGES[: index + 1])


async def _both(mine: Side, theirs: Side, stage: str) -> tuple[list[Asset], list[Asset]]:
    """Both sides of one stage; two profiles read at once, each through its own quota (one
    service on both sides reads once: the second read is the cache's)."""
    if mine.service is theirs.service:
        return await mine.read(stage), await theirs.read(stage)
    try:
        async with asyncio.TaskGroup() as group:  # a failure on one side cancels the other
            here = group.create_task(mine.read(stage))
            there = group.create_task(theirs.read(stage))
    except ExceptionGroup as failed:  # callers handle the API's own errors, not groups
        raise failed.exceptions[0] from None
    return here.result(), there.result()


async def compare_services(
    here: WorkspaceService, there: WorkspaceService, project: str | None = None
) -> Comparison:
    comparison = Comparison(())
    async for progress in compare_progressively(here, there, project):
        comparison = progress.comparison
    return comparison


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
