"""Rows a write refuses, said before anything is sent (`WriteAction.refuses`)."""

from __future__ import annotations

from typing import Any


def already_running(row: Any) -> str | None:
    return "it is already running" if row.running else None


def already_stopped(row: Any) -> str | None:
    return None if row.running else "it is already stopped"


def running_recipe(row: Any) -> str | None:
    if row.running:
        return "it is running: stop it first (Workato refuses to update a running recipe)"
    return None


def no_build(row: Any) -> str | None:
    return None if row.project_build_id else "Workato recorded no build for it"


def not_paused(row: Any) -> str | None:
    if row.status == "pending":
        return None
    return f"it is {row.status or 'not waiting'}: only a paused (pending) job resumes"
