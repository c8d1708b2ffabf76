"""How a list view's rows come back and go stale: remembered rows revived as typed rows, and
the cache family ctrl+r makes the service forget."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..service.families import Family

if TYPE_CHECKING:
    from ..views.spec import Revive, Row, ViewSpec


def revived(revive: Revive, rows: list[Any]) -> list[Row] | None:
    """Remembered rows as typed rows again (from disk they are plain data); None when a file
    from another version does not fit: the view then just loads."""
    try:
        return [revive(row) if isinstance(row, Mapping) else row for row in rows]
    except (ValueError, TypeError, KeyError):  # pydantic's ValidationError is a ValueError
        return None


def cache_family(spec: ViewSpec) -> Family:
    """The family a view's rows are cached under (what ctrl+r makes the service forget)."""
    return Family(
        {
            "lookup-tables": "lookup_tables",
            "rows": "lookup_rows",
            "project-roles": "roles",
            "api-clients": "api_clients",
            "on-prem": "on_prem",
            "customer-recipes": "customers",
        }.get(spec.name, spec.name)
    )
