from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.upload_failed import UploadFailed
from ...models.upload_request import UploadRequest
from ...models.upload_response import UploadResponse
from ...types import Response


def _get_kwargs(
    *,
    body: UploadRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/upload",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UploadFailed | UploadResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> UploadFailed | UploadResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = UploadResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = UploadFailed.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[ErrorResponse | UploadFailed | UploadResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadRequest,
) -> Response[ErrorResponse | UploadFailed | UploadResponse]:
    """Get a signed upload URL and a readable URL

     Returns a Google Cloud Storage signed `PUT` URL for the file and the readable URL to pass as
    `trackURL` in processing calls. Flat body (no wrapper). Free. Then `PUT` the raw bytes to
    `signed_url` with the same `Content-Type` and no API key; both URLs are valid for about 1 hour.

    `contentType` is limited to `audio/mpeg`, `audio/wav`, `audio/flac`: tonn-mcp's `audio/aiff` is
    unconfirmed and excluded.

    An application error arrives as HTTP 200 with `error: true` and null URLs (`UploadFailed`; evidence:
    client mocks).

    Args:
        body (UploadRequest): Flat body of `POST /upload` (no wrapper).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UploadFailed | UploadResponse]
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
    body: UploadRequest,
) -> ErrorResponse | UploadFailed | UploadResponse | None:
    """Get a signed upload URL and a readable URL

     Returns a Google Cloud Storage signed `PUT` URL for the file and the readable URL to pass as
    `trackURL` in processing calls. Flat body (no wrapper). Free. Then `PUT` the raw bytes to
    `signed_url` with the same `Content-Type` and no API key; both URLs are valid for about 1 hour.

    `contentType` is limited to `audio/mpeg`, `audio/wav`, `audio/flac`: tonn-mcp's `audio/aiff` is
    unconfirmed and excluded.

    An application error arrives as HTTP 200 with `error: true` and null URLs (`UploadFailed`; evidence:
    client mocks).

    Args:
        body (UploadRequest): Flat body of `POST /upload` (no wrapper).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UploadFailed | UploadResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadRequest,
) -> Response[ErrorResponse | UploadFailed | UploadResponse]:
    """Get a signed upload URL and a readable URL

     Returns a Google Cloud Storage signed `PUT` URL for the file and the readable URL to pass as
    `trackURL` in processing calls. Flat body (no wrapper). Free. Then `PUT` the raw bytes to
    `signed_url` with the same `Content-Type` and no API key; both URLs are valid for about 1 hour.

    `contentType` is limited to `audio/mpeg`, `audio/wav`, `audio/flac`: tonn-mcp's `audio/aiff` is
    unconfirmed and excluded.

    An application error arrives as HTTP 200 with `error: true` and null URLs (`UploadFailed`; evidence:
    client mocks).

    Args:
        body (UploadRequest): Flat body of `POST /upload` (no wrapper).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UploadFailed | UploadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadRequest,
) -> ErrorResponse | UploadFailed | UploadResponse | None:
    """Get a signed upload URL and a readable URL

     Returns a Google Cloud Storage signed `PUT` URL for the file and the readable URL to pass as
    `trackURL` in processing calls. Flat body (no wrapper). Free. Then `PUT` the raw bytes to
    `signed_url` with the same `Content-Type` and no API key; both URLs are valid for about 1 hour.

    `contentType` is limited to `audio/mpeg`, `audio/wav`, `audio/flac`: tonn-mcp's `audio/aiff` is
    unconfirmed and excluded.

    An application error arrives as HTTP 200 with `error: true` and null URLs (`UploadFailed`; evidence:
    client mocks).

    Args:
        body (UploadRequest): Flat body of `POST /upload` (no wrapper).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UploadFailed | UploadResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
