"""A resolved profile: everything needed to connect with it, except the secret itself.

Its own module, light to import (no config parser or models): `--demo` builds its profile
and reads the last-known snapshot before the first frame, without pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from workato_tui.service.policy import AccessPolicy

if TYPE_CHECKING:
    from pydantic import SecretStr

    from workato_tui.service.config_model import AccessLevel

TokenSourceKind = Literal["command", "env", "file", "keyring", "config"]


@dataclass(frozen=True)
class TokenSource:
    """One place a token may come from; `tokens.get_token` tries them in order."""

    kind: TokenSourceKind
    detail: str  # the command, variable name, file path, keyring user or config file
    secret: SecretStr | None = field(default=None, repr=False)  # only for kind "config"

    def describe(self) -> str:
        return {
            "command": f"command `{self.detail}`",
            "env": f"environment variable {self.detail}",
            "file": f"file {self.detail}",
            "keyring": f"OS keyring (service workato-tui, user {self.detail})",
            "config": f"token in {self.detail} (discouraged)",
        }[self.kind]


@dataclass(frozen=True)
class ResolvedProfile:
    """Everything needed to connect with a profile, except the secret itself."""

    name: str
    label: str
    color: str | None
    base_url: str
    data_center: str | None
    token_source: str  # a description, e.g. "environment variable WORKATO_PROD_TOKEN"
    read_only: bool
    access: dict[str, AccessLevel]  # the families the config names; others default
    keymap: dict[str, str]
    theme: str | None = None
    token_sources: tuple[TokenSource, ...] = ()
    config_path: Path | None = None

    def access_policy(self) -> AccessPolicy:
        return AccessPolicy(self.read_only, self.access)
