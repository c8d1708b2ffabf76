"""Workato data centres by name, and the rule that a token never travels over plain HTTP."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

DATA_CENTERS: dict[str, str] = {
    "us": "https://www.workato.com",
    "eu": "https://app.eu.workato.com",
    "jp": "https://app.jp.workato.com",
    "sg": "https://app.sg.workato.com",
    "au": "https://app.au.workato.com",
    "il": "https://app.il.workato.com",
    "kr": "https://app.kr.workato.com",
    "cn": "https://app.workatoapp.cn",
    "trial": "https://app.trial.workato.com",
}


class InsecureBaseURL(ValueError):
    """A plain-HTTP base URL for a host that is not loopback."""


def base_url_for(data_center: str) -> str:
    try:
        return DATA_CENTERS[data_center.lower()]
    except KeyError:
        names = ", ".join(DATA_CENTERS)
        raise ValueError(f"unknown data centre {data_center!r}; expected one of {names}") from None


def data_center_of(base_url: str) -> str | None:
    """The data centre name a base URL belongs to, if it is one of Workato's."""
    host = urlsplit(base_url).hostname or ""
    for name, url in DATA_CENTERS.items():
        if urlsplit(url).hostname == host:
            return name
    return None


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """The URL without a trailing slash; refuses plain HTTP unless the host is loopback."""
    try:
        parts = urlsplit(base_url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise ValueError(f"base URL {base_url!r} must look like https://host") from None
    if "@" in parts.netloc:  # httpx would send `user:password@` as Basic auth
        raise ValueError(
            "a base URL must not hold a user name or password (user:password@host); "
            "the API token is the only credential sent"
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"base URL {base_url!r} must look like https://host")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InsecureBaseURL(
            f"refusing to send the API token over plain HTTP to {parts.hostname}; "
            "use https:// (plain http is allowed only for loopback hosts)"
        )
    return base_url.rstrip("/")
