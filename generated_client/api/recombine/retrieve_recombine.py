from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.recombine_failed import RecombineFailed
from ...models.recombine_not_complete import RecombineNotComplete
from ...models.recombine_retrieved import RecombineRetrieved
from ...models.recombine_task_request import RecombineTaskRequest
from ...types import Response


def _get_kwargs(
    *,
    body: RecombineTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/retrieverecombine",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> RecombineFailed | RecombineRetrieved:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = RecombineRetrieved.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = RecombineFailed.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = RecombineNotComplete.from_dict(response.json())

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
    ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete
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
    body: RecombineTaskRequest,
) -> Response[
    ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete
]:
    """Retrieve the final master of a recombine job

     Returns the final master (stereo 44.1 kHz 16-bit WAV, valid ~24 h) with its measurements and the
    applied parameters. Charges 250 credits the first time it succeeds for a task; repeats return the
    same result free. 402 if credits are insufficient. Not complete → `{"error": true, "message": ...}`
    with HTTP 202; a failed job → 200 with the error envelope and `status: failed`. 404 for an unknown
    task id or one of another API key.

    Args:
        body (RecombineTaskRequest): Body of `POST /retrieverecombinepreview` and `POST
            /retrieverecombine`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete]
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
    body: RecombineTaskRequest,
) -> ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete | None:
    """Retrieve the final master of a recombine job

     Returns the final master (stereo 44.1 kHz 16-bit WAV, valid ~24 h) with its measurements and the
    applied parameters. Charges 250 credits the first time it succeeds for a task; repeats return the
    same result free. 402 if credits are insufficient. Not complete → `{"error": true, "message": ...}`
    with HTTP 202; a failed job → 200 with the error envelope and `status: failed`. 404 for an unknown
    task id or one of another API key.

    Args:
        body (RecombineTaskRequest): Body of `POST /retrieverecombinepreview` and `POST
            /retrieverecombine`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RecombineTaskRequest,
) -> Response[
    ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete
]:
    """Retrieve the final master of a recombine job

     Returns the final master (stereo 44.1 kHz 16-bit WAV, valid ~24 h) with its measurements and the
    applied parameters. Charges 250 credits the first time it succeeds for a task; repeats return the
    same result free. 402 if credits are insufficient. Not complete → `{"error": true, "message": ...}`
    with HTTP 202; a failed job → 200 with the error envelope and `status: failed`. 404 for an unknown
    task id or one of another API key.

    Args:
        body (RecombineTaskRequest): Body of `POST /retrieverecombinepreview` and `POST
            /retrieverecombine`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RecombineTaskRequest,
) -> ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete | None:
    """Retrieve the final master of a recombine job

     Returns the final master (stereo 44.1 kHz 16-bit WAV, valid ~24 h) with its measurements and the
    applied parameters. Charges 250 credits the first time it succeeds for a task; repeats return the
    same result free. 402 if credits are insufficient. Not complete → `{"error": true, "message": ...}`
    with HTTP 202; a failed job → 200 with the error envelope and `status: failed`. 404 for an unknown
    task id or one of another API key.

    Args:
        body (RecombineTaskRequest): Body of `POST /retrieverecombinepreview` and `POST
            /retrieverecombine`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RecombineFailed | RecombineRetrieved | RecombineNotComplete
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
