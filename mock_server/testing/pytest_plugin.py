"""The tonn-testkit pytest plugin: test code that calls Tonn offline, with one fixture.

Registered through the ``pytest11`` entry point, so installing tonn-testkit is enough. Fixtures:

==========================  ========  ==================================================================
fixture                     scope     what it gives
==========================  ========  ==================================================================
``tonn_mock``               function  :class:`~tonn_mock.testing.TonnMock`: a freshly reset mock with the
                                      test's ``@pytest.mark.tonn_mock(...)`` options and domain verbs
                                      (complete/fail/advance a task, inject a fault, read the webhook
                                      log...). Checked after the test: mock-side errors and undelivered
                                      webhooks fail it.
``tonn_client``             function  the generated client (``tonn_client.AuthenticatedClient``) answered
                                      in-process, sync and ``asyncio``
``tonn_served_client``      function  the generated client on the served mock (a real loopback socket)
``tonn_intercept``          function  :class:`~tonn_mock.testing.TonnInterceptor`: every ``requests``
                                      and ``httpx`` call to ``https://tonn.roexaudio.com`` answered by
                                      the mock in-process (roex-python unchanged)
``tonn_api_key``            function  the key the clients send (the live key in a live run)
``tonn_base_url``           function  ``https://tonn.roexaudio.com`` (or ``TONN_BASE_URL`` when live)
``tonn_live``               function  ``True`` when this test runs against the real API
``tonn_mock_url``           session   base URL of the served mock (``127.0.0.1``, a free port)
``tonn_mock_app``           session   the Flask app every fixture shares (one per xdist worker)
``tonn_mock_settings``      session   its :class:`~tonn_mock.core.settings.Settings` - override to change them
``tonn_webhook_sender``     session   the HTTP sender used with ``webhooks="deliver"``
==========================  ========  ==================================================================

Live runs: tests marked ``@pytest.mark.tonn_live`` run against the real API when pytest gets
``--tonn-live`` or the environment has ``TONN_LIVE=1``, with the key in ``TONN_API_KEY`` (without one
they are skipped, saying so, like the contract suite's live run) and ``TONN_BASE_URL`` to change
the address. In a live run ``tonn_client`` talks to Tonn,
``tonn_intercept`` routes nothing (``requests`` calls go out), and a test that needs ``tonn_mock``
is skipped: the real API has no control plane.

Heavy modules (the Flask app, numpy, scipy) are imported by the fixtures, never at plugin load,
so a pytest run that uses none of them pays nothing.
"""

from __future__ import annotations

import contextlib
import os
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from flask import Flask

    from tonn_client import AuthenticatedClient
    from tonn_mock.core.settings import Settings
    from tonn_mock.testing.harness import MockOptions, TonnMock
    from tonn_mock.testing.intercept import TonnInterceptor
    from tonn_mock.webhooks import HttpxWebhookSender

DEFAULT_BASE_URL = "https://tonn.roexaudio.com"
LIVE_ENV, KEY_ENV, URL_ENV = "TONN_LIVE", "TONN_API_KEY", "TONN_BASE_URL"
MARKER_HELP = (
    "tonn_mock(**options): per-test options of the Tonn mock - progression, keys, api_key, credits, "
    "rate_limit, faults, webhooks ('record'|'deliver'), webhook_base_delay, webhook_max_attempts, "
    "strict, webhook_grace, passthrough, clock, seed, public_url (see tonn_mock.testing.MockOptions)"
)
LIVE_HELP = "tonn_live: run this test against the real Tonn API with --tonn-live or TONN_LIVE=1"


@dataclass(frozen=True)
class LiveConfig:
    """Whether tests marked ``tonn_live`` go to the real API, and with which key and address."""

    enabled: bool
    api_key: str | None
    base_url: str


