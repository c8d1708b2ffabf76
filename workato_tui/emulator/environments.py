"""Environments (dev, test, prod) and what a deployment moves between them.

A deployment deploys a build of the project (`POST /api/projects/:id/build`, or the one that
`POST /api/projects/:id/deploy` makes) from the source environment (the one the deploying
client is bound to) and, once it reaches `success` (never before its build has), copies the
project's assets into the target environment, matching them by folder path and name (ids
differ between environments):

- recipes: code, name, description and connections used; the version is bumped; the target's
  running state is kept and a recipe new to the target arrives stopped;
- connections: a connection new to the target arrives as a shell without credentials; an
  existing one keeps its credentials;
- lookup tables: the schema (rows stay as they are in the target);
- recipes and lookup tables of the project that the source no longer has are removed.
See README.md ("Environments") for why these rules were inferred.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import (
    code_applications,
    new_connection,
    new_folder,
    new_lookup_table,
    new_project,
    new_recipe,
)
from .store import Record, Store, Workspace

ENVIRONMENT_NAMES = {"dev": "Development", "test": "Test", "prod": "Production"}
BUILD_SECONDS = 1.0  # a build stays `pending` this long on the emulator's clock
DEPLOY_SECONDS = 3.0  # a deployment stays `pending` this long on the emulator's clock


def environment_of(store: Store, workspace: Workspace) -> str | None:
    return next((name for name, ws in store.environments.items() if ws is workspace), None)


def folder_paths(ws: Workspace, project: Record) -> dict[int, str]:
    """Folder id -> path inside the project ("" for the project folder, "Invoices/Approvals")."""
    paths: dict[int, str] = {project["folder_id"]: ""}
    pending = [f for f in ws.folders.values() if f["project_id"] == project["id"]]
    while pending:
        progressed = [f for f in pending if f["parent_id"] in paths]
        if not progressed:
            break
        for folder in progressed:
            parent = paths[folder["parent_id"]]
            paths.setdefault(
                folder["id"], f"{parent}/{folder['name']}" if parent else folder["name"]
            )
            pending.remove(folder)
    return paths


def in_project(records: dict[int, Record], paths: dict[int, str]) -> dict[tuple[str, str], Record]:
    """(folder path, name) -> record, for the records held in the project's folders."""
    return {
        (paths[r["folder_id"]], r["name"]): r
        for r in records.values()
        if r.get("folder_id") in paths
    }


def tables_of(ws: Workspace, project: Record) -> dict[str, Record]:
    return {
        t["name"]: t for t in ws.lookup_tables.values() if t["project_id"] == str(project["id"])
    }


