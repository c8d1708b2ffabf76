"""Import cycles between workato_tui's first-level packages (a measurement, not a CI check).

Every import counts: top-level, inside functions and under TYPE_CHECKING. Prints each group of
packages that import each other in a circle, with the edges inside it.

    python .ci/package_cycles.py [repository root, default .]
"""

from __future__ import annotations

import ast
import itertools
import sys
from pathlib import Path


def unit(module: str) -> str:
    """workato_tui.widgets.table -> widgets"""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imported(node: ast.AST, package: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        parts = package.split(".")
        base = ".".join(parts[: len(parts) - node.level + 1])
    else:
        base = ""
    target = ".".join(p for p in (base, node.module or "") if p)
    return [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]


def package_graph(root: Path) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    source = root / "workato_tui"
    for path in source.rglob("*.py"):
        module = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in imported(node, package):
                if target.startswith("workato_tui.") and unit(target) != unit(module):
                    edges.setdefault(unit(module), set()).add(unit(target))
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = itertools.count()

    def visit(v: str) -> None:
        index[v] = low[v] = next(counter)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(set(edges) | {w for targets in edges.values() for w in targets}):
        if v not in index:
            visit(v)
    return found


def main() -> None:
    edges = package_graph(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
    groups = cycles(edges)
    print(f"{len(groups)} package cycle group(s)")
    for group in groups:
        inner = sorted(f"{a}->{b}" for a in group for b in edges.get(a, ()) if b in group)
        print(f"  {', '.join(group)}: {', '.join(inner)}")


if __name__ == "__main__":
    main()
