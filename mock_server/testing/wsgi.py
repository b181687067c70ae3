"""The WSGI bridge: answering ``httpx`` and ``requests`` calls with the mock's Flask app in-process.

``httpx.WSGITransport`` answers sync httpx clients; :class:`AsyncWSGITransport` does the same for
``httpx.AsyncClient`` from a worker thread; :func:`call_wsgi` answers a ``requests`` request (the
callback :mod:`.intercept` registers with ``responses``). No socket is opened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

import anyio.to_thread
import httpx
from werkzeug.test import EnvironBuilder, run_wsgi_app

if TYPE_CHECKING:
    from flask import Flask
    from requests import PreparedRequest

TONN_BASE_URL = "https://tonn.roexaudio.com"
_FRAMING_HEADERS = ("content-length", "transfer-encoding", "host")  # the environ is rebuilt from the body


class AsyncWSGITransport(httpx.AsyncBaseTransport):
    """``httpx.WSGITransport`` for an ``AsyncClient``.

    ``WSGITransport`` is sync-only; this runs it in a worker thread per request (``anyio``), so
    ``asyncio`` code reaches the in-process mock without blocking its event loop.
    """

    def __init__(self, app: Flask) -> None:
        self._sync = httpx.WSGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        status, headers, content = await anyio.to_thread.run_sync(self._call, request)
        return httpx.Response(status, headers=headers, content=content)

    def _call(self, request: httpx.Request) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        response = self._sync.handle_request(request)
        try:
            return response.status_code, response.headers.raw, b"".join(response.iter_raw())
        finally:
            response.close()


def call_wsgi(app: Flask, request: PreparedRequest) -> tuple[int, Mapping[str, str], bytes]:
    """Answer a ``requests`` request with ``app``: the ``responses`` callback, as a function.

    The headers are a list of pairs, so repeated headers survive; ``responses`` extends an
    ``HTTPHeaderDict`` with them, although its type hints only mention mappings.
    """
    split = urlsplit(str(request.url))
    headers = [(k, v) for k, v in request.headers.items() if k.lower() not in _FRAMING_HEADERS]
    builder = EnvironBuilder(
        path=split.path or "/",
        query_string=split.query,
        base_url=f"{split.scheme}://{split.netloc}",
        method=str(request.method),
        headers=headers,
        data=_body_bytes(request.body),
    )
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    app_iter, status, response_headers = run_wsgi_app(app, environ, buffered=True)
    try:
        body = b"".join(app_iter)
    finally:
        getattr(app_iter, "close", lambda: None)()
    return int(status.split()[0]), cast(Mapping[str, str], response_headers.to_wsgi_list()), body


def _body_bytes(body: object) -> bytes:
    """A prepared request's body as bytes (``responses`` has already read file objects)."""
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, bytes | bytearray):
        return bytes(body)
    return b"".join(cast(Iterable[bytes], body))  # a generator: a streamed upload
