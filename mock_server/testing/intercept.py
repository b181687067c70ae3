"""``mock_tonn()``: answer calls to the Tonn base URL from an in-process mock, like moto's ``@mock_aws``.

Code under test keeps calling ``https://tonn.roexaudio.com`` - roex-python with its default base
URL, hand-written ``requests`` code or ``httpx`` code - and every call to that host is answered by
the mock's Flask app through its WSGI interface, in this process: no socket, no network, no code
change::

    from tonn_mock.testing import mock_tonn

    with mock_tonn() as tonn:                  # or @mock_tonn() on a function
        RoExClient(api_key="any-key").health_check()
        tonn.control.tasks()                   # the control plane of the same mock

How each client is caught:

* ``requests`` through the ``responses`` library: one callback per HTTP method on a regular
  expression for each routed origin. Pass ``requests_mock=`` to register the callbacks on a
  started ``responses.RequestsMock`` you already use (``responses.mock`` under
  ``@responses.activate``); its own passthrough rules then apply to other URLs.
* ``httpx`` (``route_httpx=True``): ``HTTPTransport.handle_request`` and
  ``AsyncHTTPTransport.handle_async_request`` are wrapped; calls to a routed origin go to
  ``httpx.WSGITransport`` (async ones run it in a worker thread), all others go out unchanged -
  the mock's own webhook deliveries use httpx too.

Webhooks. A mock the interceptor builds itself records its webhook deliveries (read them with
``interceptor.control.webhooks()``) instead of POSTing them: an intercepted test stays offline.
Pass your own ``app`` to deliver them for real.

Storage URLs. The mock builds the URLs it hands out (signed upload URLs, readable URLs, result
downloads) from each request's host, so under interception they read
``https://tonn.roexaudio.com/_storage/...``: on the routed host, hence answered in-process as well.
(Real Tonn hands out Google Cloud Storage URLs; code that checks the storage host needs
``Settings(public_url=...)``, whose origin is then routed too.)

Unrelated URLs, for ``requests``: refused with ``requests.ConnectionError`` (``passthrough=False``,
the default, so nothing leaks onto the network), sent for real (``passthrough=True``), or sent for
real only under the given prefixes (``passthrough=["http://localhost"]``). ``httpx`` calls to
other hosts are never touched.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast
from unittest import mock
from urllib.parse import urlsplit

import anyio.to_thread
import httpx
import responses
from werkzeug.test import EnvironBuilder, run_wsgi_app

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import IdFactory, SystemClock
from tonn_mock.core.settings import Settings
from tonn_mock.webhooks import RecordingSender

if TYPE_CHECKING:
    from flask import Flask
    from requests import PreparedRequest

TONN_BASE_URL = "https://tonn.roexaudio.com"
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_FRAMING_HEADERS = ("content-length", "transfer-encoding", "host")  # the environ is rebuilt from the body
_F = TypeVar("_F", bound=Callable[..., Any])
Passthrough = bool | Sequence[str]


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


def _origin(url: str) -> tuple[str, str, int]:
    split = urlsplit(url)
    if split.scheme not in _DEFAULT_PORTS or not split.hostname:
        raise ValueError(f"not an http(s) base URL: {url!r}")
    return split.scheme, split.hostname.lower(), split.port or _DEFAULT_PORTS[split.scheme]


def _origin_pattern(scheme: str, host: str, port: int) -> re.Pattern[str]:
    """Every URL on one origin, with or without its default port spelled out."""
    port_part = f"(?::{port})?" if port == _DEFAULT_PORTS[scheme] else f":{port}"
    return re.compile(f"^{re.escape(scheme)}://{re.escape(host)}{port_part}(?=[/?#]|$)", re.IGNORECASE)


class TonnInterceptor:
    """Routes ``requests`` (and ``httpx``) calls for the Tonn origin(s) into an in-process mock.

    ``app`` is the mock to answer with; without one, a fresh ``create_app(settings)`` is built at
    each :meth:`start` and closed at :meth:`stop` (so each decorated call starts from a clean
    mock). With ``base_urls=()`` nothing is routed and no mock is built: a live run, where only
    the ``passthrough`` policy applies. The interceptor is a context manager and a decorator (sync
    and ``async`` functions).
    """

    def __init__(
        self,
        app: Flask | None = None,
        *,
        base_urls: Sequence[str] = (TONN_BASE_URL,),
        passthrough: Passthrough = False,
        route_httpx: bool = True,
        requests_mock: responses.RequestsMock | None = None,
        settings: Settings | None = None,
    ) -> None:
        self._given_app = app
        self._settings = settings
        self._base_urls = tuple(base_urls)
        self._passthrough = passthrough
        self._route_httpx = route_httpx
        self._own_mock = requests_mock is None
        if requests_mock is None:
            requests_mock = responses.RequestsMock(assert_all_requests_are_fired=False)
        self.responses = requests_mock
        self._app: Flask | None = None
        self._registered: list[responses.BaseResponse] = []
        self._patches: list[Any] = []
        self._origins: set[tuple[str, str, int]] = set()
        self._started = False

    # --- what is routed ----------------------------------------------------------------------

    @property
    def app(self) -> Flask:
        """The Flask app answering intercepted calls (only while started, if it is our own)."""
        if self._app is None:
            raise RuntimeError("the interceptor is not started: use `with mock_tonn():` or call start()")
        return self._app

    @property
    def control(self) -> MockControl:
        """The control plane of the answering mock (tasks, webhooks, faults, credits...)."""
        return MockControl(self.app)

    @property
    def origins(self) -> list[str]:
        """The routed origins, e.g. ``['https://tonn.roexaudio.com:443']``."""
        return sorted(f"{scheme}://{host}:{port}" for scheme, host, port in self._origins)

    def routes(self, url: str) -> bool:
        """Whether a call to ``url`` is answered by the mock."""
        try:
            return _origin(url) in self._origins
        except ValueError:
            return False

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> TonnInterceptor:
        if self._started:
            raise RuntimeError("this interceptor is already started")
        self._started = True
        if self._base_urls:
            self._app = self._given_app or _offline_app(self._settings or Settings())
            public_url = MockControl(self._app).backend.settings.public_url
            urls = [*self._base_urls, *([public_url] if public_url else [])]
            self._origins = {_origin(url) for url in urls}
        self._register_requests()
        if self._route_httpx and self._origins:
            self._patch_httpx()
        return self

    def stop(self) -> None:
        if not self._started:
            return
        for patch in reversed(self._patches):
            patch.stop()
        self._patches.clear()
        if self._own_mock:
            self.responses.stop(allow_assert=False)
            self.responses.reset()
        else:
            for registered in self._registered:
                self.responses.remove(registered)
        self._registered.clear()
        if self._app is not None and self._given_app is None:
            MockControl(self._app).backend.close()
        self._app, self._origins, self._started = None, set(), False

    def __enter__(self) -> TonnInterceptor:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __call__(self, func: _F) -> _F:
        """Decorate a function (or coroutine function) to run with the interception active."""
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                with self:
                    return await func(*args, **kwargs)

            return cast(_F, run_async)

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            with self:
                return func(*args, **kwargs)

        return cast(_F, run)

    # --- requests, through responses ---------------------------------------------------------

    def _register_requests(self) -> None:
        for origin in sorted(self._origins):
            answer = functools.partial(call_wsgi, self.app)
            pattern = _origin_pattern(*origin)
            for method in METHODS:
                registered = self.responses.add_callback(method, pattern, answer, content_type=None)
                self._registered.append(registered)
        if self._own_mock:
            for prefix in self._passthrough_prefixes():
                self.responses.add_passthru(prefix)
            self.responses.start()

    def _passthrough_prefixes(self) -> list[str | re.Pattern[str]]:
        if self._passthrough is True:
            return [re.compile(".")]
        if self._passthrough is False:
            return []
        return list(self._passthrough)

    # --- httpx, by wrapping its default transports -------------------------------------------

    def _patch_httpx(self) -> None:
        sync_transport = httpx.WSGITransport(app=self.app)
        async_transport = AsyncWSGITransport(self.app)
        original_sync = httpx.HTTPTransport.handle_request
        original_async = httpx.AsyncHTTPTransport.handle_async_request
        origins = self._origins

        def handle_request(transport: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
            if _httpx_origin(request.url) in origins:
                return sync_transport.handle_request(request)
            return original_sync(transport, request)

        async def handle_async_request(
            transport: httpx.AsyncHTTPTransport, request: httpx.Request
        ) -> httpx.Response:
            if _httpx_origin(request.url) in origins:
                return await async_transport.handle_async_request(request)
            return await original_async(transport, request)

        self._patches = [
            mock.patch.object(httpx.HTTPTransport, "handle_request", handle_request),
            mock.patch.object(httpx.AsyncHTTPTransport, "handle_async_request", handle_async_request),
        ]
        for patch in self._patches:
            patch.start()


def _httpx_origin(url: httpx.URL) -> tuple[str, str, int]:
    return url.scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(url.scheme, 0)


def _offline_app(settings: Settings) -> Flask:
    """A mock whose webhooks are recorded (see ``control.webhooks()``), never sent: offline means offline."""
    seams = Seams(clock=SystemClock(), ids=IdFactory(settings.seed), sender=RecordingSender())
    return create_app(settings, seams)


def mock_tonn(
    app: Flask | None = None,
    *,
    base_urls: Sequence[str] = (TONN_BASE_URL,),
    passthrough: Passthrough = False,
    route_httpx: bool = True,
    requests_mock: responses.RequestsMock | None = None,
    settings: Settings | None = None,
) -> TonnInterceptor:
    """An interceptor for the Tonn base URL: ``with mock_tonn() as tonn:`` or ``@mock_tonn()``.

    See :class:`TonnInterceptor` and this module's docstring for what is routed and how.
    """
    return TonnInterceptor(
        app,
        base_urls=base_urls,
        passthrough=passthrough,
        route_httpx=route_httpx,
        requests_mock=requests_mock,
        settings=settings,
    )
