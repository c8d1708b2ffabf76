"""Why a recipe would not start, said per step and with what to do about it.

Workato's refusal names a step number, a field and the connection id (decisions #26); the
recipe's code says which app the step uses and the connection list gives the connection's
name. Put together: "step 2 (zendesk): connection not authorized; authorize 'Zendesk
(support)' or switch the step's connection".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Protocol

from ..api.errors import Refused, WorkatoError
from ..api.models import Connection, Recipe
from ..api.refusals import StepProblem


class RecipeReads(Protocol):
    """The reads a refusal is explained with (the service's)."""

    async def recipe(self, recipe_id: int) -> Recipe: ...

    async def connections(self) -> list[Connection]: ...


def step_providers(code: str | None) -> dict[int, str]:
    """Step number (trigger = 1, as the recipe editor counts) -> the app it uses."""
    try:
        parsed = json.loads(code or "")
    except (TypeError, ValueError):
        return {}
    lines = [parsed, *(parsed.get("block") or [])] if isinstance(parsed, dict) else []
    steps: dict[int, str] = {}
    for line in lines:
        number = line.get("number") if isinstance(line, dict) else None
        if isinstance(number, int) and line.get("provider"):
            steps.setdefault(number + 1, str(line["provider"]))
    return steps


def explain(problem: StepProblem, recipe: Recipe, connections: dict[int, Connection]) -> str:
    """One sentence: which step, which field, what to do."""
    provider = step_providers(recipe.code).get(problem.step or -1) or problem.provider
    if provider is None and isinstance(problem.value, int):
        provider = next((c.provider for c in recipe.config if c.account_id == problem.value), None)
    where = f"step {problem.step}" if problem.step is not None else "a step"
    where += f" ({provider})" if provider else ""
    if problem.kind == "config" or problem.field == "account_id":
        return f"{where}: {_connection_advice(problem, recipe, provider, connections)}"
    field = f"field '{problem.field}' " if problem.field else ""
    return f"{where}: {field}{problem.message or 'is invalid'}; fix the step in the recipe editor"


def _connection_advice(
    problem: StepProblem, recipe: Recipe, provider: str | None, connections: dict[int, Connection]
) -> str:
    connection_id = problem.value if isinstance(problem.value, int) else None
    if connection_id is None:
        connection_id = next(
            (c.account_id for c in recipe.config if provider and c.provider == provider), None
        )
    connection = connections.get(connection_id) if connection_id is not None else None
    if connection is None:
        return "no connection; pick a connection for the step (recipe detail, or Workato)"
    return (
        f"connection not authorized; authorize '{connection.name}' or switch the step's connection"
    )


def explained(error: Refused, sentences: Iterable[str]) -> Refused:
    """The refusal again, with the sentences as its message (short: a bulk result already
    names the recipe); the raw items stay in `code_errors`/`config_errors` and the call log."""
    text = "; ".join(sentences) or error.message
    return Refused(
        f"Cannot start: {text}",
        errors=error.errors,
        code_errors=error.code_errors,
        config_errors=error.config_errors,
        details=[],
        body=error.body,
        status=error.status,
        endpoint=error.endpoint,
        method=error.method,
        path=error.path,
        correlation_id=error.correlation_id,
    )


async def explain_start_refusal(reads: RecipeReads, recipe_id: int, error: Refused) -> Refused:
    """`error` explained per step; as it came when the recipe or connections can't be read."""
    if not error.problems:
        return error
    try:
        recipe = await reads.recipe(recipe_id)
        connections = {c.id: c for c in await reads.connections()}
    except WorkatoError:
        return error
    sentences = [explain(p, recipe, connections) for p in error.problems]
    return explained(error, sentences)
