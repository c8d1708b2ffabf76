"""Project builds from the tree: which project, and the build a deploy form names."""

from __future__ import annotations

from typing import Any

from ..screens.form import Values
from .flow import ActionContext


def project_folder(ctx: ActionContext, what: str) -> Any:
    """The project under the tree's cursor, or None (having said what to select)."""
    folder = ctx.view.folder
    if folder is None or not folder.is_project:
        ctx.app.notify(
            f"Select a project (a top-level folder) in the tree to {what} it.", severity="warning"
        )
        return None
    return folder


def build_id(values: Values) -> int | None:
    """The build a deploy form names (None: build the project now)."""
    raw = str(values.get("build") or "").strip()
    return int(raw) if raw else None


def build_problem(values: Values) -> str | None:
    raw = str(values.get("build") or "").strip()
    if raw and not raw.isdigit():
        return f"Build must be a build id (a number), not {raw!r}."
    return None
