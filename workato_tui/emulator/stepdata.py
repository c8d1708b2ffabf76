"""What each step of a demo job read and wrote: realistic `input` / `output` per adapter.

`job_lines` (jobgen.py) calls `operation` and `step_data` for each line. Everything comes from
the line's own random generator, so a job's steps read the same every time (decisions #34).
Workday steps are always masked (worker records are personal data); any other step is masked
now and then, as a recipe with "mask data" on that step would be.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from .clock import iso
from .demo_data import COMPANIES, PEOPLE

MASKED_ADAPTERS = frozenset({"workday"})
MASK_RATE = 0.08
ACTION_OPERATIONS = {
    "salesforce": "search_sobjects",
    "netsuite": "search_records",
    "slack": "post_message",
    "service_now": "create_record",
    "jira": "create_issue",
    "snowflake": "upsert_rows",
    "zendesk": "search_tickets",
    "workday": "get_worker",
}
SLACK_CHANNELS = {"finance": "#finance-alerts", "people": "#people-team", "sales": "#sales-ops"}

Data = dict[str, Any]


def operation(app: str, number: int, trigger_name: str | None) -> str:
    if number == 0:
        return trigger_name or "new_event"
    return ACTION_OPERATIONS.get(app, "action")


def masked(app: str, rng: random.Random) -> bool:
    return app in MASKED_ADAPTERS or rng.random() < MASK_RATE


class Story:
    """The facts one job's steps share: the company, a person, an amount, a time."""

    def __init__(
        self, rng: random.Random, started: datetime, title: str = "", channel: str | None = None
    ) -> None:
        self.channel = channel  # the recipe's Slack channel, when the demo knows it
        named = [c for c in COMPANIES if c in title]
        self.company = named[0] if named else rng.choice(COMPANIES)
        self.person = rng.choice(PEOPLE)
        self.amount = round(rng.uniform(1_500, 95_000), 2)
        self.number = rng.randint(10_000, 99_999)
        self.started = started

    def email(self, person: str | None = None) -> str:
        return (person or self.person).lower().replace(" ", ".") + "@acme-robotics.example"


def _sf_id(rng: random.Random, prefix: str) -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"
    return prefix + "5e00000" + "".join(rng.choice(alphabet) for _ in range(8))


def step_data(app: str, op: str, trigger: bool, rng: random.Random, s: Story) -> tuple[Data, Data]:
    """(input, output) of one step."""
    builder = (TRIGGERS if trigger else ACTIONS).get(app)
    if builder is None:
        return {"id": s.number}, {"id": s.number, "status": "ok"}
    return builder(rng, s, op)


# triggers ------------------------------------------------------------------------------------


