"""`workato-tui --keys`: every binding id with its default key and where it applies, collected
from the app, the screens, the widgets and the write catalog; [keymap] accepts exactly those."""

from __future__ import annotations

import re

import pytest

from workato_tui.__main__ import main
from workato_tui.app import WorkatoApp
from workato_tui.config_ui import binding_id_problem
from workato_tui.keys import binding_catalog, binding_ids
from workato_tui.screens.lookup_editor import LookupEditorScreen
from workato_tui.screens.main import MainScreen
from workato_tui.widgets.table import ResourceTable
from workato_tui.write_catalog import BY_ID


def _ids_of(cls: type) -> set[str]:
    return {b.id for b in cls.BINDINGS if getattr(b, "id", None)}  # type: ignore[attr-defined]


def test_keys_prints_every_binding_id_with_its_key_and_place(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--keys"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines()[1:] if line and line[0] != "R"}
    expected = (
        set(BY_ID)
        | _ids_of(WorkatoApp)
        | _ids_of(MainScreen)
        | _ids_of(ResourceTable)
        | {"lookup-save", "lookup-find"}  # from the editor's mixins
    )
    assert expected <= set(rows)
    assert re.fullmatch(r"recipe-stop\s+x\s+recipe detail, recipes view", rows["recipe-stop"])
    assert re.fullmatch(r"quit\s+ctrl\+q\s+everywhere", rows["quit"])
    assert re.fullmatch(r"table-toggle-mark\s+space\s+tables", rows["table-toggle-mark"])
    assert re.fullmatch(r"folder-delete\s+D\s+folder tree", rows["folder-delete"])


def test_the_catalog_lists_each_id_once_with_its_places() -> None:
    catalog = binding_catalog()
    ids = [info.id for info in catalog]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)
    by_id = {info.id: info for info in catalog}
    assert by_id["lookup-save"].keys == "ctrl+s"
    assert by_id["lookup-save"].places == ("lookup editor",)
    assert _ids_of(LookupEditorScreen) <= set(by_id)


def test_every_listed_id_is_accepted_in_keymap_and_a_typo_names_the_nearest() -> None:
    assert all(binding_id_problem(i) is None for i in binding_ids())
    problem = binding_id_problem("recipe-strat")
    assert problem is not None
    assert "unknown binding id 'recipe-strat'" in problem and "recipe-start" in problem
