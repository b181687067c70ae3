from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.mastering_preview_request import MasteringPreviewRequest
from ...models.mastering_task_created import MasteringTaskCreated
from ...types import Response


def _get_kwargs(
    *,
    body: MasteringPreviewRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/masteringpreview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MasteringTaskCreated | None:
    if response.status_code == 200:
        response_200 = MasteringTaskCreated.from_dict(response.json())

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
) -> Response[ErrorResponse | MasteringTaskCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MasteringPreviewRequest,
) -> Response[ErrorResponse | MasteringTaskCreated]:
    """Start a mastering task (30-s preview)

     Starts AI mastering of exactly one track (WAV/FLAC/MP3, ≤ 10 min) and returns a task id at once.
    Free. Poll `/retrievepreviewmaster` (or wait for the `masteringTaskUpdate` webhook), then call
    `/retrievefinalmaster` for the full-length master.

    `forcedLoudness` / `forcedLoudnessInLUFS` set an explicit LUFS target (−30..−4) instead of the
    preset. `previewStartTime` (≥ 0, clamped past the end) picks the preview window.

    The answer carries the snake_case `mastering_task_id`.

    402: the preview is free, but a 'credits exhausted' answer is possible. 429 may be answered when a
    `webhookURL` is given.

    Args:
        body (MasteringPreviewRequest): Body of `POST /masteringpreview`: the `masteringData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MasteringTaskCreated]
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
    body: MasteringPreviewRequest,
) -> ErrorResponse | MasteringTaskCreated | None:
    """Start a mastering task (30-s preview)

     Starts AI mastering of exactly one track (WAV/FLAC/MP3, ≤ 10 min) and returns a task id at once.
    Free. Poll `/retrievepreviewmaster` (or wait for the `masteringTaskUpdate` webhook), then call
    `/retrievefinalmaster` for the full-length master.

    `forcedLoudness` / `forcedLoudnessInLUFS` set an explicit LUFS target (−30..−4) instead of the
    preset. `previewStartTime` (≥ 0, clamped past the end) picks the preview window.

    The answer carries the snake_case `mastering_task_id`.

    402: the preview is free, but a 'credits exhausted' answer is possible. 429 may be answered when a
    `webhookURL` is given.

    Args:
        body (MasteringPreviewRequest): Body of `POST /masteringpreview`: the `masteringData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MasteringTaskCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MasteringPreviewRequest,
) -> Response[ErrorResponse | MasteringTaskCreated]:
    """Start a mastering task (30-s preview)

     Starts AI mastering of exactly one track (WAV/FLAC/MP3, ≤ 10 min) and returns a task id at once.
    Free. Poll `/retrievepreviewmaster` (or wait for the `masteringTaskUpdate` webhook), then call
    `/retrievefinalmaster` for the full-length master.

    `forcedLoudness` / `forcedLoudnessInLUFS` set an explicit LUFS target (−30..−4) instead of the
    preset. `previewStartTime` (≥ 0, clamped past the end) picks the preview window.

    The answer carries the snake_case `mastering_task_id`.

    402: the preview is free, but a 'credits exhausted' answer is possible. 429 may be answered when a
    `webhookURL` is given.

    Args:
        body (MasteringPreviewRequest): Body of `POST /masteringpreview`: the `masteringData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MasteringTaskCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MasteringPreviewRequest,
) -> ErrorResponse | MasteringTaskCreated | None:
    """Start a mastering task (30-s preview)

     Starts AI mastering of exactly one track (WAV/FLAC/MP3, ≤ 10 min) and returns a task id at once.
    Free. Poll `/retrievepreviewmaster` (or wait for the `masteringTaskUpdate` webhook), then call
    `/retrievefinalmaster` for the full-length master.

    `forcedLoudness` / `forcedLoudnessInLUFS` set an explicit LUFS target (−30..−4) instead of the
    preset. `previewStartTime` (≥ 0, clamped past the end) picks the preview window.

    The answer carries the snake_case `mastering_task_id`.

    402: the preview is free, but a 'credits exhausted' answer is possible. 429 may be answered when a
    `webhookURL` is given.

    Args:
        body (MasteringPreviewRequest): Body of `POST /masteringpreview`: the `masteringData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MasteringTaskCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
