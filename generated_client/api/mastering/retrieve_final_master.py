from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.final_master_retrieved import FinalMasterRetrieved
from ...models.mastering_preview_pending import MasteringPreviewPending
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
        "url": "/retrievefinalmaster",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ErrorResponse
    | FinalMasterRetrieved
    | MasteringTaskFailed
    | MasteringPreviewPending
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> FinalMasterRetrieved | MasteringTaskFailed:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = FinalMasterRetrieved.from_dict(data)

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
) -> Response[
    ErrorResponse | FinalMasterRetrieved | MasteringTaskFailed | MasteringPreviewPending
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
    ErrorResponse | FinalMasterRetrieved | MasteringTaskFailed | MasteringPreviewPending
]:
    """Render and retrieve the full-length master

     Renders (if needed) and returns the full-length master, a WAV at the requested sample rate. Called
    once; may take up to the ~300 s gateway deadline. Charged: 220 credits per the price list; 402 when
    credits are short. Whether a repeat call charges again is undocumented.

    `finalMasterTaskResults` is an object `{download_url_mastered}` or a plain URL string; both are
    allowed (`oneOf`). The object form is what roex-python needs (it calls `.get` on it) and what the
    mock returns. roex-python also accepts `download_url_mastered` at top level.

    202 `{"status": 202}` while the preview is still processing. 200 `MasteringTaskFailed` for a failed
    task; 404 for an unknown task id or one of another API key.

    Args:
        body (MasteringTaskRequest): Body of `/retrievepreviewmaster` and `/retrievefinalmaster`:
            the `masteringData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FinalMasterRetrieved | MasteringTaskFailed | MasteringPreviewPending]
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
    | FinalMasterRetrieved
    | MasteringTaskFailed
    | MasteringPreviewPending
    | None
):
    """Render and retrieve the full-length master

     Renders (if needed) and returns the full-length master, a WAV at the requested sample rate. Called
    once; may take up to the ~300 s gateway deadline. Charged: 220 credits per the price list; 402 when
    credits are short. Whether a repeat call charges again is undocumented.

    `finalMasterTaskResults` is an object `{download_url_mastered}` or a plain URL string; both are
    allowed (`oneOf`). The object form is what roex-python needs (it calls `.get` on it) and what the
    mock returns. roex-python also accepts `download_url_mastered` at top level.

    202 `{"status": 202}` while the preview is still processing. 200 `MasteringTaskFailed` for a failed
    task; 404 for an unknown task id or one of another API key.

    Args:
        body (MasteringTaskRequest): Body of `/retrievepreviewmaster` and `/retrievefinalmaster`:
            the `masteringData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FinalMasterRetrieved | MasteringTaskFailed | MasteringPreviewPending
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
    ErrorResponse | FinalMasterRetrieved | MasteringTaskFailed | MasteringPreviewPending
]:
    """Render and retrieve the full-length master

     Renders (if needed) and returns the full-length master, a WAV at the requested sample rate. Called
    once; may take up to the ~300 s gateway deadline. Charged: 220 credits per the price list; 402 when
    credits are short. Whether a repeat call charges again is undocumented.

    `finalMasterTaskResults` is an object `{download_url_mastered}` or a plain URL string; both are
    allowed (`oneOf`). The object form is what roex-python needs (it calls `.get` on it) and what the
    mock returns. roex-python also accepts `download_url_mastered` at top level.

    202 `{"status": 202}` while the preview is still processing. 200 `MasteringTaskFailed` for a failed
    task; 404 for an unknown task id or one of another API key.

    Args:
        body (MasteringTaskRequest): Body of `/retrievepreviewmaster` and `/retrievefinalmaster`:
            the `masteringData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FinalMasterRetrieved | MasteringTaskFailed | MasteringPreviewPending]
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
    | FinalMasterRetrieved
    | MasteringTaskFailed
    | MasteringPreviewPending
    | None
):
    """Render and retrieve the full-length master

     Renders (if needed) and returns the full-length master, a WAV at the requested sample rate. Called
    once; may take up to the ~300 s gateway deadline. Charged: 220 credits per the price list; 402 when
    credits are short. Whether a repeat call charges again is undocumented.

    `finalMasterTaskResults` is an object `{download_url_mastered}` or a plain URL string; both are
    allowed (`oneOf`). The object form is what roex-python needs (it calls `.get` on it) and what the
    mock returns. roex-python also accepts `download_url_mastered` at top level.

    202 `{"status": 202}` while the preview is still processing. 200 `MasteringTaskFailed` for a failed
    task; 404 for an unknown task id or one of another API key.

    Args:
        body (MasteringTaskRequest): Body of `/retrievepreviewmaster` and `/retrievefinalmaster`:
            the `masteringData` wrapper.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FinalMasterRetrieved | MasteringTaskFailed | MasteringPreviewPending
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