def _salesforce_trigger(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    since = iso(s.started - timedelta(days=1))
    record = {
        "Id": _sf_id(rng, "006"),
        "Name": f"{s.company} - Platform renewal",
        "StageName": "Closed Won",
        "Amount": s.amount,
        "CurrencyIsoCode": "USD",
        "CloseDate": s.started.date().isoformat(),
        "AccountId": _sf_id(rng, "001"),
        "Account": {"Name": s.company, "BillingCountry": rng.choice(["US", "DE", "GB", "JP"])},
        "Owner": {"Name": s.person, "Email": s.email()},
        "LastModifiedDate": iso(s.started - timedelta(seconds=rng.randint(5, 90))),
    }
    return {"sobject_name": "Opportunity", "since": since}, record


def _netsuite_trigger(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    record = {
        "internalId": str(rng.randint(10_000, 99_999)),
        "tranId": f"INV-{s.number}",
        "entity": {"internalId": str(rng.randint(1000, 9999)), "name": s.company},
        "total": s.amount,
        "currency": {"name": "USD"},
        "status": rng.choice(["Pending Approval", "Open", "Paid In Full"]),
        "subsidiary": {"internalId": str(rng.choice([1, 4, 5, 7, 8]))},
    }
    return {"record_type": "invoice", "saved_search": "Invoices to approve"}, record


def _zendesk_trigger(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    ticket = {
        "id": s.number,
        "subject": f"{s.company} cannot log in",
        "priority": "urgent",
        "status": "new",
        "requester": {"name": s.person, "email": s.email()},
        "tags": ["sso", "login"],
        "created_at": iso(s.started - timedelta(minutes=2)),
    }
    return {"view": "Urgent tickets"}, ticket


def _service_now_trigger(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    record = {
        "sys_id": f"{rng.getrandbits(128):032x}",
        "number": f"INC00{s.number}",
        "priority": "1 - Critical",
        "short_description": f"{s.company} portal unavailable",
        "assigned_to": s.person,
        "opened_at": iso(s.started - timedelta(minutes=4)),
    }
    return {"table": "incident", "query": "priority=1"}, record


def _scheduler_trigger(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    return {"interval": "hour", "time_zone": "UTC"}, {"scheduled_time": iso(s.started)}


def _snowflake_trigger(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    rows = [
        {"TABLE_NAME": name, "ROW_COUNT": rng.randint(1_000, 250_000)}
        for name in ("OPPORTUNITY", "ACCOUNT", "TICKET_METRICS")
    ]
    return {"sql": "SELECT table_name, row_count FROM information_schema.tables"}, {"rows": rows}


def _webhook_trigger(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    return {}, {"payload": {"event": "updated", "id": s.number, "company": s.company}}


TRIGGERS = {
    "salesforce": _salesforce_trigger,
    "netsuite": _netsuite_trigger,
    "zendesk": _zendesk_trigger,
    "service_now": _service_now_trigger,
    "scheduler": _scheduler_trigger,
    "snowflake": _snowflake_trigger,
    "workato_webhooks": _webhook_trigger,
}


# actions -------------------------------------------------------------------------------------


def _netsuite_search(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    criteria = {"companyName": {"operator": "is", "searchValue": s.company}}
    found = {
        "internalId": str(rng.randint(1000, 9999)),
        "companyName": s.company,
        "subsidiary": {"internalId": str(rng.choice([1, 4, 5, 7]))},
        "currency": {"name": "USD"},
    }
    return {"record_type": "customer", "criteria": criteria}, {"records": [found], "count": 1}


def _salesforce_search(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    found = {"Id": _sf_id(rng, "001"), "Name": s.company, "Type": "Customer"}
    return {"sobject_name": "Account", "Name": s.company}, {"records": [found], "count": 1}


def _slack_post(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    channel = rng.choice(list(SLACK_CHANNELS.values()))
    channel = s.channel or channel  # drawn either way, so the rest of the story stays put
    text = f":white_check_mark: {s.company}: {s.amount:,.2f} USD booked by {s.person}"
    answer = {
        "ok": True,
        "channel": "C0"
        + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8)),
        "ts": f"{int(s.started.timestamp())}.{rng.randint(100, 999):06d}",
    }
    return {"channel": channel, "text": text, "as_user": False}, answer


def _service_now_create(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    request = {
        "table": "sc_req_item",
        "short_description": f"Laptop and accounts for {s.person}",
        "requested_for": s.email(),
    }
    created = {
        "sys_id": f"{rng.getrandbits(128):032x}",
        "number": f"RITM00{s.number}",
        "state": "1",
    }
    return request, created


def _jira_create(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    issue_id = rng.randint(10_000, 19_999)
    request = {
        "project_key": "ITSD",
        "issue_type": "Incident",
        "summary": f"{s.company}: urgent ticket {s.number}",
        "priority": "Highest",
    }
    created = {
        "id": str(issue_id),
        "key": f"ITSD-{issue_id % 1000}",
        "self": f"https://acme-robotics.atlassian.net/rest/api/2/issue/{issue_id}",
    }
    return request, created


def _snowflake_upsert(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    inserted, updated = rng.randint(0, 400), rng.randint(0, 2_000)
    request = {"table": "RAW.OPPORTUNITY", "key_columns": ["ID"], "rows": inserted + updated}
    return request, {"rows_inserted": inserted, "rows_updated": updated}


def _zendesk_search(rng: random.Random, s: Story, op: str) -> tuple[Data, Data]:
    found = {"id": s.number, "status": "open", "priority": "urgent"}
    return {"query": f"type:ticket organization:{s.company}"}, {"results": [found], "count": 1}


ACTIONS = {
    "netsuite": _netsuite_search,
    "salesforce": _salesforce_search,
    "slack": _slack_post,
    "service_now": _service_now_create,
    "jira": _jira_create,
    "snowflake": _snowflake_upsert,
    "zendesk": _zendesk_search,
}
