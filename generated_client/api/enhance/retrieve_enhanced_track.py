from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enhanced_track_pending import EnhancedTrackPending
from ...models.enhanced_track_retrieved import EnhancedTrackRetrieved
from ...models.error_response import ErrorResponse
from ...models.mix_enhance_task_failed import MixEnhanceTaskFailed
from ...models.retrieve_enhanced_track_request import RetrieveEnhancedTrackRequest
from ...types import Response


def _get_kwargs(
    *,
    body: RetrieveEnhancedTrackRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/retrieveenhancedtrack",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    EnhancedTrackPending
    | EnhancedTrackRetrieved
    | MixEnhanceTaskFailed
    | ErrorResponse
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> EnhancedTrackRetrieved | MixEnhanceTaskFailed:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = EnhancedTrackRetrieved.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = MixEnhanceTaskFailed.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = EnhancedTrackPending.from_dict(response.json())

        return response_202

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
) -> Response[
    EnhancedTrackPending | EnhancedTrackRetrieved | MixEnhanceTaskFailed | ErrorResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RetrieveEnhancedTrackRequest,
) -> Response[
    EnhancedTrackPending | EnhancedTrackRetrieved | MixEnhanceTaskFailed | ErrorResponse
]:
    """Poll / retrieve an enhanced track (preview or full)

     Serves both preview and full enhance task ids. 202 while running: `revivedTrackTaskResults` is
    present with every URL null and `status` holding the current MIXREVIVE_* state. 200 when done: the
    preview MP3 URL, plus the full WAV (`download_url_revived`) and `stems` for full tasks. A task that
    ended in `MIXREVIVE_TASK_FAILED` answers 200 with the error envelope and `status`; roex-python keeps
    polling on `error: true` until its timeout. 404 for an unknown task id or one of another API key
    (RoEx examples also treat 404/503 as "not ready yet"). Free.

    Args:
        body (RetrieveEnhancedTrackRequest): Body of `POST /retrieveenhancedtrack`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnhancedTrackPending | EnhancedTrackRetrieved | MixEnhanceTaskFailed | ErrorResponse]
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
    body: RetrieveEnhancedTrackRequest,
) -> (
    EnhancedTrackPending
    | EnhancedTrackRetrieved
    | MixEnhanceTaskFailed
    | ErrorResponse
    | None
):
    """Poll / retrieve an enhanced track (preview or full)

     Serves both preview and full enhance task ids. 202 while running: `revivedTrackTaskResults` is
    present with every URL null and `status` holding the current MIXREVIVE_* state. 200 when done: the
    preview MP3 URL, plus the full WAV (`download_url_revived`) and `stems` for full tasks. A task that
    ended in `MIXREVIVE_TASK_FAILED` answers 200 with the error envelope and `status`; roex-python keeps
    polling on `error: true` until its timeout. 404 for an unknown task id or one of another API key
    (RoEx examples also treat 404/503 as "not ready yet"). Free.

    Args:
        body (RetrieveEnhancedTrackRequest): Body of `POST /retrieveenhancedtrack`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnhancedTrackPending | EnhancedTrackRetrieved | MixEnhanceTaskFailed | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RetrieveEnhancedTrackRequest,
) -> Response[
    EnhancedTrackPending | EnhancedTrackRetrieved | MixEnhanceTaskFailed | ErrorResponse
]:
    """Poll / retrieve an enhanced track (preview or full)

     Serves both preview and full enhance task ids. 202 while running: `revivedTrackTaskResults` is
    present with every URL null and `status` holding the current MIXREVIVE_* state. 200 when done: the
    preview MP3 URL, plus the full WAV (`download_url_revived`) and `stems` for full tasks. A task that
    ended in `MIXREVIVE_TASK_FAILED` answers 200 with the error envelope and `status`; roex-python keeps
    polling on `error: true` until its timeout. 404 for an unknown task id or one of another API key
    (RoEx examples also treat 404/503 as "not ready yet"). Free.

    Args:
        body (RetrieveEnhancedTrackRequest): Body of `POST /retrieveenhancedtrack`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnhancedTrackPending | EnhancedTrackRetrieved | MixEnhanceTaskFailed | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RetrieveEnhancedTrackRequest,
) -> (
    EnhancedTrackPending
    | EnhancedTrackRetrieved
    | MixEnhanceTaskFailed
    | ErrorResponse
    | None
):
    """Poll / retrieve an enhanced track (preview or full)

     Serves both preview and full enhance task ids. 202 while running: `revivedTrackTaskResults` is
    present with every URL null and `status` holding the current MIXREVIVE_* state. 200 when done: the
    preview MP3 URL, plus the full WAV (`download_url_revived`) and `stems` for full tasks. A task that
    ended in `MIXREVIVE_TASK_FAILED` answers 200 with the error envelope and `status`; roex-python keeps
    polling on `error: true` until its timeout. 404 for an unknown task id or one of another API key
    (RoEx examples also treat 404/503 as "not ready yet"). Free.

    Args:
        body (RetrieveEnhancedTrackRequest): Body of `POST /retrieveenhancedtrack`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnhancedTrackPending | EnhancedTrackRetrieved | MixEnhanceTaskFailed | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
