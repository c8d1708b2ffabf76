"""Compare two workspaces or environments, asset by asset (pure logic, no I/O).

Each side is a list of `Asset`s: projects and folders keyed by path, recipes, connections and
lookup tables by (folder path, name). Within the same workspace an asset is matched by id
first (so a renamed recipe is one pair). A pair is `only here`, `only there`, `same` or
`differs`, and a difference names the facts that differ (version, code, running state,
connections used, description, ...). A fact only counts when both sides know it: code or rows
that were never fetched are not a difference.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

ONLY_HERE, ONLY_THERE, SAME, DIFFERS = "only here", "only there", "same", "differs"
STATUSES = (ONLY_HERE, ONLY_THERE, DIFFERS, SAME)
KINDS = ("project", "folder", "recipe", "connection", "lookup_table")

# The facts compared per kind, in the order a difference is told.
FACTS = {
    "project": ("description",),
    "folder": (),
    "recipe": ("version", "code", "running", "connections", "description"),
    "connection": ("provider", "description"),
    "lookup_table": ("schema", "rows"),
}


@dataclass(frozen=True)
class Asset:
    kind: str
    path: str  # the folder path holding it ("Sales Ops/Lead routing"); a project's is ""
    name: str
    id: int | None = None
    facts: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.kind, self.path, self.name

    @property
    def where(self) -> str:
        return f"{self.path}/{self.name}" if self.path else self.name


@dataclass(frozen=True)
class Pair:
    kind: str
    where: str
    here: Asset | None
    there: Asset | None
    status: str
    differences: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        if self.status != DIFFERS:
            return self.status
        return "differs in " + ", ".join(self.differences)


@dataclass(frozen=True)
class Comparison:
    pairs: tuple[Pair, ...]

    def counts(self) -> dict[str, int]:
        found = Counter(p.status for p in self.pairs)
        return {status: found.get(status, 0) for status in STATUSES}

    def header(self) -> str:
        return "  ".join(f"{status}: {n}" for status, n in self.counts().items())

    def only(self, *statuses: str) -> list[Pair]:
        return [p for p in self.pairs if p.status in statuses]

    def flagged(self) -> list[Pair]:
        """Every pair that is not the same on both sides."""
        return [p for p in self.pairs if p.status != SAME]


def canonical_code(code: str | None) -> str | None:
    """Recipe code as a canonical JSON text, so formatting alone is never a difference."""
    if code is None:
        return None
    try:
        return json.dumps(json.loads(code), sort_keys=True)
    except (TypeError, ValueError):
        return code


def differences(here: Asset, there: Asset) -> tuple[str, ...]:
    found = ["name"] if here.name != there.name else []  # matched by id in one workspace
    for fact in FACTS.get(here.kind, ()):
        mine, theirs = here.facts.get(fact), there.facts.get(fact)
        if mine is None or theirs is None:
            continue
        if mine != theirs:
            found.append(fact)
    return tuple(found)


def pair_of(here: Asset | None, there: Asset | None) -> Pair:
    shown = here or there
    assert shown is not None
    if here is None:
        return Pair(shown.kind, shown.where, None, there, ONLY_THERE)
    if there is None:
        return Pair(shown.kind, shown.where, here, None, ONLY_HERE)
    told = differences(here, there)
    return Pair(shown.kind, shown.where, here, there, DIFFERS if told else SAME, told)


def compare(here: Iterable[Asset], there: Iterable[Asset], same_workspace: bool) -> Comparison:
    mine, theirs = list(here), list(there)
    matched: list[tuple[Asset | None, Asset | None]] = []
    used: set[int] = set()  # indexes into `theirs`
    by_id = {(a.kind, a.id): i for i, a in enumerate(theirs) if a.id is not None}
    by_key = {a.key: i for i, a in enumerate(theirs)}
    for asset in mine:
        index = (
            by_id.get((asset.kind, asset.id)) if same_workspace and asset.id is not None else None
        )
        if index is None:
            index = by_key.get(asset.key)
        if index is not None and index in used:
            index = None
        if index is not None:
            used.add(index)
        matched.append((asset, theirs[index] if index is not None else None))
    matched += [(None, a) for i, a in enumerate(theirs) if i not in used]
    pairs = [pair_of(a, b) for a, b in matched]
    pairs.sort(key=lambda p: (KINDS.index(p.kind), p.where.lower()))
    return Comparison(tuple(pairs))


def joined(parts: Iterable[Comparison]) -> Comparison:
    """Comparisons of different kinds as one, in the order `compare` sorts pairs."""
    pairs = [pair for part in parts for pair in part.pairs]
    pairs.sort(key=lambda p: (KINDS.index(p.kind), p.where.lower()))
    return Comparison(tuple(pairs))


def with_facts(comparison: Comparison, extra: dict[tuple[str, str], dict[str, Any]]) -> Comparison:
    """The comparison again, after detail facts (code, rows) were fetched for some pairs.

    `extra` maps (kind, where) to {"here": {...facts}, "there": {...facts}}."""
    pairs = []
    for pair in comparison.pairs:
        facts = extra.get((pair.kind, pair.where))
        if facts and pair.here is not None and pair.there is not None:
            here = replace(pair.here, facts={**pair.here.facts, **facts.get("here", {})})
            there = replace(pair.there, facts={**pair.there.facts, **facts.get("there", {})})
            pair = pair_of(here, there)
        pairs.append(pair)
    return Comparison(tuple(pairs))


def within(assets: Iterable[Asset], project: str) -> list[Asset]:
    """The assets of one project (its folders, and what they hold)."""
    return [
        a
        for a in assets
        if (a.kind == "project" and a.name == project)
        or a.path == project
        or a.path.startswith(project + "/")
    ]
