from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.separation_status import SeparationStatus
from ...types import Response


def _get_kwargs(
    stemflow_task_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/separatestatus/{stemflow_task_id}".format(
            stemflow_task_id=quote(str(stemflow_task_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SeparationStatus | None:
    if response.status_code == 200:
        response_200 = SeparationStatus.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | SeparationStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    stemflow_task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | SeparationStatus]:
    """Get the status of a stem separation job

     Returns `processing`, `complete` or `failed`. On `failed`, `error` is true and `info` carries the
    detail. 404 for an unknown task id or one created with another API key. Free.

    Args:
        stemflow_task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeparationStatus]
    """

    kwargs = _get_kwargs(
        stemflow_task_id=stemflow_task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    stemflow_task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | SeparationStatus | None:
    """Get the status of a stem separation job

     Returns `processing`, `complete` or `failed`. On `failed`, `error` is true and `info` carries the
    detail. 404 for an unknown task id or one created with another API key. Free.

    Args:
        stemflow_task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeparationStatus
    """

    return sync_detailed(
        stemflow_task_id=stemflow_task_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    stemflow_task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | SeparationStatus]:
    """Get the status of a stem separation job

     Returns `processing`, `complete` or `failed`. On `failed`, `error` is true and `info` carries the
    detail. 404 for an unknown task id or one created with another API key. Free.

    Args:
        stemflow_task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeparationStatus]
    """

    kwargs = _get_kwargs(
        stemflow_task_id=stemflow_task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    stemflow_task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | SeparationStatus | None:
    """Get the status of a stem separation job

     Returns `processing`, `complete` or `failed`. On `failed`, `error` is true and `info` carries the
    detail. 404 for an unknown task id or one created with another API key. Free.

    Args:
        stemflow_task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeparationStatus
    """

    return (
        await asyncio_detailed(
            stemflow_task_id=stemflow_task_id,
            client=client,
        )
    ).parsed
