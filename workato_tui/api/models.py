"""Typed records of the Developer API (pydantic v2).

Every model keeps unknown fields (`extra="allow"`), so a field Workato adds tomorrow is not lost,
and nearly every field is optional, because the sources disagree on what is always present.
Timestamps that do not parse become None rather than failing a whole list. The admin-side
models live in `models_admin.py` and are re-exported here.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .model_base import (
    ApiModel,
    EnvelopeError,
    LooseId,
    Success,
    Timestamp,
    unwrap_list,
    unwrap_object,
)
from .models_admin import (
    ActivityEntry,
    ActivityPage,
    ApiClientRole,
    ApiClientToken,
    DeveloperApiClient,
    LookupRow,
    LookupTable,
    OnPremAgent,
    OnPremGroup,
    OnPremStatus,
    ProjectRole,
    Role,
)
from .vocabulary import connection_state as connection_state  # re-exported

__all__ = [
    "ActivityEntry",
    "ActivityPage",
    "ApiClientRole",
    "ApiClientToken",
    "ApiModel",
    "Connection",
    "Customer",
    "Deployment",
    "DeveloperApiClient",
    "Disconnected",
    "EnvelopeError",
    "Folder",
    "Job",
    "JobDetail",
    "JobLine",
    "JobPage",
    "LookupRow",
    "LookupTable",
    "LooseId",
    "OnPremAgent",
    "OnPremGroup",
    "OnPremStatus",
    "Project",
    "ProjectBuild",
    "ProjectRole",
    "Recipe",
    "RecipeConfig",
    "RecipeCopy",
    "RecipeCreated",
    "RecipeVersion",
    "RepeatError",
    "RepeatJobsResult",
    "RepeatResult",
    "RepeatSummary",
    "RepeatedJob",
    "Role",
    "Success",
    "Timestamp",
    "User",
    "unwrap_list",
    "unwrap_object",
]


# Workspace -------------------------------------------------------------------------------


class User(ApiModel):
    """GET /api/users/me: the workspace the token belongs to."""

    id: int
    name: str | None = None
    email: str | None = None
    company_name: str | None = None
    plan_id: str | None = None
    root_folder_id: int | None = None
    recipes_count: int | None = None
    active_recipes_count: int | None = None
    created_at: Timestamp = None


class Customer(ApiModel):
    """An Embedded customer (managed user)."""

    id: int
    name: str | None = None
    external_id: str | None = None
    created_at: Timestamp = None


# Recipes and jobs ------------------------------------------------------------------------


class RecipeConfig(ApiModel):
    keyword: str | None = None
    name: str | None = None
    provider: str | None = None
    skip_validation: bool | None = None
    account_id: int | None = None  # the connection id


class Recipe(ApiModel):
    id: int
    name: str = ""
    user_id: int | None = None
    folder_id: int | None = None
    project_id: LooseId = None
    description: str | None = None
    running: bool = False
    trigger_application: str | None = None
    action_applications: list[str] = Field(default_factory=list)
    applications: list[str] = Field(default_factory=list)
    config: list[RecipeConfig] = Field(default_factory=list)
    code: str | None = None  # a JSON-encoded string of the recipe lines
    webhook_url: str | None = None
    copy_count: int | None = None
    job_succeeded_count: int = 0
    job_failed_count: int = 0
    lifetime_task_count: int | None = None
    version_no: int | None = None
    stop_cause: str | None = None
    author_name: str | None = None
    tags: list[str] | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
    last_run_at: Timestamp = None
    stopped_at: Timestamp = None


class RecipeCreated(ApiModel):
    """POST /api/recipes: `{"success": true, "id": N}`."""

    success: bool = True
    id: int


class RecipeCopy(ApiModel):
    """POST /api/recipes/:id/copy: `{"success", "new_flow_id"}` (or a Recipe object)."""

    success: bool = True
    new_flow_id: int | None = None
    recipe_id: int | None = Field(default=None, alias="id")

    @property
    def id(self) -> int | None:
        """The new recipe's id, whichever shape the server answered with."""
        return self.new_flow_id if self.new_flow_id is not None else self.recipe_id


class RecipeVersion(ApiModel):
    """GET /api/recipes/:id/versions: one saved version (comments are at most 255 chars)."""

    id: int
    version_no: int | None = None
    comment: str | None = None
    author_name: str | None = None
    author_email: str | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None


