"""The shape of `config.toml`, as pydantic models. Unknown keys are errors (typo protection).

Loading, error messages with line numbers and profile resolution live in `config.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    create_model,
    field_validator,
    model_validator,
)

from workato_tui.api.endpoints import FAMILIES
from workato_tui.api.hosts import DATA_CENTERS, check_base_url
from workato_tui.service.paths import check_profile_name

AccessLevel = Literal["none", "read", "write"]
ACCESS_LEVELS: tuple[str, ...] = ("none", "read", "write")

ProfileName = Annotated[str, AfterValidator(check_profile_name)]


def _check_keymap(keymap: dict[str, str]) -> dict[str, str]:
    for binding_id, keys in keymap.items():
        parts = [part.strip() for part in keys.split(",")]
        if not all(parts) or any(" " in part for part in parts):
            raise ValueError(
                f'keys for {binding_id!r} must be comma-separated key names like "ctrl+r,f5"'
            )
    return keymap


Keymap = Annotated[dict[str, str], AfterValidator(_check_keymap)]

_STRICT = ConfigDict(extra="forbid", frozen=True, strict=True)  # TOML has types: use them

# One optional field per resource family, so a misspelt family is an unknown key.
AccessConfig: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "AccessConfig",
    __config__=_STRICT,
    **{family: (AccessLevel | None, None) for family in FAMILIES},
)


def access_dict(access: BaseModel) -> dict[str, AccessLevel]:
    """The families the config names explicitly, with their level."""
    return {k: v for k, v in access.model_dump().items() if v is not None}


class ProfileConfig(BaseModel):
    """One workspace to connect to: `[profiles.<name>]`."""

    model_config = _STRICT

    label: str | None = None
    """Shown in the header; defaults to the profile name."""
    color: str | None = None
    """Header colour, so production looks different from sandbox."""
    data_center: str | None = None
    """us, eu, jp, sg, au, il, kr, cn or trial. Exclusive with base_url."""
    base_url: str | None = None
    """https://... (plain http only for loopback, e.g. the emulator)."""
    token_command: str | None = None
    """A command that prints the token, run without a shell: "pass show workato/prod"."""
    token_env: str | None = None
    """The environment variable holding the token."""
    token_file: str | None = None
    """A file holding the token (must not be readable by group or others)."""
    keyring: bool = False
    """Look the token up in the OS keyring (service "workato-tui", user = profile name)."""
    token: SecretStr | None = None
    """The token itself. Discouraged: prefer token_command, token_env or keyring."""
    read_only: bool = False
    """Refuse every write call locally, whatever the token allows."""
    access: AccessConfig = Field(default_factory=AccessConfig)
    """Per resource family: none | read | write (default write, or read when read_only)."""
    keymap: Keymap = Field(default_factory=dict)
    """Binding id -> keys, overriding the global [keymap] for this profile."""
    theme: str | None = None
    """Textual theme for this profile, overriding the global one."""

    @field_validator("data_center")
    @classmethod
    def _known_data_center(cls, value: str | None) -> str | None:
        if value is not None and value.lower() not in DATA_CENTERS:
            raise ValueError(f"must be one of {', '.join(DATA_CENTERS)}")
        return value.lower() if value else value

    @field_validator("color")
    @classmethod
    def _known_color(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from rich.color import Color, ColorParseError  # the header draws it with Rich

        try:
            Color.parse(value)
        except ColorParseError:
            raise ValueError(
                f"{value!r} is not a colour; use a name (red, dark_orange, bright_blue), "
                '"#rrggbb" or "rgb(r,g,b)"'
            ) from None
        return value

    @field_validator("base_url")
    @classmethod
    def _secure_base_url(cls, value: str | None) -> str | None:
        return check_base_url(value) if value is not None else None

    @field_validator("token_command", "token_env", "token_file")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be empty")
        return value

    @model_validator(mode="after")
    def _one_host(self) -> ProfileConfig:
        if self.data_center and self.base_url:
            raise ValueError("give data_center or base_url, not both")
        return self


class Config(BaseModel):
    """The whole config file."""

    model_config = _STRICT

    theme: str | None = None
    """Textual theme, remembered by the app."""
    default_profile: str | None = None
    """The profile used when none is named on the command line."""
    profiles: dict[ProfileName, ProfileConfig] = Field(default_factory=dict)
    keymap: Keymap = Field(default_factory=dict)
    """Binding id -> keys in Textual keymap format ("ctrl+r,f5")."""

    _source: Path | None = PrivateAttr(default=None)

    @property
    def source(self) -> Path | None:
        """The file this config was read from, if any."""
        return self._source


KNOWN_KEYS: frozenset[str] = frozenset(
    set(Config.model_fields) | set(ProfileConfig.model_fields) | set(FAMILIES)
)
