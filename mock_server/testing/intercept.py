"""``mock_tonn``: answer calls to the Tonn base URL from an in-process mock, like moto's ``@mock_aws``.

Code under test keeps calling ``https://tonn.roexaudio.com`` - roex-python with its default base
URL, hand-written ``requests`` code or ``httpx`` code - and every call to that host is answered by
the mock's Flask app through its WSGI interface, in this process: no socket, no network, no code
change. Bare or called, on a function, an ``async`` function or a test class, or as a context
manager::

    from tonn_mock.testing import mock_tonn

    @mock_tonn                                 # or @mock_tonn(settings=...), or on a class
    def test_health():
        RoExClient(api_key="any-key").health_check()

    with mock_tonn() as tonn:
        RoExClient(api_key="any-key").health_check()
        tonn.control.tasks()                   # the control plane of the same mock

On a class, every test gets a fresh mock and runs inside it with its set-up and tear-down
(:mod:`.decorate`); keep the interceptor in a variable to reach ``.control`` from the tests.

How each client is caught:

* ``requests`` through the ``responses`` library (:mod:`.requests_routing`): Tonn's routes go
  into your own ``RequestsMock`` when one is active (``@responses.activate``, ``with
  responses.RequestsMock()``, or ``requests_mock=``), whose rules then apply to other URLs, or
  else into one of ours;
* ``httpx`` (``route_httpx=True``): ``HTTPTransport.handle_request`` and
  ``AsyncHTTPTransport.handle_async_request`` are wrapped; calls to a routed origin go to
  ``httpx.WSGITransport`` (async ones run it in a worker thread).

Other hosts, for both clients alike: refused (``requests.ConnectionError``,
``httpx.ConnectError``) with ``passthrough=False``, the default, so nothing leaks onto the
network; sent for real with ``passthrough=True``, or only under the given prefixes
(``passthrough=["http://localhost"]``). The mock's own webhook deliveries are never refused.

Webhooks. A mock the interceptor builds itself records its webhook deliveries (read them with
``interceptor.control.webhooks()``) instead of POSTing them: an intercepted test stays offline.
Pass your own ``app`` to deliver them for real.

Storage URLs. The mock builds the URLs it hands out from each request's host, so under
interception they read ``https://tonn.roexaudio.com/_storage/...``: on the routed host, hence
answered in-process as well (``Settings(public_url=...)`` moves them, and its origin is routed).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, overload
from unittest import mock
from urllib.parse import urlsplit

import httpx
import responses
from flask import Flask

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import IdFactory, SystemClock
from tonn_mock.core.settings import Settings
from tonn_mock.testing.decorate import decorate
from tonn_mock.testing.requests_routing import METHODS, RequestsRouting
from tonn_mock.testing.wsgi import TONN_BASE_URL, AsyncWSGITransport, call_wsgi
from tonn_mock.webhooks import RecordingSender, WebhookTransport

if TYPE_CHECKING:
    from tonn_mock.testing.requests_routing import Prefix

__all__ = ["METHODS", "TONN_BASE_URL", "AsyncWSGITransport", "TonnInterceptor", "call_wsgi", "mock_tonn"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_T = TypeVar("_T")
_Target = TypeVar("_Target", bound=Callable[..., Any])
Passthrough = bool | Sequence[str]


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
    """Routes ``requests`` and ``httpx`` calls for the Tonn origin(s) into an in-process mock.

    ``app`` is the mock to answer with; without one, a fresh ``create_app(settings)`` is built at
    each :meth:`start` and closed at :meth:`stop` (so each decorated test starts from a clean
    mock). With ``base_urls=()`` nothing is routed and no mock is built: a live run, where only
    the ``passthrough`` policy applies. The interceptor is a context manager and a decorator
    (functions, ``async`` functions and test classes).
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
        self._given_requests_mock = requests_mock
        self._routing: RequestsRouting | None = None
        self._app: Flask | None = None
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
    def responses(self) -> responses.RequestsMock:
        """The ``responses.RequestsMock`` that answers ``requests`` calls (while started)."""
        if self._routing is None:
            raise RuntimeError("the interceptor is not started")
        return self._routing.mock

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

    def lets_through(self, url: str) -> bool:
        """Whether a call to ``url``, which the mock does not answer, may go out for real."""
        return any(
            prefix.match(url) if isinstance(prefix, re.Pattern) else url.startswith(prefix)
            for prefix in self._passthrough_prefixes()
        )

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
        patterns = [_origin_pattern(*origin) for origin in sorted(self._origins)]
        answer = functools.partial(call_wsgi, self._app) if self._app is not None else _no_app
        self._routing = RequestsRouting(
            answer, patterns, self._passthrough_prefixes(), self._given_requests_mock
        )
        self._routing.start()
        if self._route_httpx and (self._origins or self._passthrough is not True):
            self._patch_httpx()
        return self

    def stop(self) -> None:
        if not self._started:
            return
        for patch in reversed(self._patches):
            patch.stop()
        self._patches.clear()
        if self._routing is not None:
            self._routing.stop()
            self._routing = None
        if self._app is not None and self._given_app is None:
            MockControl(self._app).backend.close()
        self._app, self._origins, self._started = None, set(), False

    def __enter__(self) -> TonnInterceptor:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __call__(self, target: _T) -> _T:
        """Decorate a function, coroutine function or test class to run with the interception."""
        return decorate(self, target)

    def _passthrough_prefixes(self) -> list[Prefix]:
        if self._passthrough is True:
            return [re.compile(".")]
        if self._passthrough is False:
            return []
        return list(self._passthrough)

    # --- httpx, by wrapping its default transports -------------------------------------------

    def _patch_httpx(self) -> None:
        sync_transport = httpx.WSGITransport(app=self._app) if self._app is not None else None
        async_transport = AsyncWSGITransport(self._app) if self._app is not None else None
        original_sync = httpx.HTTPTransport.handle_request
        original_async = httpx.AsyncHTTPTransport.handle_async_request

        def handle_request(transport: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
            if sync_transport is not None and _httpx_origin(request.url) in self._origins:
                return sync_transport.handle_request(request)
            self._refuse_unless_allowed(transport, request)
            return original_sync(transport, request)

        async def handle_async_request(
            transport: httpx.AsyncHTTPTransport, request: httpx.Request
        ) -> httpx.Response:
            if async_transport is not None and _httpx_origin(request.url) in self._origins:
                return await async_transport.handle_async_request(request)
            self._refuse_unless_allowed(transport, request)
            return await original_async(transport, request)

        self._patches = [
            mock.patch.object(httpx.HTTPTransport, "handle_request", handle_request),
            mock.patch.object(httpx.AsyncHTTPTransport, "handle_async_request", handle_async_request),
        ]
        for patch in self._patches:
            patch.start()

    def _refuse_unless_allowed(self, transport: object, request: httpx.Request) -> None:
        url = str(request.url)
        if isinstance(transport, WebhookTransport) or self.lets_through(url):
            return
        raise httpx.ConnectError(
            f"Connection refused by tonn-testkit: {request.method} {url} is not a Tonn URL the mock "
            f"answers ({', '.join(self.origins) or 'none'}); let it out with "
            "passthrough=True or a list of URL prefixes",
            request=request,
        )


def _httpx_origin(url: httpx.URL) -> tuple[str, str, int]:
    return url.scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(url.scheme, 0)


def _no_app(*_: object) -> tuple[int, dict[str, str], bytes]:
    raise RuntimeError("nothing is routed to a mock in this interception")


def _offline_app(settings: Settings) -> Flask:
    """A mock whose webhooks are recorded (see ``control.webhooks()``), never sent: offline means offline."""
    seams = Seams(clock=SystemClock(), ids=IdFactory(settings.seed), sender=RecordingSender())
    return create_app(settings, seams)


@overload
def mock_tonn(
    app: Flask | None = None,
    *,
    base_urls: Sequence[str] = ...,
    passthrough: Passthrough = ...,
    route_httpx: bool = ...,
    requests_mock: responses.RequestsMock | None = ...,
    settings: Settings | None = ...,
) -> TonnInterceptor: ...


@overload
def mock_tonn(app: _Target) -> _Target: ...


def mock_tonn(
    app: Any = None,
    *,
    base_urls: Sequence[str] = (TONN_BASE_URL,),
    passthrough: Passthrough = False,
    route_httpx: bool = True,
    requests_mock: responses.RequestsMock | None = None,
    settings: Settings | None = None,
) -> Any:
    """An interceptor for the Tonn base URL: ``@mock_tonn``, ``@mock_tonn(...)`` or ``with mock_tonn():``.

    Bare (``@mock_tonn`` on a function or class) it decorates with the default options. See
    :class:`TonnInterceptor` and this module's docstring for what is routed and how.
    """
    if app is not None and not isinstance(app, Flask):
        return TonnInterceptor()(app)
    return TonnInterceptor(
        app,
        base_urls=base_urls,
        passthrough=passthrough,
        route_httpx=route_httpx,
        requests_mock=requests_mock,
        settings=settings,
    )