@dataclass
class Move:
    """One deployment's copy of a project from `source` into `target`."""

    store: Store
    source: Workspace
    target: Workspace
    project: Record

    def run(self) -> Record:
        target_project = self._project()
        source_paths = folder_paths(self.source, self.project)
        target_paths = self._folders(source_paths, target_project)
        folder_of = {path: fid for fid, path in target_paths.items()}
        connections = self._connections(source_paths, target_paths, folder_of)
        self._recipes(source_paths, target_paths, folder_of, connections)
        self._tables(target_project)
        return target_project

    def _project(self) -> Record:
        name = self.project["name"]
        found = next((p for p in self.target.projects.values() if p["name"] == name), None)
        if found is None:
            found = new_project(self.store, self.target, name, self.project.get("description"))
        found["description"] = self.project.get("description")
        return found

    def _folders(self, source_paths: dict[int, str], project: Record) -> dict[int, str]:
        target_paths = folder_paths(self.target, project)
        by_path = {path: fid for fid, path in target_paths.items()}
        for path in sorted(source_paths.values(), key=lambda p: p.count("/")):
            if path in by_path:
                continue
            parent, _, leaf = path.rpartition("/")
            folder = new_folder(self.store, self.target, leaf, by_path[parent])
            by_path[path] = folder["id"]
            target_paths[folder["id"]] = path
        return target_paths

    def _connections(
        self, source_paths: dict[int, str], target_paths: dict[int, str], folder_of: dict[str, int]
    ) -> dict[int, Record]:
        """Source connection id -> its target twin (created as a shell when new)."""
        there = in_project(self.target.connections, target_paths)
        twins: dict[int, Record] = {}
        for key, connection in in_project(self.source.connections, source_paths).items():
            twin = there.get(key)
            if twin is None:
                twin = new_connection(
                    self.store,
                    self.target,
                    name=connection["name"],
                    provider=connection["provider"],
                    folder_id=folder_of[key[0]],
                    authorized=False,
                    description=connection.get("description"),
                )
                twin.update(authorization_status=None, authorization_error=None)
            twins[connection["id"]] = twin
        return twins

    def _recipes(
        self,
        source_paths: dict[int, str],
        target_paths: dict[int, str],
        folder_of: dict[str, int],
        connections: dict[int, Record],
    ) -> None:
        there = in_project(self.target.recipes, target_paths)
        here = in_project(self.source.recipes, source_paths)
        for key, recipe in here.items():
            config = [
                {**c, "account_id": connections[c["account_id"]]["id"]}
                if c.get("account_id") in connections
                else dict(c)
                for c in recipe.get("config") or []
            ]
            twin = there.get(key)
            if twin is None:
                twin = new_recipe(
                    self.store,
                    self.target,
                    name=recipe["name"],
                    folder_id=folder_of[key[0]],
                    code=recipe["code"],
                    description=recipe.get("description") or "",
                    config=config,
                )
                twin["version_no"] = recipe["version_no"]
                continue
            if _content(twin) != _content({**recipe, "config": config}):
                trigger, actions = code_applications(recipe["code"])
                twin.update(
                    code=recipe["code"],
                    description=recipe.get("description"),
                    config=config,
                    trigger_application=trigger,
                    action_applications=actions,
                    version_no=max(twin["version_no"] + 1, recipe["version_no"]),
                    updated_at=self.store.now_iso(),
                )
        for key, twin in there.items():
            if key not in here:
                self.target.recipes.pop(twin["id"], None)
                self.target.jobs.pop(twin["id"], None)

    def _tables(self, project: Record) -> None:
        there = tables_of(self.target, project)
        here = tables_of(self.source, self.project)
        for name, table in here.items():
            twin = there.get(name)
            if twin is None:
                twin = new_lookup_table(self.store, self.target, name, project["id"], [])
            twin.update(schema=table["schema"], updated_at=self.store.now_iso())
        for name, twin in there.items():
            if name not in here:
                self.target.lookup_tables.pop(twin["id"], None)
                self.target.lookup_rows.pop(twin["id"], None)


def _content(recipe: Record) -> tuple[object, ...]:
    accounts = [c.get("account_id") for c in recipe.get("config") or []]
    return recipe["code"], recipe.get("description") or "", accounts


def settle(store: Store, ws: Workspace, deployment: Record) -> None:
    """Move a deployment to `success` once its time is up, and then move its assets."""
    if deployment["state"] != "pending":
        return
    if store.now().timestamp() - deployment["_t"] < DEPLOY_SECONDS:
        return
    build = ws.builds.get(deployment["project_build_id"])
    if build is not None and build_view(store, build)["state"] != "success":
        return  # a deployment of a build still building waits for it
    deployment.update(state="success", updated_at=store.now_iso())
    move = deployment.pop("_move", None)
    if move is not None:
        source_project = ws.projects.get(move["project_id"])
        target = store.environments.get(move["target"])
        if source_project is not None and target is not None:
            Move(store, ws, target, source_project).run()


def settle_due(store: Store) -> None:
    """Settle every deployment that moves assets and whose time is up (called per request)."""
    for ws, deployment_id in list(store.pending_moves):
        deployment = ws.deployments.get(deployment_id)
        if deployment is not None:
            settle(store, ws, deployment)
        if deployment is None or deployment["state"] != "pending":
            store.pending_moves.remove((ws, deployment_id))


def build_view(store: Store, build: Record) -> Record:
    """A project build: pending for a moment, then success with a download URL."""
    elapsed = store.now().timestamp() - build["_t"]
    if build["state"] == "pending" and elapsed >= BUILD_SECONDS:
        build.update(state="success", updated_at=store.now_iso())
    if build["state"] == "success" and build["download_url"] is None:
        build["download_url"] = f"https://www.workato.com/project_builds/{build['id']}/download"
    return {k: v for k, v in build.items() if not k.startswith("_")}
