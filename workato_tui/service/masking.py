"""Keeping a token out of text: masking it, and a one-way fingerprint to key cached data by.

Light to import (no pydantic): the last-known snapshot is read with it before the first frame.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import SecretStr

MASK = "[redacted]"
_MIN_MASKED_LENGTH = 8  # shorter "tokens" are only scrubbed where a value equals them


def secret_text(token: SecretStr | str | None) -> str | None:
    if token is not None and not isinstance(token, str):  # a SecretStr
        token = token.get_secret_value()
    return token or None


def contains_secret(text: str, token: str | None) -> bool:
    """Whether `text` holds the token (a short token only as the whole text)."""
    if not token:
        return False
    return text == token or (len(token) >= _MIN_MASKED_LENGTH and token in text)


def mask_secret(text: str, token: str | None) -> str:
    """`text` with the token replaced; a short token only where it is the whole text."""
    if not token:
        return text
    if text == token:
        return MASK
    if len(token) >= _MIN_MASKED_LENGTH and token in text:
        return text.replace(token, MASK)
    return text


def fingerprint(token: SecretStr | str, base_url: str) -> str:
    """Who a token is, for keying cached data: a one-way hash of the token and the workspace
    address, never the token itself (16 hex digits of SHA-256)."""
    text = secret_text(token) or ""
    return hashlib.sha256(f"{base_url}\0{text}".encode()).hexdigest()[:16]
