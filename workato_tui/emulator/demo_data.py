"""The demo workspace's content: names a Workato admin would recognise.

Plain data only; `seed.py` turns it into store records.
"""

from __future__ import annotations

COMPANY = "Acme Robotics"

# project -> folders (a folder may have "Parent/Child" to nest)
PROJECTS: dict[str, tuple[str, list[str]]] = {
    "Finance Ops": (
        "Order-to-cash and procure-to-pay automations",
        ["Invoices", "Invoices/Approvals", "Payments", "Month-end close"],
    ),
    "HR Onboarding": (
        "Workday-driven joiner, mover and leaver flows",
        ["New hires", "New hires/IT provisioning", "Offboarding"],
    ),
    "Sales Ops": ("Lead routing and renewals", ["Lead routing", "Renewals"]),
    "IT Service Desk": (
        "Ticket triage between Zendesk, ServiceNow and Jira",
        ["Incidents", "Access requests"],
    ),
    "Data Platform": ("Warehouse loads into Snowflake", ["Warehouse loads", "Quality checks"]),
}

# name, provider, project, folder (or None for the project folder), authorization status
CONNECTIONS: list[tuple[str, str, str, str | None, str | None]] = [
    ("Salesforce (production)", "salesforce", "Finance Ops", None, "success"),
    ("NetSuite (production)", "netsuite", "Finance Ops", None, "success"),
    ("Slack: #finance-alerts", "slack", "Finance Ops", None, "success"),
    ("Workday (production)", "workday", "HR Onboarding", None, "success"),
    ("ServiceNow (HR)", "service_now", "HR Onboarding", None, "success"),
    ("Slack: #people-team", "slack", "HR Onboarding", None, "success"),
    ("Salesforce (sales sandbox)", "salesforce", "Sales Ops", None, "success"),
    ("Slack: #sales-ops", "slack", "Sales Ops", None, "success"),
    ("Zendesk (support)", "zendesk", "IT Service Desk", None, "failed"),
    ("Jira Cloud", "jira", "IT Service Desk", None, "success"),
    ("ServiceNow (IT)", "service_now", "IT Service Desk", None, "success"),
    ("Snowflake (analytics)", "snowflake", "Data Platform", None, "success"),
    ("Salesforce (reporting)", "salesforce", "Data Platform", None, "success"),
    ("NetSuite (sandbox)", "netsuite", "Finance Ops", "Month-end close", None),
]

