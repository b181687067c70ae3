from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.mix_preview_request import MixPreviewRequest
from ...models.mix_preview_task_created import MixPreviewTaskCreated
from ...types import Response


def _get_kwargs(
    *,
    body: MixPreviewRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/mixpreview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MixPreviewTaskCreated | None:
    if response.status_code == 200:
        response_200 = MixPreviewTaskCreated.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

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
) -> Response[ErrorResponse | MixPreviewTaskCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MixPreviewRequest,
) -> Response[ErrorResponse | MixPreviewTaskCreated]:
    """Start a multitrack mix (preview)

     Starts an AI multitrack mix of 2–32 tracks (each ≤ 8 min, WAV/FLAC) and returns a task id at once.
    Free. Poll `/retrievepreviewmix` (or wait for the `mixTaskUpdate` webhook), then render with
    `/retrievefinalmix`.

    `webhookURL` is optional; without a webhook, omit the key: never send `""` (500) or `null` (400).

    `reverbPreference` is optional (roex-python default `NONE`); `isStem`, a legacy field of
    `/multitrackmix`, is accepted and ignored. `sampleRate` may be a string or an integer.

    Args:
        body (MixPreviewRequest): Body of `POST /mixpreview`: the `multitrackData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MixPreviewTaskCreated]
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
    body: MixPreviewRequest,
) -> ErrorResponse | MixPreviewTaskCreated | None:
    """Start a multitrack mix (preview)

     Starts an AI multitrack mix of 2–32 tracks (each ≤ 8 min, WAV/FLAC) and returns a task id at once.
    Free. Poll `/retrievepreviewmix` (or wait for the `mixTaskUpdate` webhook), then render with
    `/retrievefinalmix`.

    `webhookURL` is optional; without a webhook, omit the key: never send `""` (500) or `null` (400).

    `reverbPreference` is optional (roex-python default `NONE`); `isStem`, a legacy field of
    `/multitrackmix`, is accepted and ignored. `sampleRate` may be a string or an integer.

    Args:
        body (MixPreviewRequest): Body of `POST /mixpreview`: the `multitrackData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MixPreviewTaskCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MixPreviewRequest,
) -> Response[ErrorResponse | MixPreviewTaskCreated]:
    """Start a multitrack mix (preview)

     Starts an AI multitrack mix of 2–32 tracks (each ≤ 8 min, WAV/FLAC) and returns a task id at once.
    Free. Poll `/retrievepreviewmix` (or wait for the `mixTaskUpdate` webhook), then render with
    `/retrievefinalmix`.

    `webhookURL` is optional; without a webhook, omit the key: never send `""` (500) or `null` (400).

    `reverbPreference` is optional (roex-python default `NONE`); `isStem`, a legacy field of
    `/multitrackmix`, is accepted and ignored. `sampleRate` may be a string or an integer.

    Args:
        body (MixPreviewRequest): Body of `POST /mixpreview`: the `multitrackData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MixPreviewTaskCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MixPreviewRequest,
) -> ErrorResponse | MixPreviewTaskCreated | None:
    """Start a multitrack mix (preview)

     Starts an AI multitrack mix of 2–32 tracks (each ≤ 8 min, WAV/FLAC) and returns a task id at once.
    Free. Poll `/retrievepreviewmix` (or wait for the `mixTaskUpdate` webhook), then render with
    `/retrievefinalmix`.

    `webhookURL` is optional; without a webhook, omit the key: never send `""` (500) or `null` (400).

    `reverbPreference` is optional (roex-python default `NONE`); `isStem`, a legacy field of
    `/multitrackmix`, is accepted and ignored. `sampleRate` may be a string or an integer.

    Args:
        body (MixPreviewRequest): Body of `POST /mixpreview`: the `multitrackData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MixPreviewTaskCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