_LIVE = pytest.StashKey[LiveConfig]()
_ACTIVE = pytest.StashKey["TonnMock"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("tonn", "tonn-testkit (offline RoEx Tonn API)")
    group.addoption(
        "--tonn-live",
        action="store_true",
        default=False,
        help=f"run tests marked tonn_live against the real Tonn API (needs {KEY_ENV}; also {LIVE_ENV}=1)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER_HELP)
    config.addinivalue_line("markers", LIVE_HELP)
    enabled = bool(config.getoption("tonn_live")) or _truthy(os.environ.get(LIVE_ENV, ""))
    api_key = os.environ.get(KEY_ENV, "").strip() or None
    config.stash[_LIVE] = LiveConfig(enabled, api_key, os.environ.get(URL_ENV) or DEFAULT_BASE_URL)


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After the test body: strict checks of its mock, so a failure is the test's own failure."""
    __tracebackhide__ = True
    try:
        result = yield
    except BaseException:
        _report_mock_errors(item)
        raise
    mock = item.stash.get(_ACTIVE, None)
    if mock is not None:
        mock.check()
    return result


def _report_mock_errors(item: pytest.Item) -> None:
    """When the test failed on its own, show what went wrong inside the mock beside it."""
    mock = item.stash.get(_ACTIVE, None)
    if mock is not None and mock.errors():
        from tonn_mock.testing.harness import describe_errors

        item.add_report_section("call", "tonn-mock errors", describe_errors(mock.errors()))


# --- session: one app (and, when asked for, one server) per process -------------------------------


@pytest.fixture(scope="session")
def tonn_mock_settings() -> Settings:
    """Settings of the session's mock; per-test options are applied on top of these."""
    from tonn_mock.core.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def tonn_mock_app(tonn_mock_settings: Settings) -> Iterator[Flask]:
    """The session's mock app; every test gets a fresh backend in it (``tonn_mock``)."""
    from tonn_mock.app import create_app
    from tonn_mock.backend import Seams
    from tonn_mock.control import MockControl
    from tonn_mock.core.clock import FakeClock, IdFactory
    from tonn_mock.webhooks import RecordingSender

    seams = Seams(clock=FakeClock(), ids=IdFactory(tonn_mock_settings.seed), sender=RecordingSender())
    app = create_app(tonn_mock_settings, seams)
    yield app
    MockControl(app).backend.close()


@pytest.fixture(scope="session")
def tonn_webhook_sender() -> Iterator[HttpxWebhookSender]:
    """One HTTP webhook sender shared by the tests that use ``webhooks="deliver"``."""
    from tonn_mock.webhooks import HttpxWebhookSender

    sender = HttpxWebhookSender()
    yield sender
    sender.close()


@pytest.fixture(scope="session")
def tonn_mock_url(tonn_mock_app: Flask) -> Iterator[str]:
    """Serve the session's app on 127.0.0.1 at a free port (started on first use)."""
    from tonn_mock.testing.serving import serve_in_thread

    with serve_in_thread(tonn_mock_app) as url:
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
        with direct.open(f"{url}/_mock/progression", timeout=10) as probe:  # readiness, no sleeping
            assert probe.status == 200
        yield url


# --- per test ----------------------------------------------------------------------------------


def marker_options(node: pytest.Item) -> MockOptions:
    """The test's ``tonn_mock`` marker keywords; the closest marker wins key by key."""
    from tonn_mock.testing.harness import MockOptions

    keywords: dict[str, Any] = {}
    for marker in reversed(list(node.iter_markers("tonn_mock"))):
        if marker.args:
            pytest.fail("@pytest.mark.tonn_mock takes keyword options only", pytrace=False)
        keywords.update(marker.kwargs)
    try:
        return MockOptions.from_keywords(keywords)
    except (TypeError, ValueError) as problem:
        message = f"@pytest.mark.tonn_mock: {problem}"
    pytest.fail(message, pytrace=False)


@pytest.fixture
def tonn_live(request: pytest.FixtureRequest) -> bool:
    """True when this test is marked ``tonn_live`` and the run is live."""
    live = request.config.stash[_LIVE]
    if not live.enabled or request.node.get_closest_marker("tonn_live") is None:
        return False
    if live.api_key is None:
        pytest.skip(f"a live run needs the Tonn API key in {KEY_ENV} (as the contract suite does, it skips)")
    return True


@pytest.fixture
def tonn_api_key(request: pytest.FixtureRequest, tonn_live: bool) -> str:
    """The key the clients send: the marker's (default ``test-key``), or ``TONN_API_KEY`` live."""
    if tonn_live:
        return str(request.config.stash[_LIVE].api_key)
    return marker_options(request.node).key


@pytest.fixture
def tonn_base_url(request: pytest.FixtureRequest, tonn_live: bool) -> str:
    """``https://tonn.roexaudio.com`` (answered in-process), or the live address."""
    return request.config.stash[_LIVE].base_url if tonn_live else DEFAULT_BASE_URL


@pytest.fixture
def tonn_mock(request: pytest.FixtureRequest, tonn_mock_app: Flask, tonn_live: bool) -> Iterator[TonnMock]:
    """A freshly reset mock configured by the test's marker; strictly checked after the test."""
    if tonn_live:
        pytest.skip("drives the mock's control plane (tonn_mock), which the live Tonn API does not have")
    options = marker_options(request.node)
    sender = request.getfixturevalue("tonn_webhook_sender") if options.webhooks == "deliver" else None
    mock = _attach(tonn_mock_app, options, sender)
    request.node.stash[_ACTIVE] = mock
    yield mock
    del request.node.stash[_ACTIVE]
    mock.close()


def _attach(app: Flask, options: MockOptions, sender: HttpxWebhookSender | None) -> TonnMock:
    """The test's mock; an option only the running mock can check (a fault's operation, a
    credit balance) fails the test's set-up in one line, as a marker typo does."""
    from tonn_mock.testing.harness import TonnMock
    from tonn_mock.testing.options import OptionError

    try:
        return TonnMock.attach(app, options, sender)
    except OptionError as problem:
        message = f"@pytest.mark.tonn_mock: {problem}"
    pytest.fail(message, pytrace=False)


@pytest.fixture
def tonn_client(
    request: pytest.FixtureRequest, tonn_live: bool, tonn_api_key: str, tonn_base_url: str
) -> Iterator[AuthenticatedClient]:
    """The generated client, answered in-process (sync and ``asyncio``); the real API when live."""
    if tonn_live:
        with _network_client(tonn_base_url, tonn_api_key, local=False) as client:
            yield client
        return
    mock: TonnMock = request.getfixturevalue("tonn_mock")
    yield mock.generated_client(tonn_api_key)


@pytest.fixture
def tonn_served_client(
    request: pytest.FixtureRequest, tonn_live: bool, tonn_api_key: str, tonn_base_url: str
) -> Iterator[AuthenticatedClient]:
    """The generated client over a real socket: the served mock (or the real API when live)."""
    if tonn_live:
        with _network_client(tonn_base_url, tonn_api_key, local=False) as client:
            yield client
        return
    request.getfixturevalue("tonn_mock")
    with _network_client(request.getfixturevalue("tonn_mock_url"), tonn_api_key, local=True) as client:
        yield client


@contextlib.contextmanager
def _network_client(base_url: str, key: str, *, local: bool) -> Iterator[AuthenticatedClient]:
    """A generated client on sockets; its async side keeps no idle connections, so nothing is
    left open when the test's event loop closes.

    ``local``: plain HTTP to the served mock on loopback - no certificate to verify (so no CA
    bundle to load, 30-150 ms a client) and no proxy from the environment in the way.
    """
    import httpx

    from tonn_client import AuthenticatedClient

    verify, trust_env = not local, not local
    client = AuthenticatedClient(
        base_url=base_url,
        token=key,
        auth_header_name="X-API-Key",
        prefix="",
        verify_ssl=verify,
        httpx_args={"trust_env": trust_env},
    )
    limits = httpx.Limits(max_keepalive_connections=0)
    transport = httpx.AsyncHTTPTransport(verify=verify, trust_env=trust_env, limits=limits)
    headers = {"X-API-Key": key}
    client.set_async_httpx_client(
        httpx.AsyncClient(base_url=base_url, headers=headers, transport=transport, trust_env=trust_env)
    )
    with client:
        yield client


@pytest.fixture
def tonn_intercept(request: pytest.FixtureRequest, tonn_live: bool) -> Iterator[TonnInterceptor]:
    """``requests`` and ``httpx`` calls to the Tonn base URL answered by ``tonn_mock`` in-process.

    Calls to other hosts, ``requests`` and ``httpx`` alike, follow the marker's ``passthrough``
    (refused by default); the served mock (``tonn_mock_url``), when the test uses it, is always
    reachable. In a live run nothing is routed and every call goes out.
    """
    from tonn_mock.testing.intercept import TonnInterceptor

    if tonn_live:
        interceptor = TonnInterceptor(base_urls=(), passthrough=True)
    else:
        mock: TonnMock = request.getfixturevalue("tonn_mock")
        interceptor = TonnInterceptor(mock.app, passthrough=_passthrough(request, mock))
    with interceptor:
        yield interceptor


def _passthrough(request: pytest.FixtureRequest, mock: TonnMock) -> bool | Sequence[str]:
    """The marker's passthrough, plus the served mock's address when this test uses it."""
    allowed = mock.options.passthrough
    if allowed is True or "tonn_mock_url" not in request.fixturenames:
        return allowed
    served: str = request.getfixturevalue("tonn_mock_url")
    return [*([] if allowed is False else allowed), served]
