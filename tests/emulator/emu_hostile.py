"""Hostile input for the emulator: malformed query values, path ids and bodies, derived from
the one endpoint table, so an endpoint added to `workato_tui.api.endpoints` is covered as soon
as it has a route (and a valid request in emu_cases.CASES).

Which query parameters an endpoint reads is found in the source of the module holding its
handler (and the route modules it imports), so a new `ctx.query*("name")` is tried too.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterator
from typing import Any

from emu_cases import CASES
from emu_helpers import DemoIds

from workato_tui.api.endpoints import ENDPOINTS, Endpoint
from workato_tui.emulator.context import HANDLERS

ALWAYS = ("page", "per_page", "page[size]", "page[number]", "page[after]", "includes[]")
_QUERY_CALL = re.compile(r"""query(?:_int|_bool|_id|_time|_list)?\(\s*f?["']([^"'{]+)["']""")
_PAGE_KEYS = re.compile(r"""ctx\.page\([^)]*["']([^"']+)["'],\s*["']([^"']+)["']""")
_SIBLINGS = re.compile(r"^from \.(\w+) import", re.MULTILINE)

MALFORMED_VALUES = (
    "",
    " ",
    "x",
    "-1",
    "0",
    "9" * 40,
    "1e3",
    "1.5",
    "0x1F",
    "\u00b2",  # superscript two: isdigit() is true, int() fails
    "\u0661\u0662",  # Arabic-Indic digits
    "true",
    "null",
    "2020-01-01T00:00:00",
    "2020-01-01",
    "2020-13-45T99:00:00",
    "9999-12-31T23:59:59-01:00",
    "0001-01-01T00:00:00+01:00",
    "yesterday",
    "\x00",
    "a" * 5000,
    "[]",
    '{"a":1}',
    "\U0001f642",
)

HOSTILE_IDS = (
    "\u00b2",
    "\u00b9\u00b2",
    "\u0661",
    "-1",
    "0",
    "9" * 40,
    "1e3",
    "1.5",
    " 7",
    "0x10",
    "E",
    "E\u00b2",
    "f\u00b2",
    "f",
    "null",
    "%00",
    "a" * 3000,
    "\U0001f642",
)

HOSTILE_VALUES: tuple[Any, ...] = (
    None,
    True,
    -1,
    1.5,
    10**30,
    "",
    "\u00b2",
    "a" * 20_000,
    [],
    [[[]]],
    {},
    {"nested": {"deeper": [1, {"x": None}]}},
)


def query_parameters(endpoint: Endpoint) -> list[str]:
    """Every query parameter the endpoint's route module (and its imports) reads, plus paging."""
    module = sys.modules[HANDLERS[endpoint.id].__module__]
    sources = [inspect.getsource(module)]
    package = module.__name__.rsplit(".", 1)[0]
    for sibling in _SIBLINGS.findall(sources[0]):
        if f"{package}.{sibling}" in sys.modules:
            sources.append(inspect.getsource(sys.modules[f"{package}.{sibling}"]))
    names: set[str] = set(ALWAYS)
    for source in sources:
        names.update(_QUERY_CALL.findall(source))
        for pair in _PAGE_KEYS.findall(source):
            names.update(pair)
    return sorted(names)


def valid_request(endpoint: Endpoint, ids: DemoIds) -> tuple[str, str, Any]:
    """A request the endpoint answers with 2xx (emu_cases), or its path filled with 1s."""
    if endpoint.id in CASES:
        return CASES[endpoint.id][0](ids)
    params = re.findall(r"\{(\w+)\}", endpoint.path)
    return endpoint.method, endpoint.url(**dict.fromkeys(params, 1)), None


def plans(ids: DemoIds) -> list[tuple[Endpoint, tuple[str, str, Any]]]:
    """Every endpoint with its valid request, all found before any request deletes a record."""
    return [(endpoint, valid_request(endpoint, ids)) for endpoint in ENDPOINTS]


def path_with(endpoint: Endpoint, valid: str, name: str, raw: str) -> str:
    """The valid path with the path parameter `name` replaced by `raw` (percent-encoded)."""
    valid = valid.split("?")[0]
    match = endpoint.pattern.match(valid)
    values = dict(match.groupdict()) if match else {}
    values[name] = raw
    return endpoint.url(**values)


def path_parameters(endpoint: Endpoint) -> list[str]:
    return re.findall(r"\{(\w+)\}", endpoint.path)


def body_variants(body: Any) -> Iterator[Any]:
    """The valid body with one field at a time (at any depth of a wrapper) made hostile."""
    if not isinstance(body, dict):
        return
    for key, value in body.items():
        if isinstance(value, dict):
            for inner in body_variants(value):
                yield {**body, key: inner}
        for hostile in HOSTILE_VALUES:
            yield {**body, key: hostile}
