"""A recipe's versions as a table: number, when, author, comment (decisions #38)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from ..views import format as fmt

if TYPE_CHECKING:
    from ..api.models import RecipeVersion


def versions_table(versions: Sequence[RecipeVersion], current: int | None = None) -> Table | Text:
    if not versions:
        return Text("Workato returned no versions for this recipe.", style="dim")
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=True)
    table.add_column("VERSION", justify="right", no_wrap=True)
    table.add_column("WHEN", no_wrap=True)
    table.add_column("AUTHOR", no_wrap=True)
    table.add_column("COMMENT", ratio=1, no_wrap=True, overflow="ellipsis")
    for version in versions:
        latest = current is not None and version.version_no == current
        number = Text(str(version.version_no or ""), style="bold green" if latest else "")
        table.add_row(
            number,
            fmt.when(version.created_at),
            Text(version.author_name or version.author_email or ""),
            Text(version.comment or "(no comment)", style="" if version.comment else "dim"),
        )
    return table