# name, project, folder, trigger app + operation, action apps, connections used, running, jobs
RECIPES: list[tuple[str, str, str | None, tuple[str, str], list[str], list[str], bool, int]] = [
    (
        "Sync closed-won opportunities to NetSuite",
        "Finance Ops",
        None,
        ("salesforce", "updated_custom_object"),
        ["netsuite", "slack"],
        ["Salesforce (production)", "NetSuite (production)", "Slack: #finance-alerts"],
        True,
        320,
    ),
    (
        "Create NetSuite invoices from approved Salesforce orders",
        "Finance Ops",
        "Invoices",
        ("salesforce", "new_custom_object"),
        ["netsuite"],
        ["Salesforce (production)", "NetSuite (production)"],
        True,
        140,
    ),
    (
        "Route invoice approvals to Slack",
        "Finance Ops",
        "Invoices/Approvals",
        ("netsuite", "new_record"),
        ["slack"],
        ["NetSuite (production)", "Slack: #finance-alerts"],
        True,
        60,
    ),
    (
        "Post failed payment alerts to #finance-alerts",
        "Finance Ops",
        "Payments",
        ("netsuite", "updated_record"),
        ["slack"],
        ["NetSuite (production)", "Slack: #finance-alerts"],
        False,
        25,
    ),
    (
        "Month-end revenue reconciliation",
        "Finance Ops",
        "Month-end close",
        ("scheduler", "scheduled_event"),
        ["netsuite", "salesforce"],
        ["NetSuite (production)", "Salesforce (production)"],
        False,
        12,
    ),
    (
        "Provision new hire accounts from Workday",
        "HR Onboarding",
        "New hires",
        ("workday", "new_worker"),
        ["service_now", "slack"],
        ["Workday (production)", "ServiceNow (HR)", "Slack: #people-team"],
        True,
        90,
    ),
    (
        "Create laptop requests in ServiceNow",
        "HR Onboarding",
        "New hires/IT provisioning",
        ("workday", "new_worker"),
        ["service_now"],
        ["Workday (production)", "ServiceNow (HR)"],
        True,
        45,
    ),
    (
        "Welcome new starters in Slack",
        "HR Onboarding",
        "New hires",
        ("workday", "worker_start_date"),
        ["slack"],
        ["Workday (production)", "Slack: #people-team"],
        True,
        70,
    ),
    (
        "Deprovision leavers across apps",
        "HR Onboarding",
        "Offboarding",
        ("workday", "terminated_worker"),
        ["service_now", "slack"],
        ["Workday (production)", "ServiceNow (HR)", "Slack: #people-team"],
        False,
        18,
    ),
    (
        "Route inbound leads by territory",
        "Sales Ops",
        "Lead routing",
        ("salesforce", "new_custom_object"),
        ["salesforce", "slack"],
        ["Salesforce (sales sandbox)", "Slack: #sales-ops"],
        True,
        110,
    ),
    (
        "Notify account owners 90 days before renewal",
        "Sales Ops",
        "Renewals",
        ("scheduler", "scheduled_event"),
        ["salesforce", "slack"],
        ["Salesforce (sales sandbox)", "Slack: #sales-ops"],
        False,
        30,
    ),
    (
        "Escalate urgent Zendesk tickets to Jira",
        "IT Service Desk",
        "Incidents",
        ("zendesk", "new_ticket"),
        ["jira"],
        ["Zendesk (support)", "Jira Cloud"],
        False,
        40,
    ),
    (
        "Mirror P1 incidents from ServiceNow to Slack",
        "IT Service Desk",
        "Incidents",
        ("service_now", "new_record"),
        ["slack"],
        ["ServiceNow (IT)"],
        True,
        55,
    ),
    (
        "Grant app access from approved ServiceNow requests",
        "IT Service Desk",
        "Access requests",
        ("service_now", "updated_record"),
        ["jira"],
        ["ServiceNow (IT)", "Jira Cloud"],
        True,
        35,
    ),
    (
        "Load Salesforce opportunities into Snowflake",
        "Data Platform",
        "Warehouse loads",
        ("scheduler", "scheduled_event"),
        ["salesforce", "snowflake"],
        ["Salesforce (reporting)", "Snowflake (analytics)"],
        True,
        150,
    ),
    (
        "Load Zendesk ticket metrics into Snowflake",
        "Data Platform",
        "Warehouse loads",
        ("scheduler", "scheduled_event"),
        ["zendesk", "snowflake"],
        ["Snowflake (analytics)"],
        False,
        20,
    ),
    (
        "Check Snowflake row counts after loads",
        "Data Platform",
        "Quality checks",
        ("snowflake", "scheduled_query"),
        ["slack"],
        ["Snowflake (analytics)"],
        True,
        48,
    ),
]

ERRORS = {
    "netsuite": ("NetSuite", "Invalid subsidiary reference key 7 for entity 1843."),
    "salesforce": ("Salesforce", "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded."),
    "slack": ("Slack", "channel_not_found"),
    "service_now": ("ServiceNow", "403 Forbidden: User Not Authorized"),
    "jira": ("Jira", "Field 'priority' cannot be set. It is not on the appropriate screen."),
    "snowflake": ("Snowflake", "SQL compilation error: Object 'RAW.OPPORTUNITY' does not exist."),
    "zendesk": ("Zendesk", "401 Unauthorized: Couldn't authenticate you"),
    "workday": ("Workday", "Validation error: Worker reference is invalid."),
    "scheduler": ("Scheduler", "Trigger skipped: previous run still in progress."),
}

TITLES = {
    "salesforce": "Opportunity {n}: {company} closed won",
    "netsuite": "Invoice INV-{n} for {company}",
    "workday": "Worker {person} ({n})",
    "zendesk": "Ticket #{n}: {company} cannot log in",
    "service_now": "RITM00{n}: access request from {person}",
    "scheduler": "Scheduled run at {time}",
    "snowflake": "Row count check {n}",
}