class Job(ApiModel):
    id: str
    recipe_id: int | None = None
    status: str | None = None  # succeeded, failed, pending
    title: str | None = None
    is_error: bool = False
    is_poll_error: bool = False
    error: Any = None
    error_parts: dict[str, Any] | None = None
    master_job_id: str | None = None
    calling_recipe_id: int | None = None
    calling_job_id: str | None = None
    root_recipe_id: int | None = None
    root_job_id: str | None = None
    started_at: Timestamp = None
    completed_at: Timestamp = None


class JobLine(ApiModel):
    recipe_line_number: int | None = None
    adapter_name: str | None = None
    adapter_operation: str | None = None
    input: Any = None
    output: Any = None
    error: Any = None
    mask_data: bool | None = None
    line_stat: dict[str, Any] | None = None

    @property
    def masked(self) -> bool:
        """The recipe masks this step's data, so Workato sends no input or output for it."""
        return bool(self.mask_data)

    @property
    def has_data(self) -> bool:
        return self.input is not None or self.output is not None


class JobDetail(Job):
    handle: str | None = None
    master_job_handle: str | None = None
    calling_job_handle: str | None = None
    is_repeat: bool | None = None
    is_test: bool | None = None
    lines: list[JobLine] = Field(default_factory=list)


class JobPage(ApiModel):
    """GET .../jobs: the counts and one page of jobs, newest first."""

    job_succeeded_count: int | None = None
    job_failed_count: int | None = None
    job_count: int | None = None
    job_scope_count: int | None = None
    items: list[Job] = Field(default_factory=list)


class RepeatError(ApiModel):
    type_id: str | None = None
    message: str | None = None


class RepeatedJob(ApiModel):
    id: str | None = None


class RepeatResult(ApiModel):
    """One requested job: the doc shape `{requested_job_id, status, job|error}` or wk's
    `{job_id, status, error: str}`."""

    requested_job_id: str | None = None
    job_id: str | None = None
    status: str | None = None
    job: RepeatedJob | None = None
    error: RepeatError | str | None = None

    @property
    def requested(self) -> str | None:
        return self.requested_job_id or self.job_id

    @property
    def error_message(self) -> str | None:
        if isinstance(self.error, RepeatError):
            return self.error.message or self.error.type_id
        return self.error


class RepeatSummary(ApiModel):
    total_requested: int | None = None
    total_enqueued: int | None = None
    total_failed: int | None = None


class RepeatJobsResult(ApiModel):
    results: list[RepeatResult] = Field(default_factory=list)
    summary: RepeatSummary | None = None


# Connections -----------------------------------------------------------------------------


class Connection(ApiModel):
    id: int
    name: str = ""
    application: str | None = None
    provider: str | None = None
    description: str | None = None
    folder_id: int | None = None
    project_id: LooseId = None
    parent_id: int | None = None
    external_id: str | None = None
    authorization_status: str | None = None
    authorization_error: str | None = None
    connection_lost_reason: str | None = None
    tags: list[str] | None = None
    authorized_at: Timestamp = None
    connection_lost_at: Timestamp = None
    created_at: Timestamp = None
    updated_at: Timestamp = None

    @property
    def connected(self) -> bool:
        return self.authorization_status == "success"

    @property
    def state(self) -> str:
        """What to show: "connected", "disconnected", "failed" or "error" (connection_state)."""
        return connection_state(self.authorization_status, self.authorized_at is not None)


class Disconnected(ApiModel):
    """POST /api/connections/:id/disconnect: `{"success", "status"}`."""

    success: bool = True
    status: str | None = None


# Folders, projects, deployments -------------------------------------------------------------


class Folder(ApiModel):
    id: int
    name: str = ""
    parent_id: int | None = None
    is_project: bool | None = None
    project_id: LooseId = None
    created_at: Timestamp = None
    updated_at: Timestamp = None


class Project(ApiModel):
    id: int
    name: str = ""
    folder_id: int | None = None
    description: str | None = None


class ProjectBuild(ApiModel):
    id: int
    description: str | None = None
    project_id: LooseId = None
    state: str | None = None  # pending, success, failed
    performed_by_name: str | None = None
    download_url: str | None = None  # null until the build is done
    created_at: Timestamp = None
    updated_at: Timestamp = None


class Deployment(ApiModel):
    id: int
    title: str | None = None
    description: str | None = None
    project_id: LooseId = None  # a string in Workato's samples
    project_build_id: int | None = None
    environment_type: str | None = None
    state: str | None = None  # pending, success, failed
    performed_by_name: str | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
