from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.mix_enhance_request import MixEnhanceRequest
from ...models.mix_enhance_task_created import MixEnhanceTaskCreated
from ...types import Response


def _get_kwargs(
    *,
    body: MixEnhanceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/mixenhancepreview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MixEnhanceTaskCreated | None:
    if response.status_code == 200:
        response_200 = MixEnhanceTaskCreated.from_dict(response.json())

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
) -> Response[ErrorResponse | MixEnhanceTaskCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MixEnhanceRequest,
) -> Response[ErrorResponse | MixEnhanceTaskCreated]:
    """Start a mix-enhance preview task

     Starts a "Mix Enhance" (internally "mix revive") task that produces a 30-s MP3 preview of the
    enhanced stereo mix. Returns at once with `mixrevive_task_id`; poll `/retrieveenhancedtrack` or pass
    `webhookURL` (MIXREVIVE_* state deliveries). Free. Required fields follow what roex-python 1.6.0
    always sends, except `loudnessPreference` (server default `NO_CHANGE`) and `getProcessedStems`,
    which stay optional. `fixDRCIssues` is not supported by the server: it is accepted and ignored.

    Args:
        body (MixEnhanceRequest): Body of `POST /mixenhancepreview` and `POST /mixenhance`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MixEnhanceTaskCreated]
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
    body: MixEnhanceRequest,
) -> ErrorResponse | MixEnhanceTaskCreated | None:
    """Start a mix-enhance preview task

     Starts a "Mix Enhance" (internally "mix revive") task that produces a 30-s MP3 preview of the
    enhanced stereo mix. Returns at once with `mixrevive_task_id`; poll `/retrieveenhancedtrack` or pass
    `webhookURL` (MIXREVIVE_* state deliveries). Free. Required fields follow what roex-python 1.6.0
    always sends, except `loudnessPreference` (server default `NO_CHANGE`) and `getProcessedStems`,
    which stay optional. `fixDRCIssues` is not supported by the server: it is accepted and ignored.

    Args:
        body (MixEnhanceRequest): Body of `POST /mixenhancepreview` and `POST /mixenhance`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MixEnhanceTaskCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MixEnhanceRequest,
) -> Response[ErrorResponse | MixEnhanceTaskCreated]:
    """Start a mix-enhance preview task

     Starts a "Mix Enhance" (internally "mix revive") task that produces a 30-s MP3 preview of the
    enhanced stereo mix. Returns at once with `mixrevive_task_id`; poll `/retrieveenhancedtrack` or pass
    `webhookURL` (MIXREVIVE_* state deliveries). Free. Required fields follow what roex-python 1.6.0
    always sends, except `loudnessPreference` (server default `NO_CHANGE`) and `getProcessedStems`,
    which stay optional. `fixDRCIssues` is not supported by the server: it is accepted and ignored.

    Args:
        body (MixEnhanceRequest): Body of `POST /mixenhancepreview` and `POST /mixenhance`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MixEnhanceTaskCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MixEnhanceRequest,
) -> ErrorResponse | MixEnhanceTaskCreated | None:
    """Start a mix-enhance preview task

     Starts a "Mix Enhance" (internally "mix revive") task that produces a 30-s MP3 preview of the
    enhanced stereo mix. Returns at once with `mixrevive_task_id`; poll `/retrieveenhancedtrack` or pass
    `webhookURL` (MIXREVIVE_* state deliveries). Free. Required fields follow what roex-python 1.6.0
    always sends, except `loudnessPreference` (server default `NO_CHANGE`) and `getProcessedStems`,
    which stay optional. `fixDRCIssues` is not supported by the server: it is accepted and ignored.

    Args:
        body (MixEnhanceRequest): Body of `POST /mixenhancepreview` and `POST /mixenhance`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MixEnhanceTaskCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
