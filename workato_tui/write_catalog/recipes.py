"""The writes on recipes and their jobs (the recipe and job screens offer them too)."""

from __future__ import annotations

from . import rules
from .record import WriteAction, declare

RECIPES = ("recipes",)
JOBS = ("jobs",)

RECIPE_NEW = declare(
    WriteAction(
        id="recipe-new",
        key="n",
        label="New",
        verb="Create recipe",
        endpoint_id="recipes.create",
        views=RECIPES,
        creates=True,
    )
)

RECIPE_COPY = declare(
    WriteAction(
        id="recipe-copy",
        key="c",
        label="Copy",
        verb="Copy recipe",
        endpoint_id="recipes.copy",
        views=RECIPES,
        also=("recipe",),
    )
)

RECIPE_EDIT = declare(
    WriteAction(
        id="recipe-edit",
        key="e",
        label="Edit",
        verb="Update recipe",
        endpoint_id="recipes.update",
        views=RECIPES,
        also=("recipe",),
        refuses=rules.running_recipe,
    )
)

RECIPE_START = declare(
    WriteAction(
        id="recipe-start",
        key="t",
        label="Start",
        verb="Start recipe",
        endpoint_id="recipes.start",
        views=RECIPES,
        also=("recipe",),
        bulk=True,
        refuses=rules.already_running,
    )
)

RECIPE_STOP = declare(
    WriteAction(
        id="recipe-stop",
        key="x",
        label="Stop",
        verb="Stop recipe",
        endpoint_id="recipes.stop",
        views=RECIPES,
        also=("recipe",),
        bulk=True,
        refuses=rules.already_stopped,
    )
)

RECIPE_DELETE = declare(
    WriteAction(
        id="recipe-delete",
        key="D",
        label="Delete",
        verb="Delete recipe",
        endpoint_id="recipes.delete",
        views=RECIPES,
        also=("recipe",),
        bulk=True,
        irreversible=True,
    )
)

JOB_REPEAT = declare(
    WriteAction(
        id="job-repeat",
        key="r",
        label="Repeat",
        verb="Repeat job",
        endpoint_id="jobs.repeat",
        views=JOBS,
        also=("job",),
        bulk=True,
    )
)

JOB_RESUME = declare(
    WriteAction(
        id="job-resume",
        key="p",
        label="Resume",
        verb="Resume job",
        endpoint_id="jobs.resume",
        views=JOBS,
        also=("job",),
        refuses=rules.not_paused,
    )
)

RECIPE_CONNECT = declare(
    WriteAction(
        id="recipe-connect",
        key="C",
        label="Connection",
        verb="Switch connection",
        endpoint_id="recipes.connect",
        on="recipe",
    )
)
