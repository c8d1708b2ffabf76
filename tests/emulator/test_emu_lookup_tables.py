"""Lookup tables: the table list, lookup by column, and row CRUD (decisions #10-#12)."""

from __future__ import annotations

import json

from emu_helpers import Api, DemoIds, assert_bad_request

from workato_tui.emulator import Emulator


def _path(ids: DemoIds, tail: str = "") -> str:
    return f"/api/lookup_tables/{ids.table('Cost centers')}{tail}"


async def test_tables_list_with_a_json_schema_string(admin: Api) -> None:
    tables = {t["name"]: t for t in (await admin.get("/api/lookup_tables")).json()}
    cost_centers = tables["Cost centers"]
    schema = json.loads(cost_centers["schema"])
    assert [c["label"] for c in schema] == ["code", "name", "owner"]
    assert [c["name"] for c in schema] == ["col1", "col2", "col3"]
    assert isinstance(cost_centers["project_id"], str)


async def test_lookup_by_label_returns_the_row(admin: Api, ids: DemoIds) -> None:
    row = (await admin.get(_path(ids, "/lookup"), params={"by[code]": "CC-1000"})).json()
    assert set(row) == {"id", "data"}
    assert row["data"]["code"] == "CC-1000" and set(row["data"]) == {"code", "name", "owner"}
    by_col = (await admin.get(_path(ids, "/lookup"), params={"by[col1]": "CC-1000"})).json()
    assert by_col == row


async def test_lookup_by_several_columns(admin: Api, ids: DemoIds) -> None:
    first = ids.rows("Cost centers")[3]["data"]
    params = {"by[code]": first["code"], "by[owner]": first["owner"]}
    assert (await admin.get(_path(ids, "/lookup"), params=params)).json()["data"] == first
    params["by[owner]"] = "Nobody"
    assert (await admin.get(_path(ids, "/lookup"), params=params)).status_code == 404


async def test_lookup_without_a_match_is_404(admin: Api, ids: DemoIds) -> None:
    response = await admin.get(_path(ids, "/lookup"), params={"by[code]": "CC-0000"})
    assert response.status_code == 404 and response.json()["message"]


async def test_lookup_of_an_unknown_column_is_400(admin: Api, ids: DemoIds) -> None:
    response = await admin.get(_path(ids, "/lookup"), params={"by[colour]": "red"})
    assert_bad_request(response, "colour")
    assert_bad_request(await admin.get(_path(ids, "/lookup")), "by[")


async def test_rows_list_filters_with_by(admin: Api, ids: DemoIds) -> None:
    owner = ids.rows("Cost centers")[0]["data"]["owner"]
    rows = (await admin.get(_path(ids, "/rows"), params={"by[owner]": owner})).json()
    expected = [r["id"] for r in ids.rows("Cost centers") if r["data"]["owner"] == owner]
    assert [r["id"] for r in rows] == expected
    assert_bad_request(await admin.get(_path(ids, "/rows"), params={"by[x]": "1"}), "x")


async def test_rows_list_answers_every_row(admin: Api, ids: DemoIds) -> None:
    rows = (await admin.get(_path(ids, "/rows"))).json()
    assert rows == [{"id": r["id"], "data": r["data"]} for r in ids.rows("Cost centers")]


async def test_create_row_fills_missing_columns(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    response = await admin.post(
        _path(ids, "/rows"), json={"data": {"code": "CC-9000", "col2": "Tax AMER"}}
    )
    row = response.json()
    assert row["data"] == {"code": "CC-9000", "name": "Tax AMER", "owner": ""}
    assert emu.store.main.lookup_rows[ids.table("Cost centers")][row["id"]]["data"] == row["data"]
    found = await admin.get(_path(ids, "/lookup"), params={"by[code]": "CC-9000"})
    assert found.json()["id"] == row["id"]


async def test_update_row_changes_only_the_given_columns(
    emu: Emulator, admin: Api, ids: DemoIds
) -> None:
    row = ids.rows("Cost centers")[0]
    before = dict(row["data"])
    response = await admin.put(
        _path(ids, f"/rows/{row['id']}"), json={"data": {"owner": "Lena Vogel"}}
    )
    assert response.json() == {"id": row["id"], "data": {**before, "owner": "Lena Vogel"}}
    got = (await admin.get(_path(ids, f"/rows/{row['id']}"))).json()
    assert got["data"]["owner"] == "Lena Vogel" and got["data"]["code"] == before["code"]


async def test_delete_row_removes_it(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    row = ids.rows("Cost centers")[0]
    count = len(ids.rows("Cost centers"))
    assert (await admin.delete(_path(ids, f"/rows/{row['id']}"))).json() == {"success": True}
    assert len(ids.rows("Cost centers")) == count - 1
    assert (await admin.get(_path(ids, f"/rows/{row['id']}"))).status_code == 404
    assert (await admin.delete(_path(ids, f"/rows/{row['id']}"))).status_code == 404


async def test_row_writes_validate_data(emu: Emulator, admin: Api, ids: DemoIds) -> None:
    count = len(ids.rows("Cost centers"))
    eleven = {f"col{n}": "x" for n in range(1, 12)}
    assert_bad_request(await admin.post(_path(ids, "/rows"), json={"data": eleven}), "10")
    assert_bad_request(await admin.post(_path(ids, "/rows"), json={"data": {}}), "data")
    assert_bad_request(await admin.post(_path(ids, "/rows"), json={"data": "CC-1"}), "data")
    assert_bad_request(
        await admin.post(_path(ids, "/rows"), json={"data": {"region": "EU"}}), "region"
    )
    row_id = ids.rows("Cost centers")[0]["id"]
    assert_bad_request(
        await admin.put(_path(ids, f"/rows/{row_id}"), json={"data": {"colour": "red"}}), "colour"
    )
    assert len(ids.rows("Cost centers")) == count


async def test_row_of_another_table_is_404(admin: Api, ids: DemoIds) -> None:
    other_row = ids.rows("Country codes")[0]["id"]
    assert (await admin.get(_path(ids, f"/rows/{other_row}"))).status_code == 404
