"""Typed rows of the list views: what they compute, and that the snapshot gives them back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from workato_tui.api.models import Job, Recipe
from workato_tui.service.snapshot import SnapshotStore
from workato_tui.views import find_view
from workato_tui.views import format as fmt
from workato_tui.views.rows import JobRow, RecipeRow

STARTED = datetime(2026, 10, 8, 9, 0, 10, 185_000, tzinfo=UTC)


def _job(**fields: object) -> Job:
    return Job.model_validate({"id": "j-1", "started_at": STARTED, **fields})


def test_a_job_rows_duration_is_exact_to_the_hundredth_shown() -> None:
    """Seconds since 1970 as floats lose the last digits: 1.015 s must not show as 1.01 s."""
    completed = datetime(2026, 10, 8, 9, 0, 11, 200_000, tzinfo=UTC)  # 1.015 s later
    row = JobRow.of(_job(completed_at=completed))
    assert row.duration == 1.015
    assert fmt.seconds(row.duration) == fmt.seconds((completed - STARTED).total_seconds())
    assert row.started_at == STARTED and row.completed_at == completed


def test_a_job_that_reruns_another_says_repeat_and_its_own_master_shares_its_id() -> None:
    original = JobRow.of(_job(master_job_id="j-1"))
    assert original.repeat == "" and original.master_job_id is original.id
    assert JobRow.of(_job(master_job_id="j-0")).repeat == "repeat"
    assert JobRow.of(_job()).duration is None  # still running


def test_remembered_recipe_rows_come_back_from_the_snapshot_file(tmp_path: Path) -> None:
    recipe = Recipe.model_validate(
        {
            "id": 7,
            "name": "Sync orders",
            "running": True,
            "action_applications": ["netsuite", "slack"],
            "config": [{"provider": "netsuite", "account_id": 12}],
            "job_succeeded_count": 3,
            "last_run_at": STARTED,
        }
    )
    row = RecipeRow.of(recipe)
    store = SnapshotStore(tmp_path / "snapshot.json")
    store.save({"recipes:all": [row]})
    loaded = store.load()
    assert loaded is not None
    spec = find_view("recipes")
    assert spec is not None and spec.revive is not None
    assert [spec.revive(data) for data in loaded.data["recipes:all"]] == [row]


def test_a_remembered_row_from_another_version_is_dropped_not_fatal() -> None:
    """A snapshot file whose rows no longer fit the row type: the view just loads."""
    spec = find_view("recipes")
    assert spec is not None and spec.revive is not None
    assert spec.revived([{"name": "a recipe without its id"}]) is None
    fits = spec.revived([{"id": 1, "name": "Sync"}])
    assert fits == [RecipeRow.of(Recipe(id=1, name="Sync"))]


def test_a_remembered_recipe_revives_as_the_api_model_would_read_it() -> None:
    """RecipeRow.revive reads snapshot data without pydantic (the first frame's rows): the
    same row as through the API model, loose ids and times included."""
    spec = find_view("recipes")
    assert spec is not None and spec.revive is not None
    remembered = [
        {"id": 3},
        {"id": 4, "name": "Sync", "project_id": "523144", "folder_id": None, "running": True},
        {"id": 5, "project_id": "f660222", "last_run_at": "2026-10-08T09:00:10.185000+00:00"},
        {"id": 6, "config": [{"provider": "slack", "account_id": 8}, {"provider": None}]},
        {"id": 7, "action_applications": ["jira"], "updated_at": "2026-10-08T11:00:00+02:00"},
    ]
    for data in remembered:
        assert spec.revive(data) == RecipeRow.of(Recipe.model_validate(data)), data


def test_a_remembered_recipe_of_the_wrong_shape_is_dropped_without_pydantic() -> None:
    spec = find_view("recipes")
    assert spec is not None and spec.revive is not None
    for wrong in ({"id": "7"}, {"id": 7, "running": "yes"}, {"id": 7, "config": "x"}):
        assert spec.revived([wrong]) is None, wrong
