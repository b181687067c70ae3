from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dialogue_enhancement_retrieved import DialogueEnhancementRetrieved
from ...models.error_response import ErrorResponse
from ...models.post_prod_pending import PostProdPending
from ...models.post_prod_task_failed import PostProdTaskFailed
from ...models.post_prod_task_request import PostProdTaskRequest
from ...types import Response


def _get_kwargs(
    *,
    body: PostProdTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/postprod/dialogue-enhancement/retrievepreview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    DialogueEnhancementRetrieved
    | PostProdTaskFailed
    | ErrorResponse
    | PostProdPending
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> DialogueEnhancementRetrieved | PostProdTaskFailed:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = DialogueEnhancementRetrieved.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = PostProdTaskFailed.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = PostProdPending.from_dict(response.json())

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
    DialogueEnhancementRetrieved | PostProdTaskFailed | ErrorResponse | PostProdPending
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
    body: PostProdTaskRequest,
) -> Response[
    DialogueEnhancementRetrieved | PostProdTaskFailed | ErrorResponse | PostProdPending
]:
    """Poll / retrieve a dialogue-enhancement preview

     Answers 202 while processing and 200 when the preview is ready. The 202 body is `PostProdPending`;
    the 200 body is `DialogueEnhancementRetrieved` with `previewResults.download_url_preview` (MP3) and
    `preview_start_time`, or `PostProdTaskFailed`. States: `POSTPROD_TASK_PENDING`,
    `POSTPROD_TASK_PROCESSING`, `POSTPROD_TASK_PREVIEW_COMPLETED`, `POSTPROD_TASK_FAILED`. 404 for an
    unknown task id or one of another API key.

    Args:
        body (PostProdTaskRequest): Body of `POST /postprod/dialogue-enhancement/retrievepreview`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DialogueEnhancementRetrieved | PostProdTaskFailed | ErrorResponse | PostProdPending]
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
    body: PostProdTaskRequest,
) -> (
    DialogueEnhancementRetrieved
    | PostProdTaskFailed
    | ErrorResponse
    | PostProdPending
    | None
):
    """Poll / retrieve a dialogue-enhancement preview

     Answers 202 while processing and 200 when the preview is ready. The 202 body is `PostProdPending`;
    the 200 body is `DialogueEnhancementRetrieved` with `previewResults.download_url_preview` (MP3) and
    `preview_start_time`, or `PostProdTaskFailed`. States: `POSTPROD_TASK_PENDING`,
    `POSTPROD_TASK_PROCESSING`, `POSTPROD_TASK_PREVIEW_COMPLETED`, `POSTPROD_TASK_FAILED`. 404 for an
    unknown task id or one of another API key.

    Args:
        body (PostProdTaskRequest): Body of `POST /postprod/dialogue-enhancement/retrievepreview`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DialogueEnhancementRetrieved | PostProdTaskFailed | ErrorResponse | PostProdPending
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PostProdTaskRequest,
) -> Response[
    DialogueEnhancementRetrieved | PostProdTaskFailed | ErrorResponse | PostProdPending
]:
    """Poll / retrieve a dialogue-enhancement preview

     Answers 202 while processing and 200 when the preview is ready. The 202 body is `PostProdPending`;
    the 200 body is `DialogueEnhancementRetrieved` with `previewResults.download_url_preview` (MP3) and
    `preview_start_time`, or `PostProdTaskFailed`. States: `POSTPROD_TASK_PENDING`,
    `POSTPROD_TASK_PROCESSING`, `POSTPROD_TASK_PREVIEW_COMPLETED`, `POSTPROD_TASK_FAILED`. 404 for an
    unknown task id or one of another API key.

    Args:
        body (PostProdTaskRequest): Body of `POST /postprod/dialogue-enhancement/retrievepreview`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DialogueEnhancementRetrieved | PostProdTaskFailed | ErrorResponse | PostProdPending]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PostProdTaskRequest,
) -> (
    DialogueEnhancementRetrieved
    | PostProdTaskFailed
    | ErrorResponse
    | PostProdPending
    | None
):
    """Poll / retrieve a dialogue-enhancement preview

     Answers 202 while processing and 200 when the preview is ready. The 202 body is `PostProdPending`;
    the 200 body is `DialogueEnhancementRetrieved` with `previewResults.download_url_preview` (MP3) and
    `preview_start_time`, or `PostProdTaskFailed`. States: `POSTPROD_TASK_PENDING`,
    `POSTPROD_TASK_PROCESSING`, `POSTPROD_TASK_PREVIEW_COMPLETED`, `POSTPROD_TASK_FAILED`. 404 for an
    unknown task id or one of another API key.

    Args:
        body (PostProdTaskRequest): Body of `POST /postprod/dialogue-enhancement/retrievepreview`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DialogueEnhancementRetrieved | PostProdTaskFailed | ErrorResponse | PostProdPending
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
