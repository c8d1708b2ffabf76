"""`x` stops (a recipe; a connection's counterpart is disconnect) and `D` deletes, wherever
they are bound: no place gives them another meaning (the lookup editor's export and discard
moved to `E` and `U`)."""

from __future__ import annotations

from workato_tui.keys import binding_catalog


def test_x_stops_and_d_deletes_everywhere() -> None:
    catalog = binding_catalog()
    x_ids = {info.id for info in catalog if "x" in info.keys.split(",")}
    d_ids = {info.id for info in catalog if "D" in info.keys.split(",")}
    assert x_ids and all(i.endswith(("-stop", "-disconnect")) for i in x_ids), x_ids
    assert d_ids and all("delete" in i for i in d_ids), d_ids
    assert "lookup-delete-row" in d_ids
