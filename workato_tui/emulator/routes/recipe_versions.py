"""GET /api/recipes/:id/versions: a recipe's saved versions, newest first (decisions #38).

The history is derived from the recipe (its id, `version_no`, creation and update times), so it
costs no memory and stays stable across reads; the newest version is the recipe as it is now,
with its `version_author_*` and `version_comment`.
"""

from __future__ import annotations

import random
import zlib
from datetime import datetime

from ..clock import iso
from ..context import Ctx, route
from ..demo_data import PEOPLE
from ..store import Record

MAX_COMMENT = 255  # Workato limits version comments to 255 characters
COMMENTS = (
    "Initial version",
    "Map the subsidiary from the lookup table instead of hard-coding it",
    "Retry the upsert on a lock timeout",
    "Skip records without an owner",
    "Post failures to the alerts channel",
    "Add the currency to the search",
    "Rename fields after the connector upgrade",
    None,
    "Use the external id for matching, not the name",
    "Handle the new approval status",
    None,
    "Fix date format for the EMEA subsidiaries",
)


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@acme-robotics.example"


def recipe_versions(recipe: Record) -> list[Record]:
    """Versions 1..version_no of `recipe`, newest first."""
    count = max(1, int(recipe.get("version_no") or 1))
    rng = random.Random(zlib.crc32(f"versions-{recipe['id']}".encode()))
    first = datetime.fromisoformat(recipe["created_at"])
    last = datetime.fromisoformat(recipe["updated_at"])
    base_id = 3_000_000 + (recipe["id"] % 100_000) * 1_000
    versions = []
    for number in range(1, count + 1):
        moment = first + (last - first) * ((number - 1) / count)
        author = rng.choice(PEOPLE)
        comment = COMMENTS[0] if number == 1 else rng.choice(COMMENTS[1:])
        versions.append(
            {
                "id": base_id + number,
                "version_no": number,
                "comment": comment,
                "author_name": author,
                "author_email": _email(author),
                "created_at": iso(moment),
                "updated_at": iso(moment),
            }
        )
    newest = versions[-1]
    if count > 1:
        newest.update(created_at=recipe["updated_at"], updated_at=recipe["updated_at"])
    saved_by = recipe.get("version_author_name")
    if saved_by:
        newest.update(author_name=saved_by, author_email=recipe.get("version_author_email"))
    if recipe.get("version_comment"):
        newest["comment"] = recipe["version_comment"]
    for version in versions:
        if version["comment"] is not None:
            version["comment"] = str(version["comment"])[:MAX_COMMENT]
    return list(reversed(versions))


@route("recipes.versions")
async def list_recipe_versions(ctx: Ctx) -> Record:
    recipe = ctx.visible(ctx.workspace.recipes, ctx.path_int("recipe_id"), "Recipe")
    return {"data": ctx.paginate(recipe_versions(recipe), 100, 100)}
