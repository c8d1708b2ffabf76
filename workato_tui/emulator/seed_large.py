"""The large workspace for benchmarks: the demo plus bulk projects.

10,000 recipes in 500 folders, 2,000 connections, a 100,000-row lookup table and one recipe
with 100,000 jobs, built in a few seconds.
"""

from __future__ import annotations

import random

from . import demo_data as d
from .clock import Clock
from .jobgen import seed_jobs
from .records import (
    connection_config,
    new_connection,
    new_folder,
    new_lookup_table,
    new_project,
    new_recipe,
    new_row,
    recipe_code,
)
from .seed import build_demo
from .store import Store

BULK_PROJECTS = 20
FOLDERS_PER_PROJECT = 25
RECIPES_PER_FOLDER = 20
CONNECTIONS_PER_FOLDER = 4
BIG_TABLE_ROWS = 100_000
BIG_RECIPE_JOBS = 100_000
APPS = ["salesforce", "netsuite", "slack", "jira", "service_now", "snowflake", "workday", "zendesk"]
VERBS = ["Sync", "Route", "Mirror", "Enrich", "Archive", "Notify on", "Reconcile", "Load"]
NOUNS = [
    "accounts",
    "invoices",
    "tickets",
    "orders",
    "workers",
    "opportunities",
    "incidents",
    "payments",
    "contacts",
    "shipments",
]


def build_large(clock: Clock, seed: int = 7) -> Store:
    store = build_demo(clock, seed)
    rng = random.Random(seed + 1)
    ws = store.main
    for p in range(BULK_PROJECTS):
        project = new_project(
            store, ws, f"Region {p + 1:02d} operations", "Bulk project for load testing"
        )
        for f in range(FOLDERS_PER_PROJECT):
            folder = new_folder(
                store, ws, f"{rng.choice(NOUNS).title()} {f + 1:02d}", project["folder_id"]
            )
            connections = [
                new_connection(
                    store,
                    ws,
                    name=f"{app.replace('_', ' ').title()} {p + 1}-{f + 1}-{c}",
                    provider=app,
                    folder_id=folder["id"],
                    authorized=rng.random() > 0.05,
                )
                for c, app in enumerate(rng.sample(APPS, CONNECTIONS_PER_FOLDER))
            ]
            for r in range(RECIPES_PER_FOLDER):
                trigger, action = rng.sample(APPS, 2)
                recipe = new_recipe(
                    store,
                    ws,
                    folder_id=folder["id"],
                    name=f"{rng.choice(VERBS)} {rng.choice(NOUNS)} from {trigger} to {action} #{r}",
                    code=recipe_code((trigger, "new_record"), [action]),
                    config=connection_config(connections[:2]),
                )
                recipe["running"] = rng.random() < 0.6
    _big_table(store, rng)
    _big_recipe(store, rng)
    return store


def _big_table(store: Store, rng: random.Random) -> None:
    project = next(p for p in store.main.projects.values() if p["name"] == "Data Platform")
    table = new_lookup_table(
        store,
        store.main,
        "Product catalog",
        project["id"],
        ["sku", "name", "category", "price", "owner"],
    )
    categories = ["hardware", "software", "service", "spare part", "subscription"]
    for i in range(BIG_TABLE_ROWS):
        new_row(
            store,
            store.main,
            table["id"],
            {
                "sku": f"SKU-{i:06d}",
                "name": f"{rng.choice(NOUNS).title()} kit {i}",
                "category": categories[i % len(categories)],
                "price": f"{(i % 997) + 0.99:.2f}",
                "owner": d.PEOPLE[i % len(d.PEOPLE)],
            },
        )


def _big_recipe(store: Store, rng: random.Random) -> None:
    folder = next(f for f in store.main.folders.values() if f["name"] == "Warehouse loads")
    recipe = new_recipe(
        store,
        store.main,
        name="High-volume order events to Snowflake",
        folder_id=folder["id"],
        code=recipe_code(("workato_webhooks", "new_event"), ["snowflake"]),
    )
    recipe["running"] = True
    seed_jobs(store, store.main, recipe, BIG_RECIPE_JOBS, rng, failure_rate=0.02)
