from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.mix_preview_pending import MixPreviewPending
from ...models.mix_preview_retrieved import MixPreviewRetrieved
from ...models.mix_task_failed import MixTaskFailed
from ...models.retrieve_preview_mix_request import RetrievePreviewMixRequest
from ...types import Response


def _get_kwargs(
    *,
    body: RetrievePreviewMixRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/retrievepreviewmix",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> MixPreviewRetrieved | MixTaskFailed:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = MixPreviewRetrieved.from_dict(data)

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
) -> Response[ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RetrievePreviewMixRequest,
) -> Response[ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed]:
    """Poll / retrieve the preview mix

     Answers HTTP 202 with the current state while the mix task runs and HTTP 200 with
    `previewMixTaskResults` when the preview is ready. With `retrieveFXSettings: true` the per-track FX
    settings (`mix_output_settings`) are included; that retrieval consumes credits (amount not
    published) and may therefore answer 402.

    A completed answer carries `status: MIX_TASK_PREVIEW_COMPLETED` both at top level and inside
    `previewMixTaskResults` (roex-python checks both). A task that ended in `MIX_TASK_FAILED` answers
    200 with the error envelope plus the state (`MixTaskFailed`). 404 for an unknown task id or one
    created with another key.

    Args:
        body (RetrievePreviewMixRequest): Body of `POST /retrievepreviewmix`: the `multitrackData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed]
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
    body: RetrievePreviewMixRequest,
) -> ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed | None:
    """Poll / retrieve the preview mix

     Answers HTTP 202 with the current state while the mix task runs and HTTP 200 with
    `previewMixTaskResults` when the preview is ready. With `retrieveFXSettings: true` the per-track FX
    settings (`mix_output_settings`) are included; that retrieval consumes credits (amount not
    published) and may therefore answer 402.

    A completed answer carries `status: MIX_TASK_PREVIEW_COMPLETED` both at top level and inside
    `previewMixTaskResults` (roex-python checks both). A task that ended in `MIX_TASK_FAILED` answers
    200 with the error envelope plus the state (`MixTaskFailed`). 404 for an unknown task id or one
    created with another key.

    Args:
        body (RetrievePreviewMixRequest): Body of `POST /retrievepreviewmix`: the `multitrackData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RetrievePreviewMixRequest,
) -> Response[ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed]:
    """Poll / retrieve the preview mix

     Answers HTTP 202 with the current state while the mix task runs and HTTP 200 with
    `previewMixTaskResults` when the preview is ready. With `retrieveFXSettings: true` the per-track FX
    settings (`mix_output_settings`) are included; that retrieval consumes credits (amount not
    published) and may therefore answer 402.

    A completed answer carries `status: MIX_TASK_PREVIEW_COMPLETED` both at top level and inside
    `previewMixTaskResults` (roex-python checks both). A task that ended in `MIX_TASK_FAILED` answers
    200 with the error envelope plus the state (`MixTaskFailed`). 404 for an unknown task id or one
    created with another key.

    Args:
        body (RetrievePreviewMixRequest): Body of `POST /retrievepreviewmix`: the `multitrackData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RetrievePreviewMixRequest,
) -> ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed | None:
    """Poll / retrieve the preview mix

     Answers HTTP 202 with the current state while the mix task runs and HTTP 200 with
    `previewMixTaskResults` when the preview is ready. With `retrieveFXSettings: true` the per-track FX
    settings (`mix_output_settings`) are included; that retrieval consumes credits (amount not
    published) and may therefore answer 402.

    A completed answer carries `status: MIX_TASK_PREVIEW_COMPLETED` both at top level and inside
    `previewMixTaskResults` (roex-python checks both). A task that ended in `MIX_TASK_FAILED` answers
    200 with the error envelope plus the state (`MixTaskFailed`). 404 for an unknown task id or one
    created with another key.

    Args:
        body (RetrievePreviewMixRequest): Body of `POST /retrievepreviewmix`: the `multitrackData`
            wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MixPreviewPending | MixPreviewRetrieved | MixTaskFailed
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
