"""What a deploy will change: the project compared in the source and target environments.

Recipes added to the target, changed there (with versions) or removed from it, and
connections that will arrive without credentials; `lines()` is the confirmation's summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .compare import DIFFERS, ONLY_HERE, ONLY_THERE, Comparison
from .compare_load import compare_services

if TYPE_CHECKING:
    from .workspace import WorkspaceService


@dataclass(frozen=True)
class DeployPreview:
    project: str
    target: str
    added: tuple[str, ...]
    changed: tuple[str, ...]  # "Name (v4 -> v5: code, version)"
    removed: tuple[str, ...]
    new_connections: tuple[str, ...]
    other: tuple[str, ...]  # tables, folders and connections that differ

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.new_connections)

    def lines(self) -> list[str]:
        if self.empty:
            return [f"{self.project} in {self.target} already matches the source: no changes."]
        lines = [f"What this deploy changes in {self.target}:"]
        for title, names in (
            ("Recipes added (arrive stopped)", self.added),
            ("Recipes changed", self.changed),
            ("Recipes removed", self.removed),
            ("Connections arriving without credentials", self.new_connections),
            ("Also differs", self.other),
        ):
            if names:
                lines.append(f"{title} ({len(names)}):")
                lines += [f"  {name}" for name in names]
        return lines


def preview_of(comparison: Comparison, project: str, target: str) -> DeployPreview:
    """Here is the source (dev), there is the target."""
    recipes = [p for p in comparison.pairs if p.kind == "recipe"]
    changed = []
    for pair in recipes:
        if pair.status == DIFFERS and pair.here and pair.there:
            old, new = pair.there.facts.get("version"), pair.here.facts.get("version")
            changed.append(f"{pair.where} (v{old} -> v{new}: {', '.join(pair.differences)})")
    other = [
        f"{p.kind.replace('_', ' ')} {p.where}: {p.summary}"
        for p in comparison.flagged()
        if p.kind != "recipe" and not (p.kind == "connection" and p.status == ONLY_HERE)
    ]
    return DeployPreview(
        project,
        target,
        added=tuple(p.where for p in recipes if p.status == ONLY_HERE),
        changed=tuple(changed),
        removed=tuple(p.where for p in recipes if p.status == ONLY_THERE),
        new_connections=tuple(
            p.where for p in comparison.pairs if p.kind == "connection" and p.status == ONLY_HERE
        ),
        other=tuple(other),
    )


async def preview_deploy(
    source: WorkspaceService, target: WorkspaceService, project: str, target_name: str
) -> DeployPreview:
    comparison = await compare_services(source, target, project)
    return preview_of(comparison, project, target_name)
