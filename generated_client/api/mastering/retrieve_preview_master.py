from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.mastering_preview_pending import MasteringPreviewPending
from ...models.mastering_preview_retrieved import MasteringPreviewRetrieved
from ...models.mastering_task_failed import MasteringTaskFailed
from ...models.mastering_task_request import MasteringTaskRequest
from ...types import Response


def _get_kwargs(
    *,
    body: MasteringTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/retrievepreviewmaster",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ErrorResponse
    | MasteringPreviewPending
    | MasteringPreviewRetrieved
    | MasteringTaskFailed
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> MasteringPreviewRetrieved | MasteringTaskFailed:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = MasteringPreviewRetrieved.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = MasteringTaskFailed.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = MasteringPreviewPending.from_dict(response.json())

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
    ErrorResponse
    | MasteringPreviewPending
    | MasteringPreviewRetrieved
    | MasteringTaskFailed
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
    body: MasteringTaskRequest,
) -> Response[
    ErrorResponse
    | MasteringPreviewPending
    | MasteringPreviewRetrieved
    | MasteringTaskFailed
]:
    """Poll / retrieve the mastering preview

     Answers HTTP 202 with `{"status": 202}` while the mastering task runs and HTTP 200 with
    `previewMasterTaskResults` when the 30-s preview is ready. Free.

    The 202 body must not contain `previewMasterTaskResults`: roex-python returns as soon as that key is
    present. `preview_start_time` may be `-1` (not applicable). A `status` inside the results
    (`MASTERING_TASK_PREVIEW_COMPLETED`) is optional.

    A task that ended in `MASTERING_TASK_FAILED` answers 200 with the error envelope plus the state
    (`MasteringTaskFailed`). 404 for an unknown task id or one of another API key.

    Args:
        body (MasteringTaskRequest): Body of `/retrievepreviewmaster` and `/retrievefinalmaster`:
            the `masteringData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MasteringPreviewPending | MasteringPreviewRetrieved | MasteringTaskFailed]
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
    body: MasteringTaskRequest,
) -> (
    ErrorResponse
    | MasteringPreviewPending
    | MasteringPreviewRetrieved
    | MasteringTaskFailed
    | None
):
    """Poll / retrieve the mastering preview

     Answers HTTP 202 with `{"status": 202}` while the mastering task runs and HTTP 200 with
    `previewMasterTaskResults` when the 30-s preview is ready. Free.

    The 202 body must not contain `previewMasterTaskResults`: roex-python returns as soon as that key is
    present. `preview_start_time` may be `-1` (not applicable). A `status` inside the results
    (`MASTERING_TASK_PREVIEW_COMPLETED`) is optional.

    A task that ended in `MASTERING_TASK_FAILED` answers 200 with the error envelope plus the state
    (`MasteringTaskFailed`). 404 for an unknown task id or one of another API key.

    Args:
        body (MasteringTaskRequest): Body of `/retrievepreviewmaster` and `/retrievefinalmaster`:
            the `masteringData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MasteringPreviewPending | MasteringPreviewRetrieved | MasteringTaskFailed
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MasteringTaskRequest,
) -> Response[
    ErrorResponse
    | MasteringPreviewPending
    | MasteringPreviewRetrieved
    | MasteringTaskFailed
]:
    """Poll / retrieve the mastering preview

     Answers HTTP 202 with `{"status": 202}` while the mastering task runs and HTTP 200 with
    `previewMasterTaskResults` when the 30-s preview is ready. Free.

    The 202 body must not contain `previewMasterTaskResults`: roex-python returns as soon as that key is
    present. `preview_start_time` may be `-1` (not applicable). A `status` inside the results
    (`MASTERING_TASK_PREVIEW_COMPLETED`) is optional.

    A task that ended in `MASTERING_TASK_FAILED` answers 200 with the error envelope plus the state
    (`MasteringTaskFailed`). 404 for an unknown task id or one of another API key.

    Args:
        body (MasteringTaskRequest): Body of `/retrievepreviewmaster` and `/retrievefinalmaster`:
            the `masteringData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MasteringPreviewPending | MasteringPreviewRetrieved | MasteringTaskFailed]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MasteringTaskRequest,
) -> (
    ErrorResponse
    | MasteringPreviewPending
    | MasteringPreviewRetrieved
    | MasteringTaskFailed
    | None
):
    """Poll / retrieve the mastering preview

     Answers HTTP 202 with `{"status": 202}` while the mastering task runs and HTTP 200 with
    `previewMasterTaskResults` when the 30-s preview is ready. Free.

    The 202 body must not contain `previewMasterTaskResults`: roex-python returns as soon as that key is
    present. `preview_start_time` may be `-1` (not applicable). A `status` inside the results
    (`MASTERING_TASK_PREVIEW_COMPLETED`) is optional.

    A task that ended in `MASTERING_TASK_FAILED` answers 200 with the error envelope plus the state
    (`MasteringTaskFailed`). 404 for an unknown task id or one of another API key.

    Args:
        body (MasteringTaskRequest): Body of `/retrievepreviewmaster` and `/retrievefinalmaster`:
            the `masteringData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MasteringPreviewPending | MasteringPreviewRetrieved | MasteringTaskFailed
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