COMPANIES = [
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Soylent",
    "Vandelay Industries",
    "Wonka Industries",
    "Cyberdyne",
    "Tyrell Corp",
]
PEOPLE = [
    "Ana Ruiz",
    "Ben Okafor",
    "Chen Wei",
    "Dana Kowalski",
    "Eli Haddad",
    "Fatima Noor",
    "Gus Lindqvist",
    "Hana Sato",
    "Ivan Petrov",
    "Julia Costa",
    "Kofi Mensah",
    "Lena Vogel",
]
DEPARTMENTS = [
    "Finance",
    "People",
    "Sales",
    "Engineering",
    "Support",
    "Legal",
    "Marketing",
    "Operations",
    "Data",
    "Security",
]

LOOKUP_TABLES: dict[str, tuple[str, list[str]]] = {
    "Cost centers": ("Finance Ops", ["code", "name", "owner"]),
    "NetSuite subsidiaries": ("Finance Ops", ["sf_region", "subsidiary_id", "currency"]),
    "Employee departments": ("HR Onboarding", ["dept_id", "name", "workday_org", "slack_channel"]),
    "Country codes": ("Sales Ops", ["iso2", "iso3", "name", "region"]),
}

COUNTRIES = [
    ("US", "USA", "United States", "AMER"),
    ("CA", "CAN", "Canada", "AMER"),
    ("MX", "MEX", "Mexico", "AMER"),
    ("BR", "BRA", "Brazil", "AMER"),
    ("GB", "GBR", "United Kingdom", "EMEA"),
    ("DE", "DEU", "Germany", "EMEA"),
    ("FR", "FRA", "France", "EMEA"),
    ("NL", "NLD", "Netherlands", "EMEA"),
    ("IL", "ISR", "Israel", "EMEA"),
    ("JP", "JPN", "Japan", "APAC"),
    ("SG", "SGP", "Singapore", "APAC"),
    ("AU", "AUS", "Australia", "APAC"),
    ("KR", "KOR", "South Korea", "APAC"),
    ("IN", "IND", "India", "APAC"),
]

CUSTOMERS = [
    ("Globex Corporation", "A2300", "it-admin@globex.example"),
    ("Initech", "B1100", "ops@initech.example"),
    ("Umbrella Health", "C0420", "integrations@umbrella-health.example"),
]

CUSTOMER_RECIPES = [
    ("Sync Globex orders to NetSuite", ("salesforce", "new_custom_object"), ["netsuite"], True),
    ("Notify Slack on failed Globex payments", ("netsuite", "updated_record"), ["slack"], True),
    ("Nightly ticket export to Snowflake", ("scheduler", "scheduled_event"), ["snowflake"], False),
]

PROJECT_ROLES = [
    ("Admin", "system", 3),
    ("Analyst", "custom", 5),
    ("Operator", "custom", 4),
    ("Builder", "inheritable", 6),
    ("Finance reviewer", "inherited", 2),
]

LEGACY_ROLES = [
    (
        "Developer role",
        {
            "Recipes": ["read", "create", "update", "delete"],
            "Connections": ["read", "create", "update"],
            "Folders": ["read"],
        },
    ),
    ("Operator role", {"Recipes": ["read", "start", "stop"], "Jobs": ["read", "repeat"]}),
    ("Auditor", {"Recipes": ["read"], "Connections": ["read"], "Activity": ["read"]}),
]

ON_PREM_GROUPS = [
    # name, agents (name, active, os)
    (
        "Datacenter East",
        [
            ("dc-east-agent-01", True, "linux"),
            ("dc-east-agent-02", True, "linux"),
            ("dc-east-agent-03", False, "linux"),
        ],
    ),
    ("Finance SFTP bridge", [("sftp-bridge-01", False, "windows")]),
    ("Workday on-prem connector", [("hr-bridge-01", True, "linux")]),
]

ACTIVITY_EVENTS = [
    ("recipe_started", "flow"),
    ("recipe_stopped", "flow"),
    ("recipe_updated", "flow"),
    ("connection_updated", "Account"),
    ("api_client_created", "ApiClient"),
    ("lookup_table_updated", "LookupTable"),
    ("user_logged_in", "User"),
    ("project_deployed", "Project"),
]
