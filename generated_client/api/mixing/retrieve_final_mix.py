from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.final_mix_request import FinalMixRequest
from ...models.final_mix_retrieved import FinalMixRetrieved
from ...models.mix_preview_pending import MixPreviewPending
from ...models.mix_task_failed import MixTaskFailed
from ...types import Response


def _get_kwargs(
    *,
    body: FinalMixRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/retrievefinalmix",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> FinalMixRetrieved | MixTaskFailed:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = FinalMixRetrieved.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = MixTaskFailed.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = MixPreviewPending.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

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
) -> Response[ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FinalMixRequest,
) -> Response[ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending]:
    """Render the final mix

     Renders the full-length mix of a previewed task, applying per-track gain and optional panning,
    6-band EQ and compression overrides; optionally stems and a master. Called once: the result arrives
    in the same response. Charged (amount not published); 402 when credits are short.

    Note the snake_case nested keys (`panning_settings`, `eq_settings`, `compression_settings`,
    `centre_freq`, `attack_ms`, `release_ms`) inside the camelCase body.

    EQ band gain is limited to ±20 dB; `gainDb` to −60..+12.

    202 with `MixPreviewPending` when the preview is still processing. 200 `MixTaskFailed` for a failed
    task; 404 for an unknown task id or one of another API key.

    Args:
        body (FinalMixRequest): Body of `POST /retrievefinalmix`: the `applyAudioEffectsData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending]
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
    body: FinalMixRequest,
) -> ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending | None:
    """Render the final mix

     Renders the full-length mix of a previewed task, applying per-track gain and optional panning,
    6-band EQ and compression overrides; optionally stems and a master. Called once: the result arrives
    in the same response. Charged (amount not published); 402 when credits are short.

    Note the snake_case nested keys (`panning_settings`, `eq_settings`, `compression_settings`,
    `centre_freq`, `attack_ms`, `release_ms`) inside the camelCase body.

    EQ band gain is limited to ±20 dB; `gainDb` to −60..+12.

    202 with `MixPreviewPending` when the preview is still processing. 200 `MixTaskFailed` for a failed
    task; 404 for an unknown task id or one of another API key.

    Args:
        body (FinalMixRequest): Body of `POST /retrievefinalmix`: the `applyAudioEffectsData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FinalMixRequest,
) -> Response[ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending]:
    """Render the final mix

     Renders the full-length mix of a previewed task, applying per-track gain and optional panning,
    6-band EQ and compression overrides; optionally stems and a master. Called once: the result arrives
    in the same response. Charged (amount not published); 402 when credits are short.

    Note the snake_case nested keys (`panning_settings`, `eq_settings`, `compression_settings`,
    `centre_freq`, `attack_ms`, `release_ms`) inside the camelCase body.

    EQ band gain is limited to ±20 dB; `gainDb` to −60..+12.

    202 with `MixPreviewPending` when the preview is still processing. 200 `MixTaskFailed` for a failed
    task; 404 for an unknown task id or one of another API key.

    Args:
        body (FinalMixRequest): Body of `POST /retrievefinalmix`: the `applyAudioEffectsData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FinalMixRequest,
) -> ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending | None:
    """Render the final mix

     Renders the full-length mix of a previewed task, applying per-track gain and optional panning,
    6-band EQ and compression overrides; optionally stems and a master. Called once: the result arrives
    in the same response. Charged (amount not published); 402 when credits are short.

    Note the snake_case nested keys (`panning_settings`, `eq_settings`, `compression_settings`,
    `centre_freq`, `attack_ms`, `release_ms`) inside the camelCase body.

    EQ band gain is limited to ±20 dB; `gainDb` to −60..+12.

    202 with `MixPreviewPending` when the preview is still processing. 200 `MixTaskFailed` for a failed
    task; 404 for an unknown task id or one of another API key.

    Args:
        body (FinalMixRequest): Body of `POST /retrievefinalmix`: the `applyAudioEffectsData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FinalMixRetrieved | MixTaskFailed | MixPreviewPending
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
