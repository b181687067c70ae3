"""The one seam through which webhooks leave the process.

The dispatcher only ever calls ``sender.send(url, payload, timeout)``: the real implementation
POSTs JSON with httpx, and :class:`RecordingSender` keeps everything in memory so tests (and the
in-process mode) can see exactly what would have been sent and script failures.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Protocol

import httpcore
import httpx

from tonn_mock.webhooks.deadline import DeadlineBackend, attempt_deadline
from tonn_mock.webhooks.errors import DeliveryConnectError, DeliveryError, DeliveryTimeout, InvalidWebhookURL


def _package_version() -> str:
    """The installed tonn-testkit version, for the User-Agent; a source checkout may lack one."""
    try:
        return metadata.version("tonn-testkit")
    except metadata.PackageNotFoundError:
        return "0+unknown"


USER_AGENT = f"tonn-mock-webhooks/{_package_version()}"


class WebhookSender(Protocol):
    """Delivers one webhook attempt and reports the receiver's HTTP status.

    Implementations raise :class:`DeliveryError` subclasses when no status was obtained
    (connection failure, timeout, unusable URL) and must be safe to call from several threads.
    """

    def send(self, url: str, payload: Mapping[str, Any], timeout: float) -> int:
        """POST ``payload`` as JSON to ``url`` within ``timeout`` seconds; return the status."""
        ...


class WebhookTransport(httpx.HTTPTransport):
    """The transport of the mock's own deliveries: the test-side interception of ``httpx`` calls
    (``tonn_mock.testing``) lets it through, whatever it refuses to other hosts, and its network
    layer keeps each attempt within its deadline (:mod:`.deadline`)."""

    def __init__(self, trust_env: bool = False) -> None:
        super().__init__(trust_env=trust_env)
        limits = httpx.Limits()
        # httpx builds its connection pool in __init__ with no way to choose the network layer:
        # the same pool again, on the deadline-keeping one
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=trust_env),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=DeadlineBackend(),
        )


class HttpxWebhookSender:
    """POSTs JSON with one shared ``httpx.Client`` (thread-safe, pooled connections).

    The default client ignores proxy environment variables (``trust_env=False``) and does not
    follow redirects, so a delivery goes exactly where the task's ``webhookURL`` says and a 3xx is
    logged as the receiver's answer; its :class:`WebhookTransport` ends an attempt at ``timeout``
    seconds however the receiver answers. Pass your own client to change that.
    """

    def __init__(self, client: httpx.Client | None = None, user_agent: str = USER_AGENT) -> None:
        self._owns_client = client is None
        if client is None:
            client = httpx.Client(trust_env=False, transport=WebhookTransport(trust_env=False))
        self._client = client
        self._headers = {"Content-Type": "application/json", "User-Agent": user_agent}

    def send(self, url: str, payload: Mapping[str, Any], timeout: float) -> int:
        """One POST; transport failures are translated into :class:`DeliveryError` subclasses."""
        try:
            with attempt_deadline(timeout):
                response = self._client.post(url, json=dict(payload), headers=self._headers, timeout=timeout)
        except httpx.TimeoutException as exc:
            raise DeliveryTimeout(f"no response from {url} within {timeout:g} s ({exc!r})") from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise InvalidWebhookURL(f"cannot POST to {url!r}: {exc}") from exc
        except httpx.TransportError as exc:
            raise DeliveryConnectError(f"cannot reach {url}: {exc!r}") from exc
        return response.status_code

    def close(self) -> None:
        """Close the connection pool if this sender created it."""
        if self._owns_client:
            self._client.close()


Scripted = int | DeliveryError
"""One scripted answer for :class:`RecordingSender`: a status to return or an error to raise."""


@dataclass(frozen=True)
class SentWebhook:
    """One call to :meth:`RecordingSender.send`, whatever its scripted result was."""

    url: str
    payload: Mapping[str, Any]
    timeout: float


class RecordingSender:
    """An in-memory sender: records every call and answers from a script.

    Answers are taken first from the script for the call's URL (:meth:`script` with ``url=``),
    then from the shared script, then ``default_status``. A scripted :class:`DeliveryError` is
    raised instead of returned, so connection errors and timeouts can be simulated.
    """

    def __init__(self, *outcomes: Scripted, default_status: int = 200) -> None:
        self._cond = threading.Condition()
        self._shared: deque[Scripted] = deque(outcomes)
        self._by_url: dict[str, deque[Scripted]] = {}
        self._sent: list[SentWebhook] = []
        self.default_status = default_status

    def script(self, *outcomes: Scripted, url: str | None = None) -> None:
        """Append answers for future calls, optionally only for calls to ``url``."""
        with self._cond:
            queue = self._shared if url is None else self._by_url.setdefault(url, deque())
            queue.extend(outcomes)

    def send(self, url: str, payload: Mapping[str, Any], timeout: float) -> int:
        """Record the call, then return or raise the next scripted answer."""
        with self._cond:
            self._sent.append(SentWebhook(url, payload, timeout))
            outcome = self._next_outcome(url)
            self._cond.notify_all()
        if isinstance(outcome, DeliveryError):
            raise outcome
        return outcome

    def _next_outcome(self, url: str) -> Scripted:
        """Pop the per-URL answer, else the shared one, else the default status."""
        for queue in (self._by_url.get(url), self._shared):
            if queue:
                return queue.popleft()
        return self.default_status

    @property
    def sent(self) -> list[SentWebhook]:
        """Every call so far, in order (a copy)."""
        with self._cond:
            return list(self._sent)

    def payloads(self, url: str | None = None) -> list[Mapping[str, Any]]:
        """The payloads sent so far, optionally only those sent to ``url``."""
        return [s.payload for s in self.sent if url is None or s.url == url]

    def wait_for_calls(self, count: int, timeout: float) -> bool:
        """Block until at least ``count`` calls were made; False if ``timeout`` (real s) passed."""
        with self._cond:
            return self._cond.wait_for(lambda: len(self._sent) >= count, timeout)

    def clear(self) -> None:
        """Forget recorded calls and remaining scripts."""
        with self._cond:
            self._sent.clear()
            self._shared.clear()
            self._by_url.clear()
