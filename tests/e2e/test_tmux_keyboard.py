"""End to end at 80x24, keyboard only: scope to a project and leave the tree, `?` on recipe
detail, copy a recipe, and repeat every failed job of a recipe (marked in one burst)."""

from __future__ import annotations

import re

import pytest
from e2e_tmux import TMUX, AppStarter

from workato_tui.emulator import ADMIN_TOKEN

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")

SMALL = (80, 24)
SYNC = "Sync closed-won"  # with the tree open at 80, NAME has ~22 cells (item 18)


def test_scope_leave_the_tree_keys_and_copy_at_80x24(
    emulator_url: str, start_app: AppStarter
) -> None:
    app = start_app("--base-url", emulator_url, token=ADMIN_TOKEN, size=SMALL)
    app.wait_for("Recipes  [17]")
    app.keys("C-t")  # the tree shows and takes the focus
    app.wait_for("Finance Ops")
    app.keys("Down", "Down", "Enter")  # Finance Ops: a scope, with its sub-folders
    app.wait_for("Finance Ops (with sub-folders) › Recipes  [5]")
    app.keys("Escape")  # leaves the tree; the scope stays
    app.wait_for("space Mark")  # the list's keys: the focus is back on it
    app.type("/closed-won")  # at typing speed, straight into the filter
    app.keys("Enter")
    # the crumbs keep their parts whole and cut the path (the tree takes 30 columns)
    app.wait_for("Finance Ops (with su…  [1/5]  filter: closed-won", SYNC)

    app.keys("Enter")  # recipe detail
    app.wait_for("Recipe 100040")
    app.type("?")
    app.wait_for("Keys: Recipe", "recipe-json")
    app.keys("Escape")
    app.wait_without("Keys: Recipe")
    app.keys("Escape")
    app.wait_for("[1/5]  filter: closed-won", "space Mark")

    app.type("c")  # copy: the form opens on its first field; ctrl+s, then enter confirms
    app.wait_for("Folder *", "^s Submit")
    app.keys("C-s")
    app.wait_for("Copy recipe?", "enter: Copy recipe")
    app.keys("Enter")
    app.wait_for("Copied as recipe")


def test_mark_all_failed_jobs_of_a_recipe_and_repeat_them_at_80x24(
    emulator_url: str, start_app: AppStarter
) -> None:
    app = start_app("--base-url", emulator_url, token=ADMIN_TOKEN, size=SMALL)
    app.wait_for("Recipes  [17]")
    app.filter("Sync closed-won")
    app.keys("Enter")
    app.wait_for("Recipes  [1/17]", SYNC)
    app.command("jobs")  # the jobs of the recipe under the cursor
    app.wait_for("› Jobs  [")
    # filter, keep it, mark every visible row and repeat, in one burst at paste speed:
    # the keys after Enter must reach the table, not the filter box
    app.keys("/", "failed", "Enter", "*", "r")
    shown = app.wait_for("Repeat job (")
    count = int(re.search(r"Repeat job \((\d+) items\)\?", shown).group(1))  # type: ignore[union-attr]
    assert count > 1
    app.keys("Enter")
    done = app.wait_for("Done: ")
    succeeded, failed = map(int, re.search(r"Done: (\d+) succeeded, (\d+) failed", done).groups())  # type: ignore[union-attr]
    assert succeeded > 0 and succeeded + failed == count  # every marked job was sent
    app.keys("Escape")
    app.wait_for(f"{succeeded} succeeded, {failed} failed")  # the notification says so too
