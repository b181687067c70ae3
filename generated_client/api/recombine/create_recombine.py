from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.recombine_request import RecombineRequest
from ...models.recombine_task_created import RecombineTaskCreated
from ...types import Response


def _get_kwargs(
    *,
    body: RecombineRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/recombine",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RecombineTaskCreated | None:
    if response.status_code == 200:
        response_200 = RecombineTaskCreated.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | RecombineTaskCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RecombineRequest,
) -> Response[ErrorResponse | RecombineTaskCreated]:
    """Start a recombine job (mix + master a vocal with a backing track)

     Mixes and masters an isolated vocal with a backing track. Give exactly one input mode: `stemJobId`
    of a completed separation job, or both `vocalStemURL` and `backingStemURL` (enforced by the schema's
    `oneOf`/`not`). 400 when the referenced separation job is invalid or not complete; 404 when
    `stemJobId` is unknown or belongs to another key. Free to submit; the final master costs 250 credits
    on first retrieval. Poll `/recombinestatus/{id}` or pass `webhookURL`
    (pending/started/completed/failed).

    Args:
        body (RecombineRequest): Body of `POST /recombine`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RecombineTaskCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: RecombineRequest,
) -> ErrorResponse | RecombineTaskCreated | None:
    """Start a recombine job (mix + master a vocal with a backing track)

     Mixes and masters an isolated vocal with a backing track. Give exactly one input mode: `stemJobId`
    of a completed separation job, or both `vocalStemURL` and `backingStemURL` (enforced by the schema's
    `oneOf`/`not`). 400 when the referenced separation job is invalid or not complete; 404 when
    `stemJobId` is unknown or belongs to another key. Free to submit; the final master costs 250 credits
    on first retrieval. Poll `/recombinestatus/{id}` or pass `webhookURL`
    (pending/started/completed/failed).

    Args:
        body (RecombineRequest): Body of `POST /recombine`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RecombineTaskCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RecombineRequest,
) -> Response[ErrorResponse | RecombineTaskCreated]:
    """Start a recombine job (mix + master a vocal with a backing track)

     Mixes and masters an isolated vocal with a backing track. Give exactly one input mode: `stemJobId`
    of a completed separation job, or both `vocalStemURL` and `backingStemURL` (enforced by the schema's
    `oneOf`/`not`). 400 when the referenced separation job is invalid or not complete; 404 when
    `stemJobId` is unknown or belongs to another key. Free to submit; the final master costs 250 credits
    on first retrieval. Poll `/recombinestatus/{id}` or pass `webhookURL`
    (pending/started/completed/failed).

    Args:
        body (RecombineRequest): Body of `POST /recombine`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RecombineTaskCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RecombineRequest,
) -> ErrorResponse | RecombineTaskCreated | None:
    """Start a recombine job (mix + master a vocal with a backing track)

     Mixes and masters an isolated vocal with a backing track. Give exactly one input mode: `stemJobId`
    of a completed separation job, or both `vocalStemURL` and `backingStemURL` (enforced by the schema's
    `oneOf`/`not`). 400 when the referenced separation job is invalid or not complete; 404 when
    `stemJobId` is unknown or belongs to another key. Free to submit; the final master costs 250 credits
    on first retrieval. Poll `/recombinestatus/{id}` or pass `webhookURL`
    (pending/started/completed/failed).

    Args:
        body (RecombineRequest): Body of `POST /recombine`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RecombineTaskCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
