"""The writes on folders and projects (the folder tree) and deployments."""

from __future__ import annotations

from . import rules
from .record import WriteAction, declare

FOLDER_NEW = declare(
    WriteAction(
        id="folder-new",
        key="n",
        label="New folder",
        verb="Create folder",
        endpoint_id="folders.create",
        on="tree",
        creates=True,
    )
)

PROJECT_NEW = declare(
    WriteAction(
        id="project-new",
        key="N",
        label="New project",
        verb="Create project",
        endpoint_id="folders.create",
        on="tree",
        creates=True,
    )
)

FOLDER_RENAME = declare(
    WriteAction(
        id="folder-rename",
        key="e",
        label="Rename",
        verb="Rename",
        endpoint_id="folders.update",
        on="tree",
    )
)

PROJECT_DEPLOY = declare(
    WriteAction(
        id="project-deploy",
        key="d",
        label="Deploy",
        verb="Deploy project",
        endpoint_id="projects.deploy",
        on="tree",
    )
)

PROJECT_BUILD = declare(
    WriteAction(
        id="project-build",
        key="b",
        label="Build",
        verb="Build project",
        endpoint_id="projects.build",
        on="tree",
    )
)

FOLDER_DELETE = declare(
    WriteAction(
        id="folder-delete",
        key="D",
        label="Delete",
        verb="Delete folder",
        endpoint_id="folders.delete",
        on="tree",
        irreversible=True,
    )
)

DEPLOYMENT_REDEPLOY = declare(
    WriteAction(
        id="deployment-redeploy",
        key="d",
        label="Deploy again",
        verb="Deploy again",
        endpoint_id="project_builds.deploy",
        views=("deployments",),
        refuses=rules.no_build,
    )
)
