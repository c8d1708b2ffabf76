"""Every way a call can fail becomes the right WorkatoError, filled in and without the token."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
import pytest
from api_test_helpers import TOKEN, Script, reply

from workato_tui.api import (
    BadRequest,
    CallRecord,
    Forbidden,
    MalformedResponse,
    NoRetry,
    NotFound,
    RateLimited,
    Refused,
    ServerError,
    Timeout,
    TransportError,
    Unauthorized,
    WorkatoClient,
    WorkatoError,
)

MakeClient = Callable[..., WorkatoClient]


async def fail(make_client: MakeClient, *answers: httpx.Response) -> WorkatoError:
    script = Script(*answers)
    async with make_client(script, read_retry=NoRetry(), write_retry=NoRetry()) as client:
        with pytest.raises(WorkatoError) as caught:
            await client.get_recipe(5)
    error = caught.value
    assert TOKEN not in str(error) and TOKEN not in repr(error)
    return error


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"message": "Bad request"}, []),
        (
            {
                "message": "Invalid",
                "errors": [
                    {"code": "missing_parameter", "title": "folder_id: folder_id is required"}
                ],
            },
            ["folder_id: folder_id is required (missing_parameter)"],
        ),
        (
            {"message": "Validation failed", "errors": {"name": ["can't be blank", "too short"]}},
            ["name: can't be blank; too short"],
        ),
        (
            {"message": "Validation failed", "errors": {"name": "can't be blank"}},
            ["name: can't be blank"],
        ),
    ],
)
async def test_400_parses_every_error_shape(
    make_client: MakeClient, body: object, details: list[str]
) -> None:
    error = await fail(make_client, reply(400, body))
    assert isinstance(error, BadRequest)
    assert error.details == details
    assert (error.endpoint, error.method, error.path, error.status, error.correlation_id) == (
        "recipes.get",
        "GET",
        "/api/recipes/5",
        400,
        "corr-1",
    )


@pytest.mark.parametrize(
    ("status", "cls"), [(401, Unauthorized), (403, Forbidden), (404, NotFound)]
)
async def test_client_errors_map_by_status(
    make_client: MakeClient, status: int, cls: type[WorkatoError]
) -> None:
    error = await fail(make_client, reply(status, {"message": "Nope"}))
    assert type(error) is cls
    assert error.message == "Nope"
    assert error.status == status


async def test_429_carries_retry_after(make_client: MakeClient) -> None:
    error = await fail(
        make_client, reply(429, {"message": "Slow down"}, headers={"Retry-After": "12"})
    )
    assert isinstance(error, RateLimited)
    assert error.retry_after == 12.0


async def test_5xx_carries_the_error_id(make_client: MakeClient) -> None:
    error = await fail(make_client, reply(503, {"message": "Server error", "id": "uuid-9"}))
    assert isinstance(error, ServerError)
    assert error.error_id == "uuid-9"
    assert "uuid-9" in str(error) and "corr-1" in str(error)


async def test_html_5xx_still_maps(make_client: MakeClient) -> None:
    error = await fail(make_client, reply(502, raw=b"<html>Bad gateway</html>"))
    assert isinstance(error, ServerError)
    assert error.message == "Bad Gateway"


async def test_success_false_is_refused_with_readable_details(make_client: MakeClient) -> None:
    body = {
        "success": False,
        "code_errors": [[3, [["conditions/1/operand", "equals", "is invalid", "c.0"]]]],
        "config_errors": [["Salesforce", "is not connected", {"key": "config_unconnected"}]],
    }
    script = Script(reply(200, body))
    async with make_client(script) as client:
        with pytest.raises(Refused) as caught:
            await client.start_recipe(5)
    error = caught.value
    assert error.status == 200 and error.endpoint == "recipes.start"
    assert error.code_errors == body["code_errors"]
    assert error.details == [
        "step 3: conditions/1/operand is invalid",
        "Salesforce: is not connected (config_unconnected)",
    ]


async def test_refused_with_field_errors(make_client: MakeClient) -> None:
    body = {"success": False, "errors": {"running": ["can't modify running recipe"]}}
    async with make_client(Script(reply(200, body))) as client:
        with pytest.raises(Refused) as caught:
            await client.update_recipe(5, name="x")
    assert caught.value.details == ["running: can't modify running recipe"]


@pytest.mark.parametrize("raw", [b'{"items": [{"id": 1, "name": "trunc', b"<html>hi</html>"])
async def test_non_json_2xx_is_malformed(make_client: MakeClient, raw: bytes) -> None:
    error = await fail(make_client, reply(200, raw=raw))
    assert isinstance(error, MalformedResponse)
    assert error.status == 200


async def test_wrong_shape_2xx_is_malformed_without_echoing_values(
    make_client: MakeClient, records: list[CallRecord]
) -> None:
    error = await fail(make_client, reply(200, {"id": "not-a-number", "name": "s3cr3t"}))
    assert isinstance(error, MalformedResponse)
    assert "s3cr3t" not in str(error) and "not-a-number" not in str(error)
    assert [(r.outcome, r.status) for r in records] == [("malformed", 200)]


@pytest.mark.parametrize(
    "exc",
    [
        httpx.RemoteProtocolError("peer closed"),
        httpx.ReadError("reset"),
        httpx.ConnectError("refused"),
    ],
)
async def test_transport_errors(make_client: MakeClient, exc: Exception) -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise exc

    error = await fail(make_client, broken)  # type: ignore[arg-type]
    assert isinstance(error, TransportError)
    assert (error.endpoint, error.method, error.path) == ("recipes.get", "GET", "/api/recipes/5")


async def test_httpx_timeout_is_timeout(make_client: MakeClient) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out")

    error = await fail(make_client, slow)  # type: ignore[arg-type]
    assert isinstance(error, Timeout)
    assert error.write is False


async def test_hanging_write_times_out_in_process_and_is_not_resent(
    make_client: MakeClient, records: list[CallRecord]
) -> None:
    async def hang(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(30)
        return reply(200, {})

    script = Script(hang)
    async with make_client(script, timeout=0.05) as client:
        with pytest.raises(Timeout) as caught:
            await client.stop_recipe(5)
    assert caught.value.write is True
    assert "not sent again" in str(caught.value)
    assert len(script.requests) == 1
    assert [(r.outcome, r.attempt, r.error) for r in records] == [("uncertain", 1, "uncertain")]


async def test_token_never_in_repr_or_errors(make_client: MakeClient) -> None:
    async with make_client(Script(reply(401, {"message": "Unauthorized"}))) as client:
        assert TOKEN not in repr(client)
        assert TOKEN not in str(client.__dict__.get("base_url"))
        with pytest.raises(Unauthorized) as caught:
            await client.get_me()
    error = caught.value
    for text in (str(error), repr(error), error.describe(), repr(error.__dict__)):
        assert TOKEN not in text
