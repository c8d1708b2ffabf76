"""Incident freeze and thaw: stop what runs now, and later start exactly that again.

A freeze writes down the recipes running now, in the profile's state directory, *before* it
stops any of them, so a crash part-way can neither lose the set nor leave it unknown. Each stop
and each start is written down as it happens. A thaw starts only the recorded set: recipes that
were already stopped before the freeze stay stopped, and recipes deleted since are skipped.
A freeze or thaw that did not finish (the app was killed) is found by `FreezeStore.unfinished()`.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..api.endpoints import endpoint
from ..api.errors import NotFound, WorkatoError
from .families import Family
from .paths import ensure_private_dir

if TYPE_CHECKING:  # light to import: the main screen checks for an unfinished freeze at once
    from ..api.models import Recipe
    from .workspace import WorkspaceService

FREEZING, FROZEN, THAWING, PARTLY_THAWED, THAWED = (
    "freezing",
    "frozen",
    "thawing",
    "partly thawed",
    "thawed",
)
UNFINISHED = (FREEZING, THAWING)

Progress = Callable[[int, int, str], None]  # (done, total, what just happened)


@dataclass
class Freeze:
    """One freeze, as written to disk after every step."""

    id: str
    created_at: str
    profile: str
    scope: str
    recipes: dict[str, str]  # recipe id -> name: the set that was running at the freeze
    stopped: list[int] = field(default_factory=list)
    started: list[int] = field(default_factory=list)
    gone: list[int] = field(default_factory=list)  # deleted since the freeze
    problems: dict[str, str] = field(default_factory=dict)  # recipe id -> what went wrong
    state: str = FREEZING

    @property
    def recipe_ids(self) -> list[int]:
        return [int(recipe_id) for recipe_id in self.recipes]

    def name(self, recipe_id: int) -> str:
        return self.recipes.get(str(recipe_id), f"recipe {recipe_id}")

    def summary(self) -> str:
        return (
            f"{len(self.recipes)} recipes; stopped {len(self.stopped)}, "
            f"started again {len(self.started)}, deleted since {len(self.gone)}, "
            f"problems {len(self.problems)}"
        )


class FreezeStore:
    """Freezes as private JSON files, one per freeze, replaced atomically on every change."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def save(self, freeze: Freeze) -> None:
        ensure_private_dir(self.directory)
        path = self.directory / f"{freeze.id}.json"
        temporary = path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(asdict(freeze), handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    def load_all(self) -> list[Freeze]:
        """Every readable freeze, newest first."""
        found = []
        for path in self.directory.glob("*.json") if self.directory.is_dir() else ():
            try:
                found.append(Freeze(**json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError, TypeError):
                continue  # a file we cannot read is left where it is, for a person to look at
        return sorted(found, key=lambda f: f.created_at, reverse=True)

    def unfinished(self) -> list[Freeze]:
        return [freeze for freeze in self.load_all() if freeze.state in UNFINISHED]


def unfinished_freezes(service: WorkspaceService) -> list[Freeze]:
    """Freezes or thaws a crash interrupted, for the start-up offer."""
    if service.freezes_dir is None:
        return []
    return FreezeStore(service.freezes_dir).unfinished()


def new_freeze(recipes: Sequence[Recipe], *, profile: str, scope: str, now: datetime) -> Freeze:
    """The record of a freeze about to start: the recipes among `recipes` running now."""
    stamp = now.strftime("%Y%m%dT%H%M%S")
    return Freeze(
        id=f"{stamp}-{secrets.token_hex(3)}",
        created_at=now.isoformat(),
        profile=profile,
        scope=scope,
        recipes={str(r.id): r.name for r in recipes if r.running},
    )


async def run_freeze(
    service: WorkspaceService, store: FreezeStore, freeze: Freeze, progress: Progress | None = None
) -> Freeze:
    """Stop every recorded recipe not stopped yet (again after a crash), saving each step.

    Read-only mode and the access policy refuse it before anything is written or sent.
    """
    service.policy.check(endpoint("recipes.stop"))
    freeze.state = FREEZING
    store.save(freeze)  # on disk before the first stop
    todo = [rid for rid in freeze.recipe_ids if rid not in freeze.stopped]
    for done, recipe_id in enumerate(todo, start=1):
        note = await _stop(service, freeze, recipe_id)
        store.save(freeze)
        if progress:
            progress(done, len(todo), note)
    freeze.state = FROZEN
    store.save(freeze)
    return freeze


async def _stop(service: WorkspaceService, freeze: Freeze, recipe_id: int) -> str:
    try:
        await service.writes.stop_recipe(recipe_id)
    except NotFound:
        freeze.gone.append(recipe_id)
        return f"{freeze.name(recipe_id)}: deleted, nothing to stop"
    except WorkatoError as error:
        if await _running(service, recipe_id) is False:
            freeze.stopped.append(recipe_id)  # it was stopped already
            return f"{freeze.name(recipe_id)}: already stopped"
        freeze.problems[str(recipe_id)] = error.describe()
        return f"{freeze.name(recipe_id)}: not stopped: {error.describe()}"
    freeze.stopped.append(recipe_id)
    freeze.problems.pop(str(recipe_id), None)
    return f"{freeze.name(recipe_id)}: stopped"


async def run_thaw(
    service: WorkspaceService, store: FreezeStore, freeze: Freeze, progress: Progress | None = None
) -> Freeze:
    """Start exactly the recorded set again, skipping recipes deleted since."""
    service.policy.check(endpoint("recipes.start"))
    freeze.state = THAWING
    store.save(freeze)
    todo = [
        rid for rid in freeze.recipe_ids if rid not in freeze.started and rid not in freeze.gone
    ]
    for done, recipe_id in enumerate(todo, start=1):
        note = await _start(service, freeze, recipe_id)
        store.save(freeze)
        if progress:
            progress(done, len(todo), note)
    left = [rid for rid in freeze.recipe_ids if rid not in freeze.started + freeze.gone]
    freeze.state = PARTLY_THAWED if left else THAWED
    store.save(freeze)
    return freeze


async def _start(service: WorkspaceService, freeze: Freeze, recipe_id: int) -> str:
    name = freeze.name(recipe_id)
    running = await _running(service, recipe_id)
    if running is None:
        freeze.gone.append(recipe_id)
        return f"{name}: deleted since the freeze, not started"
    if not running:
        try:
            await service.writes.start_recipe(recipe_id)
        except WorkatoError as error:
            freeze.problems[str(recipe_id)] = error.describe()
            return f"{name}: not started: {error.describe()}"
    freeze.started.append(recipe_id)
    freeze.problems.pop(str(recipe_id), None)
    return f"{name}: started"


async def _running(service: WorkspaceService, recipe_id: int) -> bool | None:
    """Whether the recipe runs now, read fresh; None when it no longer exists."""
    service.gateway.forget(Family.RECIPES, "one", recipe_id)
    try:
        return (await service.recipe(recipe_id)).running
    except NotFound:
        return None
