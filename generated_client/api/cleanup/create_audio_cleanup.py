from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audio_cleanup_request import AudioCleanupRequest
from ...models.audio_cleanup_response import AudioCleanupResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: AudioCleanupRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/audio-cleanup",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AudioCleanupResponse | ErrorResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AudioCleanupResponse | ErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = AudioCleanupResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ErrorResponse.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[AudioCleanupResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AudioCleanupRequest,
) -> Response[AudioCleanupResponse | ErrorResponse]:
    """Clean noise and bleed from one instrument track (synchronous)

     Removes noise and bleed from a single instrument track of the given `soundSource`. Synchronous from
    the caller's view: one call returns `audioCleanupResults`; it can take minutes, and an answer may
    arrive without results. Application errors arrive as HTTP 200 with `error: true` (e.g. "File format
    not supported" / "Please use WAV or FLAC"), hence the 200 `oneOf`. Charged (amount not published);
    402 when credits are insufficient. The path is hyphenated (`/audio-cleanup`). No webhook.

    Args:
        body (AudioCleanupRequest): Body of `POST /audio-cleanup`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AudioCleanupResponse | ErrorResponse | ErrorResponse]
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
    body: AudioCleanupRequest,
) -> AudioCleanupResponse | ErrorResponse | None:
    """Clean noise and bleed from one instrument track (synchronous)

     Removes noise and bleed from a single instrument track of the given `soundSource`. Synchronous from
    the caller's view: one call returns `audioCleanupResults`; it can take minutes, and an answer may
    arrive without results. Application errors arrive as HTTP 200 with `error: true` (e.g. "File format
    not supported" / "Please use WAV or FLAC"), hence the 200 `oneOf`. Charged (amount not published);
    402 when credits are insufficient. The path is hyphenated (`/audio-cleanup`). No webhook.

    Args:
        body (AudioCleanupRequest): Body of `POST /audio-cleanup`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AudioCleanupResponse | ErrorResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AudioCleanupRequest,
) -> Response[AudioCleanupResponse | ErrorResponse]:
    """Clean noise and bleed from one instrument track (synchronous)

     Removes noise and bleed from a single instrument track of the given `soundSource`. Synchronous from
    the caller's view: one call returns `audioCleanupResults`; it can take minutes, and an answer may
    arrive without results. Application errors arrive as HTTP 200 with `error: true` (e.g. "File format
    not supported" / "Please use WAV or FLAC"), hence the 200 `oneOf`. Charged (amount not published);
    402 when credits are insufficient. The path is hyphenated (`/audio-cleanup`). No webhook.

    Args:
        body (AudioCleanupRequest): Body of `POST /audio-cleanup`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AudioCleanupResponse | ErrorResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AudioCleanupRequest,
) -> AudioCleanupResponse | ErrorResponse | None:
    """Clean noise and bleed from one instrument track (synchronous)

     Removes noise and bleed from a single instrument track of the given `soundSource`. Synchronous from
    the caller's view: one call returns `audioCleanupResults`; it can take minutes, and an answer may
    arrive without results. Application errors arrive as HTTP 200 with `error: true` (e.g. "File format
    not supported" / "Please use WAV or FLAC"), hence the 200 `oneOf`. Charged (amount not published);
    402 when credits are insufficient. The path is hyphenated (`/audio-cleanup`). No webhook.

    Args:
        body (AudioCleanupRequest): Body of `POST /audio-cleanup`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AudioCleanupResponse | ErrorResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
