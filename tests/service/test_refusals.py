"""A start refusal explained per step, from the recipe's code and the connection list."""

from __future__ import annotations

import json

from workato_tui.api.errors import Refused
from workato_tui.api.models import Connection, Recipe
from workato_tui.api.refusals import StepProblem, step_problems
from workato_tui.service.refusals import explain, explained, step_providers

CODE = json.dumps(
    {"number": 0, "provider": "salesforce", "block": [{"number": 1, "provider": "zendesk"}]}
)
RECIPE = Recipe(
    id=5,
    name="Escalate",
    code=CODE,
    config=[
        {"provider": "salesforce", "account_id": 11},
        {"provider": "zendesk", "account_id": 22},
    ],
)
CONNECTIONS = {
    11: Connection(id=11, name="Salesforce (prod)", authorization_status="success"),
    22: Connection(id=22, name="Zendesk (support)", authorization_status=None),
}


def test_steps_are_numbered_as_the_recipe_editor_shows_them() -> None:
    assert step_providers(CODE) == {1: "salesforce", 2: "zendesk"}
    assert step_providers("") == step_providers("not json") == step_providers("[]") == {}


def test_a_step_layout_problem_names_step_app_connection_and_the_fix() -> None:
    problem = StepProblem("config", "unconnected", step=2, field="account_id", value=22)
    assert explain(problem, RECIPE, CONNECTIONS) == (
        "step 2 (zendesk): connection not authorized; authorize 'Zendesk (support)' or switch "
        "the step's connection"
    )


def test_the_flat_layout_finds_the_connection_through_the_recipe_config() -> None:
    [problem] = step_problems("config", [["zendesk", "is not connected", {"key": "k"}]])
    assert explain(problem, RECIPE, CONNECTIONS).startswith(
        "a step (zendesk): connection not authorized; authorize 'Zendesk (support)'"
    )


def test_a_missing_connection_and_a_code_error_say_what_to_do() -> None:
    missing = StepProblem("config", "unconnected", step=1, field="account_id", value=None)
    assert explain(missing, RECIPE, {}) == (
        "step 1 (salesforce): no connection; pick a connection for the step (recipe detail, "
        "or Workato)"
    )
    code = StepProblem("code", "is invalid", step=2, field="conditions/1/operand")
    assert explain(code, RECIPE, CONNECTIONS) == (
        "step 2 (zendesk): field 'conditions/1/operand' is invalid; fix the step in the recipe "
        "editor"
    )


def test_the_explained_refusal_keeps_the_raw_items_and_the_call_context() -> None:
    raw = [[2, [["account_id", 22, "unconnected", {"key": "k"}]]]]
    error = Refused("refused", config_errors=raw, status=200, correlation_id="abc", path="/x")
    again = explained(error, ["step 2 (zendesk): fix it"])
    assert again.message == "Cannot start: step 2 (zendesk): fix it"
    assert again.config_errors == raw and again.correlation_id == "abc" and again.status == 200
    assert "Correlation id: abc" in again.describe()
