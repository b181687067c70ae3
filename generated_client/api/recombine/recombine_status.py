from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.recombine_status import RecombineStatus
from ...types import Response


def _get_kwargs(
    recombine_task_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/recombinestatus/{recombine_task_id}".format(
            recombine_task_id=quote(str(recombine_task_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | RecombineStatus | None:
    if response.status_code == 200:
        response_200 = RecombineStatus.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = cast(Any, None)
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
) -> Response[Any | ErrorResponse | RecombineStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    recombine_task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse | RecombineStatus]:
    """Get the status of a recombine job

     Returns `processing`, `complete` or `failed`. On `failed`, `error` is true and `info` carries the
    detail. The normal answer while processing is 200 with `status: processing`; a 202 with an empty
    body is also possible, which roex-python 1.6.0 cannot read (it calls `.get` on the text). 404 for an
    unknown task id or one of another API key. Free.

    Args:
        recombine_task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | RecombineStatus]
    """

    kwargs = _get_kwargs(
        recombine_task_id=recombine_task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    recombine_task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | RecombineStatus | None:
    """Get the status of a recombine job

     Returns `processing`, `complete` or `failed`. On `failed`, `error` is true and `info` carries the
    detail. The normal answer while processing is 200 with `status: processing`; a 202 with an empty
    body is also possible, which roex-python 1.6.0 cannot read (it calls `.get` on the text). 404 for an
    unknown task id or one of another API key. Free.

    Args:
        recombine_task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | RecombineStatus
    """

    return sync_detailed(
        recombine_task_id=recombine_task_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    recombine_task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse | RecombineStatus]:
    """Get the status of a recombine job

     Returns `processing`, `complete` or `failed`. On `failed`, `error` is true and `info` carries the
    detail. The normal answer while processing is 200 with `status: processing`; a 202 with an empty
    body is also possible, which roex-python 1.6.0 cannot read (it calls `.get` on the text). 404 for an
    unknown task id or one of another API key. Free.

    Args:
        recombine_task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | RecombineStatus]
    """

    kwargs = _get_kwargs(
        recombine_task_id=recombine_task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    recombine_task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | RecombineStatus | None:
    """Get the status of a recombine job

     Returns `processing`, `complete` or `failed`. On `failed`, `error` is true and `info` carries the
    detail. The normal answer while processing is 200 with `status: processing`; a 202 with an empty
    body is also possible, which roex-python 1.6.0 cannot read (it calls `.get` on the text). 404 for an
    unknown task id or one of another API key. Free.

    Args:
        recombine_task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | RecombineStatus
    """

    return (
        await asyncio_detailed(
            recombine_task_id=recombine_task_id,
            client=client,
        )
    ).parsed
