"""The largest files, classes and functions of workato_tui (a measurement, not a CI check).

Lines are physical lines, counted from a definition's first line to its last. A class counts
its own body only; mixins spread over files show up as several classes.

    python .ci/size_report.py [repository root, default .] [--top N]
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def spans(path: Path) -> tuple[int, list[tuple[int, str]], list[tuple[int, str]]]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    classes, functions = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            where = f"{path}:{node.lineno} {node.name}"
            (classes if isinstance(node, ast.ClassDef) else functions).append((size, where))
    return len(text.splitlines()), classes, functions


def main(argv: list[str]) -> None:
    top = 10
    if "--top" in argv:
        top = int(argv[argv.index("--top") + 1])
        del argv[argv.index("--top") : argv.index("--top") + 2]
    root = Path(argv[0] if argv else ".")
    files, classes, functions = [], [], []
    for path in sorted((root / "workato_tui").rglob("*.py")):
        lines, cls, fns = spans(path.relative_to(root) if root != Path(".") else path)
        files.append((lines, str(path.relative_to(root))))
        classes += cls
        functions += fns
    for title, rows in (("files", files), ("classes", classes), ("functions", functions)):
        rows.sort(reverse=True)
        print(f"largest {title}:")
        for size, where in rows[:top]:
            print(f"  {size:5d}  {where}")
    over = sum(1 for size, _ in functions if size > 40)
    print(f"functions over 40 lines: {over} of {len(functions)}")


if __name__ == "__main__":
    main(sys.argv[1:])
