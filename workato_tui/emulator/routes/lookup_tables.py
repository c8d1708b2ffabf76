"""Lookup tables: list tables, look up, and list / get / add / update / delete rows."""

from __future__ import annotations

from typing import Any

from ..context import Ctx, route
from ..errors import bad_request, not_found
from ..records import new_row, schema_labels
from ..store import Record

MAX_COLUMNS = 10


@route("lookup_tables.list")
async def list_tables(ctx: Ctx) -> list[Record]:
    tables = sorted(ctx.visible_all(ctx.workspace.lookup_tables), key=lambda t: t["id"])
    return [dict(t) for t in ctx.paginate(tables, 100, 100)]


def _table(ctx: Ctx) -> Record:
    return ctx.visible(ctx.workspace.lookup_tables, ctx.path_int("table_id"), "Lookup table")


def _label_map(table: Record) -> dict[str, str]:
    """Column keys a client may use (label or colN) -> the label."""
    labels = schema_labels(table)
    keys = {label: label for label in labels}
    keys.update({f"col{i + 1}": label for i, label in enumerate(labels)})
    return keys


def _by_filters(ctx: Ctx, table: Record) -> dict[str, str]:
    keys = _label_map(table)
    filters = {}
    for name, value in ctx.request.query_params.multi_items():
        if name.startswith("by[") and name.endswith("]"):
            column = name[3:-1]
            if column not in keys:
                raise bad_request(
                    f"unknown column {column!r}; columns are {', '.join(schema_labels(table))}",
                    "invalid_parameter",
                    name,
                )
            filters[keys[column]] = value
    return filters


def _matching(ctx: Ctx, table: Record, filters: dict[str, str]) -> list[Record]:
    rows = ctx.workspace.lookup_rows[table["id"]].values()
    if not filters:
        return list(rows)
    return [r for r in rows if all(str(r["data"].get(k, "")) == v for k, v in filters.items())]


@route("lookup_rows.list")
async def list_rows(ctx: Ctx) -> list[Record]:
    table = _table(ctx)
    rows = _matching(ctx, table, _by_filters(ctx, table))
    return [_row_view(r) for r in ctx.paginate(rows, 500, 1000)]


@route("lookup_tables.lookup")
async def lookup(ctx: Ctx) -> Record:
    table = _table(ctx)
    filters = _by_filters(ctx, table)
    if not filters:
        raise bad_request("by[<column>] is required", "missing_parameter", "by")
    rows = _matching(ctx, table, filters)
    if not rows:
        raise not_found("No row matches the lookup")
    return _row_view(rows[0])


def _row(ctx: Ctx, table: Record) -> Record:
    row = ctx.workspace.lookup_rows[table["id"]].get(ctx.path_int("row_id", "Row not found"))
    if row is None:
        raise not_found("Row not found")
    return row


@route("lookup_rows.get")
async def get_row(ctx: Ctx) -> Record:
    return _row_view(_row(ctx, _table(ctx)))


def _data(ctx: Ctx, table: Record) -> dict[str, Any]:
    data = ctx.field("data")
    if not isinstance(data, dict) or not data:
        raise bad_request(
            "data is required: an object of column -> value", "missing_parameter", "data"
        )
    if len(data) > MAX_COLUMNS:
        raise bad_request(
            f"a lookup table has at most {MAX_COLUMNS} columns", "too_many_columns", "data"
        )
    keys = _label_map(table)
    unknown = [k for k in data if k not in keys]
    if unknown:
        raise bad_request(
            f"unknown column(s) {', '.join(unknown)}; columns are "
            f"{', '.join(schema_labels(table))}",
            "invalid_parameter",
            "data",
        )
    nested = [k for k, v in data.items() if isinstance(v, (dict, list))]
    if nested:
        raise bad_request(
            f"a cell holds text, a number or a boolean, not an object or a list: "
            f"{', '.join(nested)}",
            "invalid_parameter",
            "data",
        )
    return {keys[k]: "" if v is None else str(v) for k, v in data.items()}


@route("lookup_rows.create")
async def create_row(ctx: Ctx) -> Record:
    table = _table(ctx)
    data = _data(ctx, table)
    full = {label: data.get(label, "") for label in schema_labels(table)}
    row = new_row(ctx.store, ctx.workspace, table["id"], full)
    _touch(ctx, table)
    return _row_view(row)


@route("lookup_rows.update")
async def update_row(ctx: Ctx) -> Record:
    table = _table(ctx)
    row = _row(ctx, table)
    row["data"] = {**row["data"], **_data(ctx, table)}
    _touch(ctx, table)
    return _row_view(row)


@route("lookup_rows.delete")
async def delete_row(ctx: Ctx) -> Record:
    table = _table(ctx)
    row = _row(ctx, table)
    del ctx.workspace.lookup_rows[table["id"]][row["id"]]
    _touch(ctx, table)
    return {"success": True}


def _touch(ctx: Ctx, table: Record) -> None:
    table["updated_at"] = ctx.store.now_iso()


def _row_view(row: Record) -> Record:
    return {"id": row["id"], "data": dict(row["data"])}
