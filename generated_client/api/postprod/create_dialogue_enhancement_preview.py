from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dialogue_enhancement_request import DialogueEnhancementRequest
from ...models.error_response import ErrorResponse
from ...models.post_prod_task_created import PostProdTaskCreated
from ...types import Response


def _get_kwargs(
    *,
    body: DialogueEnhancementRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/postprod/dialogue-enhancement/preview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PostProdTaskCreated | None:
    if response.status_code == 200:
        response_200 = PostProdTaskCreated.from_dict(response.json())

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
) -> Response[ErrorResponse | PostProdTaskCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DialogueEnhancementRequest,
) -> Response[ErrorResponse | PostProdTaskCreated]:
    """Start a dialogue-enhancement preview task

     Post-production dialogue enhancement. Uses the same API key as every other call (the post-production
    docs show the `X-API-Key` header). Returns `postprodTaskId` (camelCase); poll `/postprod/dialogue-
    enhancement/retrievepreview` or pass `webhookURL`. `sampleRate` may be the integer 48000 (both forms
    accepted, see SampleRate). The 200 body may also carry `error`/`message`. Free.

    Args:
        body (DialogueEnhancementRequest): Body of `POST /postprod/dialogue-enhancement/preview`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PostProdTaskCreated]
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
    body: DialogueEnhancementRequest,
) -> ErrorResponse | PostProdTaskCreated | None:
    """Start a dialogue-enhancement preview task

     Post-production dialogue enhancement. Uses the same API key as every other call (the post-production
    docs show the `X-API-Key` header). Returns `postprodTaskId` (camelCase); poll `/postprod/dialogue-
    enhancement/retrievepreview` or pass `webhookURL`. `sampleRate` may be the integer 48000 (both forms
    accepted, see SampleRate). The 200 body may also carry `error`/`message`. Free.

    Args:
        body (DialogueEnhancementRequest): Body of `POST /postprod/dialogue-enhancement/preview`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PostProdTaskCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DialogueEnhancementRequest,
) -> Response[ErrorResponse | PostProdTaskCreated]:
    """Start a dialogue-enhancement preview task

     Post-production dialogue enhancement. Uses the same API key as every other call (the post-production
    docs show the `X-API-Key` header). Returns `postprodTaskId` (camelCase); poll `/postprod/dialogue-
    enhancement/retrievepreview` or pass `webhookURL`. `sampleRate` may be the integer 48000 (both forms
    accepted, see SampleRate). The 200 body may also carry `error`/`message`. Free.

    Args:
        body (DialogueEnhancementRequest): Body of `POST /postprod/dialogue-enhancement/preview`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PostProdTaskCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DialogueEnhancementRequest,
) -> ErrorResponse | PostProdTaskCreated | None:
    """Start a dialogue-enhancement preview task

     Post-production dialogue enhancement. Uses the same API key as every other call (the post-production
    docs show the `X-API-Key` header). Returns `postprodTaskId` (camelCase); poll `/postprod/dialogue-
    enhancement/retrievepreview` or pass `webhookURL`. `sampleRate` may be the integer 48000 (both forms
    accepted, see SampleRate). The 200 body may also carry `error`/`message`. Free.

    Args:
        body (DialogueEnhancementRequest): Body of `POST /postprod/dialogue-enhancement/preview`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PostProdTaskCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
