from __future__ import annotations

from workato_tui.api.errors import Forbidden
from workato_tui.service.permissions import PermissionMemory


def _forbidden(message: str = "Forbidden") -> Forbidden:
    return Forbidden(message, status=403, endpoint="recipes.start")


def test_nothing_denied_at_first() -> None:
    assert PermissionMemory().denied("recipes.start") is None


def test_remembered_403_names_the_privilege_from_the_table() -> None:
    memory = PermissionMemory()
    memory.remember("recipes.start", _forbidden())
    reason = memory.denied("recipes.start")
    assert reason is not None
    assert "lacks the 'Recipes: start' privilege" in reason
    assert "PUT /api/recipes/:recipe_id/start" in reason
    assert memory.denied("recipes.stop") is None
    assert memory.denied_ids == {"recipes.start"}


def test_privilege_named_by_the_server_wins() -> None:
    memory = PermissionMemory()
    error = _forbidden("The client role must include 'Recipes: start (beta)' for this")
    memory.remember("recipes.start", error)
    assert "'Recipes: start (beta)'" in (memory.denied("recipes.start") or "")


def test_unknown_endpoint_id_falls_back_to_the_message() -> None:
    memory = PermissionMemory()
    memory.remember("custom.thing", Forbidden("Not allowed here", status=403))
    assert memory.denied("custom.thing") == (
        "Workato refused custom.thing earlier this session (403): Not allowed here"
    )


def test_forget() -> None:
    memory = PermissionMemory()
    memory.remember("recipes.start", _forbidden())
    memory.remember("recipes.stop", _forbidden())
    memory.forget("recipes.start")
    assert memory.denied("recipes.start") is None and memory.denied("recipes.stop")
    memory.forget()
    assert memory.denied_ids == frozenset()
