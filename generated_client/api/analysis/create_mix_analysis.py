from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.mix_analysis_request import MixAnalysisRequest
from ...models.mix_analysis_response import MixAnalysisResponse
from ...types import Response


def _get_kwargs(
    *,
    body: MixAnalysisRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/mixanalysis",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MixAnalysisResponse | None:
    if response.status_code == 200:
        response_200 = MixAnalysisResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

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
) -> Response[ErrorResponse | MixAnalysisResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MixAnalysisRequest,
) -> Response[ErrorResponse | MixAnalysisResponse]:
    """Analyse a mix or master (synchronous)

     Analyses a mixed or mastered track for loudness, dynamics, clipping, stereo image, phase and tonal-
    balance problems ("Mix Check Studio"). Synchronous: one call returns the report, typically in 10–30
    s, bounded by the ~300 s gateway deadline; no webhook. Verdicts: for `if_*_loudness` and `if_*_drc`,
    `LESS` means too loud / too compressed, `MORE` too quiet / not compressed enough, `OPTIMAL` fine,
    `LESS_APPLE` fine for Spotify but too loud for Apple Music. Which of the `if_mix_*` / `if_master_*`
    verdicts are present may depend on `isMaster`, so none is required. `completion_time` is shown as
    `YYYY-MM-DD HH:MM:SS`. Charged: 10 credits; 402 when credits are insufficient. Mix Analysis was at
    one time an enterprise-only feature; how a refused account is answered is unknown.

    Args:
        body (MixAnalysisRequest): Body of `POST /mixanalysis`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MixAnalysisResponse]
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
    body: MixAnalysisRequest,
) -> ErrorResponse | MixAnalysisResponse | None:
    """Analyse a mix or master (synchronous)

     Analyses a mixed or mastered track for loudness, dynamics, clipping, stereo image, phase and tonal-
    balance problems ("Mix Check Studio"). Synchronous: one call returns the report, typically in 10–30
    s, bounded by the ~300 s gateway deadline; no webhook. Verdicts: for `if_*_loudness` and `if_*_drc`,
    `LESS` means too loud / too compressed, `MORE` too quiet / not compressed enough, `OPTIMAL` fine,
    `LESS_APPLE` fine for Spotify but too loud for Apple Music. Which of the `if_mix_*` / `if_master_*`
    verdicts are present may depend on `isMaster`, so none is required. `completion_time` is shown as
    `YYYY-MM-DD HH:MM:SS`. Charged: 10 credits; 402 when credits are insufficient. Mix Analysis was at
    one time an enterprise-only feature; how a refused account is answered is unknown.

    Args:
        body (MixAnalysisRequest): Body of `POST /mixanalysis`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MixAnalysisResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MixAnalysisRequest,
) -> Response[ErrorResponse | MixAnalysisResponse]:
    """Analyse a mix or master (synchronous)

     Analyses a mixed or mastered track for loudness, dynamics, clipping, stereo image, phase and tonal-
    balance problems ("Mix Check Studio"). Synchronous: one call returns the report, typically in 10–30
    s, bounded by the ~300 s gateway deadline; no webhook. Verdicts: for `if_*_loudness` and `if_*_drc`,
    `LESS` means too loud / too compressed, `MORE` too quiet / not compressed enough, `OPTIMAL` fine,
    `LESS_APPLE` fine for Spotify but too loud for Apple Music. Which of the `if_mix_*` / `if_master_*`
    verdicts are present may depend on `isMaster`, so none is required. `completion_time` is shown as
    `YYYY-MM-DD HH:MM:SS`. Charged: 10 credits; 402 when credits are insufficient. Mix Analysis was at
    one time an enterprise-only feature; how a refused account is answered is unknown.

    Args:
        body (MixAnalysisRequest): Body of `POST /mixanalysis`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MixAnalysisResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MixAnalysisRequest,
) -> ErrorResponse | MixAnalysisResponse | None:
    """Analyse a mix or master (synchronous)

     Analyses a mixed or mastered track for loudness, dynamics, clipping, stereo image, phase and tonal-
    balance problems ("Mix Check Studio"). Synchronous: one call returns the report, typically in 10–30
    s, bounded by the ~300 s gateway deadline; no webhook. Verdicts: for `if_*_loudness` and `if_*_drc`,
    `LESS` means too loud / too compressed, `MORE` too quiet / not compressed enough, `OPTIMAL` fine,
    `LESS_APPLE` fine for Spotify but too loud for Apple Music. Which of the `if_mix_*` / `if_master_*`
    verdicts are present may depend on `isMaster`, so none is required. `completion_time` is shown as
    `YYYY-MM-DD HH:MM:SS`. Charged: 10 credits; 402 when credits are insufficient. Mix Analysis was at
    one time an enterprise-only feature; how a refused account is answered is unknown.

    Args:
        body (MixAnalysisRequest): Body of `POST /mixanalysis`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MixAnalysisResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
