from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.separation_request import SeparationRequest
from ...models.separation_task_created import SeparationTaskCreated
from ...types import Response


def _get_kwargs(
    *,
    body: SeparationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/separate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SeparationTaskCreated | None:
    if response.status_code == 200:
        response_200 = SeparationTaskCreated.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

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
) -> Response[ErrorResponse | SeparationTaskCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeparationRequest,
) -> Response[ErrorResponse | SeparationTaskCreated]:
    """Start a stem separation job (StemFlow)

     Splits a song into stems on a GPU worker. `separationMode` `all_stems` (default) → vocals, bass,
    drums, other; `vocals_instrumental` → vocals, instrumental. Submitting reserves 75 credits, captured
    only on success and refunded automatically on failure; 402 if the balance is insufficient. Takes
    minutes including GPU cold start. Poll `/separatestatus/{id}` and fetch with `/retrievestems`, or
    pass `webhookURL` for pending/started/completed/failed notifications.

    Args:
        body (SeparationRequest): Body of `POST /separate`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeparationTaskCreated]
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
    body: SeparationRequest,
) -> ErrorResponse | SeparationTaskCreated | None:
    """Start a stem separation job (StemFlow)

     Splits a song into stems on a GPU worker. `separationMode` `all_stems` (default) → vocals, bass,
    drums, other; `vocals_instrumental` → vocals, instrumental. Submitting reserves 75 credits, captured
    only on success and refunded automatically on failure; 402 if the balance is insufficient. Takes
    minutes including GPU cold start. Poll `/separatestatus/{id}` and fetch with `/retrievestems`, or
    pass `webhookURL` for pending/started/completed/failed notifications.

    Args:
        body (SeparationRequest): Body of `POST /separate`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeparationTaskCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeparationRequest,
) -> Response[ErrorResponse | SeparationTaskCreated]:
    """Start a stem separation job (StemFlow)

     Splits a song into stems on a GPU worker. `separationMode` `all_stems` (default) → vocals, bass,
    drums, other; `vocals_instrumental` → vocals, instrumental. Submitting reserves 75 credits, captured
    only on success and refunded automatically on failure; 402 if the balance is insufficient. Takes
    minutes including GPU cold start. Poll `/separatestatus/{id}` and fetch with `/retrievestems`, or
    pass `webhookURL` for pending/started/completed/failed notifications.

    Args:
        body (SeparationRequest): Body of `POST /separate`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeparationTaskCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SeparationRequest,
) -> ErrorResponse | SeparationTaskCreated | None:
    """Start a stem separation job (StemFlow)

     Splits a song into stems on a GPU worker. `separationMode` `all_stems` (default) → vocals, bass,
    drums, other; `vocals_instrumental` → vocals, instrumental. Submitting reserves 75 credits, captured
    only on success and refunded automatically on failure; 402 if the balance is insufficient. Takes
    minutes including GPU cold start. Poll `/separatestatus/{id}` and fetch with `/retrievestems`, or
    pass `webhookURL` for pending/started/completed/failed notifications.

    Args:
        body (SeparationRequest): Body of `POST /separate`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeparationTaskCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
