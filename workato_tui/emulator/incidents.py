"""The demo's week of incidents: failures with a few distinct causes, for the failures inbox.

The steady 6-12 % failure rate of `seed_jobs` gives each recipe one fixed error. Real mornings
look different: one cause hitting several recipes overnight, another spread over the week, each
occurrence with its own ids in the message. These turn a few of the seeded succeeded master jobs
of the last week into failures with such messages, so job ids and counts of jobs stay as seeded.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from .store import Record, Store


@dataclass(frozen=True)
class Incident:
    recipe: str
    failures: int
    newest_hours_ago: float
    oldest_hours_ago: float
    message: str  # {a}, {b}: numbers that differ per occurrence
    app: str  # the app whose step fails


SUBSIDIARY = "Invalid subsidiary reference key {a} for entity {b}."
SALESFORCE_LIMIT = "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded. Org {a} used {b} calls."
WORKER = "Validation error: Worker reference 'W-{a}' is invalid."
ZENDESK_AUTH = "401 Unauthorized: Couldn't authenticate you"
SLACK = "channel_not_found"

INCIDENTS = (
    Incident("Sync closed-won opportunities to NetSuite", 6, 1, 20, SUBSIDIARY, "netsuite"),
    Incident(
        "Create NetSuite invoices from approved Salesforce orders", 4, 2, 30, SUBSIDIARY, "netsuite"
    ),
    Incident("Route inbound leads by territory", 3, 1, 12, SALESFORCE_LIMIT, "salesforce"),
    Incident(
        "Load Salesforce opportunities into Snowflake", 3, 4, 150, SALESFORCE_LIMIT, "salesforce"
    ),
    Incident("Welcome new starters in Slack", 2, 30, 160, SLACK, "slack"),
    Incident("Provision new hire accounts from Workday", 3, 26, 120, WORKER, "workday"),
)


def plant_incidents(store: Store, seed: int) -> None:
    rng = random.Random(seed * 31 + 5)
    recipes = {r["name"]: r for r in store.main.recipes.values()}
    for incident in INCIDENTS:
        recipe = recipes[incident.recipe]
        jobs = _candidates(store, recipe, incident)
        for job in rng.sample(jobs, min(incident.failures, len(jobs))):
            message = incident.message.format(a=rng.randint(2, 99), b=rng.randint(1000, 9999))
            _fail(job, message, incident.app)
            recipe["job_failed_count"] += 1
            recipe["job_succeeded_count"] -= 1


def _candidates(store: Store, recipe: Record, incident: Incident) -> list[Record]:
    """Succeeded master jobs, never repeated, that started inside the incident's hours."""
    now = store.now()
    newest = (now - timedelta(hours=incident.newest_hours_ago)).timestamp()
    oldest = (now - timedelta(hours=incident.oldest_hours_ago)).timestamp()
    return [
        job
        for job in store.main.job_log(recipe["id"]).jobs
        if job["status"] == "succeeded"
        and not job["is_repeat"]
        and not job["_repeats"]
        and oldest <= job["_t"] <= newest
    ]


def _fail(job: Record, message: str, app: str) -> None:
    job.update(status="failed", is_error=True, error=message, _failed_app=app)
