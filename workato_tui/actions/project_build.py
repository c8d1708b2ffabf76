"""Build a project from the tree: a package that a later deploy (its build id) can move."""

from __future__ import annotations

from typing import Any

from ..api.errors import WorkatoError
from ..screens.form import Field, FormScreen, Values
from ..write_catalog import BY_ID
from .flow import ActionContext


def project_folder(ctx: ActionContext, what: str) -> Any:
    """The project under the tree's cursor, or None (having said what to select)."""
    folder = ctx.view.folder
    if folder is None or not folder.get("is_project"):
        ctx.app.notify(
            f"Select a project (a top-level folder) in the tree to {what} it.", severity="warning"
        )
        return None
    return folder


async def build(ctx: ActionContext) -> bool:
    folder = project_folder(ctx, "build")
    if folder is None:
        return False

    async def submit(values: Values) -> Any:
        description = values.get("description") or None
        return await ctx.service.build_project(int(folder["project_id"]), description)

    form = FormScreen(
        f"Build {folder['name']}",
        [Field("description", "Description")],
        submit,
        confirm=lambda v: ctx.confirmation([folder["name"]]),
        submit_label="Build",
    )
    made = await ctx.app.push_screen_wait(form)
    if not made:
        return False
    ctx.notify_done(f"Build {made.id} of {folder['name']} started ({made.state}); following it…")
    try:
        final = await ctx.service.follow_build(made)
    except WorkatoError as error:
        ctx.notify_error(error)
        return True
    deploy_key = BY_ID["project-deploy"].key
    where = f" Package: {final.download_url}." if final.download_url else ""
    ctx.app.notify(
        f"Build {final.id} of {folder['name']}: {final.state}.{where} To deploy it, press "
        f"{deploy_key} and give build {final.id}.",
        title="Build",
        severity="information" if final.state == "success" else "error",
        timeout=15,
    )
    return True


def build_id(values: Values) -> int | None:
    """The build a deploy form names (None: build the project now)."""
    raw = str(values.get("build") or "").strip()
    return int(raw) if raw else None


def build_problem(values: Values) -> str | None:
    raw = str(values.get("build") or "").strip()
    if raw and not raw.isdigit():
        return f"Build must be a build id (a number), not {raw!r}."
    return None
