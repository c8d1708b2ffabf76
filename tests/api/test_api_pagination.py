"""Paging: per_page always sent, short or empty pages stop, cursors follow the last item."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

import httpx
from api_test_helpers import Script, reply

from workato_tui.api import WorkatoClient
from workato_tui.api.pagination import by_cursor, by_page_number

MakeClient = Callable[..., WorkatoClient]


def query(request: httpx.Request) -> dict[str, str]:
    return dict(parse_qsl(request.url.query.decode()))


async def test_page_numbers_until_a_short_page(make_client: MakeClient) -> None:
    script = Script(
        reply(200, {"items": [{"id": 5}, {"id": 4}]}),
        reply(200, {"items": [{"id": 3}, {"id": 2}]}),
        reply(200, {"items": [{"id": 1}]}),
    )
    async with make_client(script) as client:
        ids = [r.id async for r in client.iter_recipes(per_page=2, running=True)]
    assert ids == [5, 4, 3, 2, 1]
    assert [query(r) for r in script.requests] == [
        {"running": "true", "page": str(n), "per_page": "2"} for n in (1, 2, 3)
    ]


async def test_an_empty_page_stops(make_client: MakeClient) -> None:
    script = Script(reply(200, [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]), reply(200, []))
    async with make_client(script) as client:
        projects = [p async for p in client.iter_projects(per_page=2)]
    assert len(projects) == 2 and len(script.requests) == 2


async def test_a_repeated_page_stops(make_client: MakeClient) -> None:
    script = Script(reply(200, [{"id": 1}, {"id": 2}]))  # the server ignores `page`
    async with make_client(script) as client:
        folders = [f async for f in client.iter_folders(per_page=2)]
    assert [f.id for f in folders] == [1, 2]
    assert len(script.requests) == 2


async def test_list_sends_per_page_even_by_default(make_client: MakeClient) -> None:
    script = Script(reply(200, []))
    async with make_client(script) as client:
        await client.list_lookup_rows(3, by={"code": "US"})
        await client.list_customers()
    assert query(script.requests[0]) == {"by[code]": "US", "page": "1", "per_page": "1000"}
    assert query(script.requests[1]) == {"page": "1", "per_page": "100"}


async def test_jobs_follow_offset_job_id(make_client: MakeClient) -> None:
    page1 = {"job_count": 3, "items": [{"id": "j-3"}, {"id": "j-2"}]}
    page2 = {"job_count": 3, "items": [{"id": "j-1"}]}
    script = Script(reply(200, page1), reply(200, page2))
    async with make_client(script) as client:
        ids = [j.id async for j in client.iter_jobs(9, per_page=2, status="failed")]
    assert ids == ["j-3", "j-2", "j-1"]
    assert query(script.requests[0]) == {"status": "failed", "per_page": "2"}
    assert query(script.requests[1]) == {
        "status": "failed",
        "per_page": "2",
        "offset_job_id": "j-2",
    }
    assert script.requests[0].url.path == "/api/recipes/9/jobs"


async def test_activity_follows_page_after(make_client: MakeClient) -> None:
    script = Script(
        reply(200, {"data": [{"id": 10}, {"id": 9}], "total": 2}),
        reply(200, {"data": [], "total": 0}),
    )
    async with make_client(script) as client:
        entries = [
            e.id async for e in client.iter_activity(page_size=2, include_event_types=["a", "b"])
        ]
    assert entries == [10, 9]
    assert script.requests[0].url.params.get_list("include_event_types[]") == ["a", "b"]
    assert query(script.requests[0])["page[size]"] == "2"
    assert query(script.requests[1])["page[after]"] == "9"


async def test_project_roles_use_page_number_and_size(make_client: MakeClient) -> None:
    body = {"data": [{"id": 1, "name": "Builder"}], "total": 1, "page": {"number": 1}}
    script = Script(reply(200, body))
    async with make_client(script) as client:
        roles = [r async for r in client.iter_project_roles(per_page=50)]
    assert [r.name for r in roles] == ["Builder"]
    assert query(script.last) == {"page[number]": "1", "page[size]": "50"}


async def test_generic_iterators_guard_against_loops() -> None:
    calls: list[str | None] = []

    async def same_cursor(cursor: str | None, size: int) -> list[str]:
        calls.append(cursor)
        return ["x", "x"]

    # The second page repeats the first (the cursor was ignored): it is not yielded.
    assert [i async for i in by_cursor(same_cursor, lambda s: s, 2)] == ["x", "x"]
    assert calls == [None, "x"]

    async def stuck(cursor: str | None, size: int) -> list[str]:
        return ["a", "b"] if cursor is None else ["c", "b"]  # moves, then the cursor sticks

    assert [i async for i in by_cursor(stuck, lambda s: s, 2)] == ["a", "b", "c", "b"]

    async def endless(page: int, size: int) -> list[int]:
        return [page] * size

    items = [i async for i in by_page_number(endless, 1, max_pages=3)]
    assert items == [1, 2, 3]
