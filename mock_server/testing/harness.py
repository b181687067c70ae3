"""``TonnMock``: the mock as one test sees it - fresh state, per-test options, domain verbs and a
strict check at the end. The pytest plugin hands one out as the ``tonn_mock`` fixture; it works
without pytest too::

    mock = TonnMock.attach(app, MockOptions(progression="manual"))
    ...
    mock.check()   # raises if the mock failed inside or webhooks are still undelivered
    mock.close()

Each :meth:`TonnMock.attach` swaps a new backend into the (long-lived) app, built from the app's
settings with the options applied, a fresh :class:`~tonn_mock.core.clock.FakeClock` and fresh ids, so
nothing leaks from one test into the next and per-test keys, credits and rate limits are real
settings rather than patches.

Exception hierarchy::

    TonnMockError (AssertionError)   root: the mock saw something the test did not expect
    ├── MockSideErrors               exceptions raised inside the mock (each answered with a 500)
    ├── UndeliveredWebhooks          webhook deliveries given up or still pending when the test ended
    └── WebhookTimeout               wait_for_webhook(): nothing matching within the timeout
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from typing import Any

import httpx
from flask import Flask

from tonn_client import AuthenticatedClient
from tonn_mock.backend import Seams
from tonn_mock.control import ControlError, MockControl
from tonn_mock.core.clock import FakeClock, IdFactory, SystemClock
from tonn_mock.core.settings import Settings
from tonn_mock.testing.options import DEFAULT_KEY, MockOptions, OptionError
from tonn_mock.testing.wsgi import TONN_BASE_URL, AsyncWSGITransport
from tonn_mock.webhooks import (
    Delivery,
    HttpxWebhookSender,
    RecordingSender,
    WebhookSender,
    WebhookWorkerError,
)

BASE_SETTINGS = "tonn_mock.testing.harness.base_settings"
__all__ = [
    "DEFAULT_KEY",
    "MockOptions",
    "MockSideErrors",
    "TonnMock",
    "UndeliveredWebhooks",
    "WebhookTimeout",
]


class TonnMockError(AssertionError):
    """Root of the failures this module reports into a test."""


class MockSideErrors(TonnMockError):
    """The mock raised while handling requests of this test."""


class UndeliveredWebhooks(TonnMockError):
    """Webhook deliveries were given up after their retries, or still pending, when the test ended."""


class WebhookTimeout(TonnMockError):
    """No webhook delivery matched within the timeout."""


class TonnMock(MockControl):
    """One test's view of a mock app: the control verbs of :class:`MockControl` (the same object
    the ``/_mock/`` routes use), in-process clients, and the strict check at the end."""

    def __init__(self, app: Flask, options: MockOptions, sender: WebhookSender) -> None:
        super().__init__(app)
        self.options = options
        self.sender = sender
        self.strict = options.strict
        self._clients: list[httpx.Client] = []
        self._owned_sender: HttpxWebhookSender | None = None

    @classmethod
    def attach(
        cls, app: Flask, options: MockOptions | None = None, http_sender: WebhookSender | None = None
    ) -> TonnMock:
        """Give ``app`` a fresh backend configured by ``options`` and return the test's handle.

        ``http_sender`` is the sender used with ``webhooks="deliver"`` (share one across tests:
        building an httpx client costs more than the rest of a reset).
        """
        options = options or MockOptions()
        owned: HttpxWebhookSender | None = None
        if options.webhooks == "record":
            sender: WebhookSender = RecordingSender()
        else:
            sender = http_sender or (owned := HttpxWebhookSender())
        base: Settings = app.extensions.setdefault(BASE_SETTINGS, MockControl(app).backend.settings)
        settings = options.settings(base)
        clock = FakeClock() if options.clock == "fake" else SystemClock()
        seams = Seams(clock=clock, ids=IdFactory(settings.seed), sender=sender)
        MockControl(app).reset(settings, seams)
        mock = cls(app, options, sender)
        mock._owned_sender = owned
        mock._apply(options)
        return mock

    def _apply(self, options: MockOptions) -> None:
        """The options that act on a running mock; a wrong value is an :class:`OptionError`."""
        if isinstance(options.credits, Mapping):
            for key, credits in options.credits.items():
                self._option(f"credits[{key!r}]", self.set_credits, credits, key)
        for index, fault in enumerate(options.faults):
            self._option(f"faults[{index}]", self.inject_fault, **fault)

    @staticmethod
    def _option(name: str, verb: Any, *args: Any, **kwargs: Any) -> None:
        try:
            verb(*args, **kwargs)
        except (ControlError, TypeError) as problem:
            raise OptionError(f"{name}: {problem}") from None

    @property
    def api_key(self) -> str:
        """The key this test's clients send (``api_key``, else the first of ``keys``, else test-key)."""
        return self.options.key

    @property
    def settings(self) -> Settings:
        """The settings in force for this test (the session's, with the options applied)."""
        return self.backend.settings

    # --- webhooks ----------------------------------------------------------------------------

    def wait_for_webhook(
        self, task_id: str | None = None, state: str | None = None, timeout: float = 5.0
    ) -> Delivery:
        """The first finished delivery for ``task_id`` whose payload has ``state``/``status``.

        Raises :class:`WebhookTimeout` (listing what was delivered) after ``timeout`` seconds.
        """
        delivery = super().wait_for_webhook(task_id, state, timeout)
        if delivery is None:
            seen = [(d["task_id"], _payload_state(d["payload"]), d["state"]) for d in self.webhooks()]
            raise WebhookTimeout(
                f"no webhook for task={task_id or 'any'} state={state or 'any'} within {timeout:g} s; "
                f"deliveries so far (task, payload state, delivery state): {seen or 'none'}"
            )
        return delivery

    def webhook_receiver_answers(self, *statuses: int, url: str | None = None) -> None:
        """Script the recorded receiver's next answers (``webhooks="record"`` only), e.g. 503s."""
        if not isinstance(self.sender, RecordingSender):
            raise TypeError("webhook_receiver_answers() needs webhooks='record'")
        self.sender.script(*statuses, url=url)

    # --- clients -----------------------------------------------------------------------------

    def http_client(self, key: str | None = None, base_url: str = TONN_BASE_URL) -> httpx.Client:
        """An httpx client answered in-process, sending ``key`` (closed by :meth:`close`)."""
        client = httpx.Client(
            base_url=base_url,
            headers={"X-API-Key": key or self.api_key},
            transport=httpx.WSGITransport(app=self.app),
        )
        self._clients.append(client)
        return client

    def generated_client(self, key: str | None = None, base_url: str = TONN_BASE_URL) -> AuthenticatedClient:
        """The generated client, answered in-process: sync via ``WSGITransport``, ``asyncio``
        functions via :class:`~tonn_mock.testing.intercept.AsyncWSGITransport`."""
        key = key or self.api_key
        client = AuthenticatedClient(base_url=base_url, token=key, auth_header_name="X-API-Key", prefix="")
        client.set_httpx_client(self.http_client(key, base_url))
        return client.set_async_httpx_client(
            httpx.AsyncClient(
                base_url=base_url, headers={"X-API-Key": key}, transport=AsyncWSGITransport(self.app)
            )
        )

    # --- the end of a test -------------------------------------------------------------------

    def check(self) -> None:
        """Raise if the mock failed inside (a route or the webhook dispatcher), or a webhook was
        not delivered: given up after its retries, or still pending ``webhook_grace`` seconds later.

        Retry back-off runs on the test's clock, so with the default fake clock a receiver that
        keeps failing exhausts its retries at once instead of after minutes."""
        __tracebackhide__ = True
        if not self.strict:
            return
        errors = self.errors()
        if errors:
            raise MockSideErrors(describe_errors(errors))
        try:
            self.backend.webhooks.check()
        except WebhookWorkerError as problem:
            raise MockSideErrors(f"the mock's webhook dispatcher failed: {problem}") from problem
        if self.pending_webhooks():
            self.wait_for_webhooks_idle(self.options.webhook_grace)
        undelivered = [d for d in self.webhooks() if d["state"] != "delivered"]
        if undelivered:
            raise UndeliveredWebhooks(_describe_pending(undelivered, self.options.webhook_grace))

    def close(self) -> None:
        """Close the clients handed out (the backend stays until the next :meth:`attach`)."""
        for client in self._clients:
            client.close()
        self._clients.clear()
        if self._owned_sender is not None:
            self._owned_sender.close()
            self._owned_sender = None


def _payload_state(payload: Mapping[str, Any]) -> Any:
    return payload.get("state", payload.get("status"))


def describe_errors(errors: Sequence[BaseException]) -> str:
    lines = [
        f"the Tonn mock raised {len(errors)} unexpected error(s) during this test "
        "(each was answered with a 500 'Internal server error'):"
    ]
    for error in errors:
        frames = traceback.format_exception(error)
        lines.append(f"  {type(error).__name__}: {error}")
        lines.extend("    " + line for line in "".join(frames[-3:-1]).rstrip().splitlines())
    lines.append("To accept this in a test, mark it @pytest.mark.tonn_mock(strict=False).")
    return "\n".join(lines)


def _describe_pending(pending: Sequence[Mapping[str, Any]], grace: float) -> str:
    lines = [f"{len(pending)} webhook delivery(ies) still undelivered {grace:g} s after the test ended:"]
    for delivery in pending:
        attempts = delivery["attempts"]
        last = attempts[-1] if attempts else None
        outcome = "no attempt yet" if last is None else (last["error"] or f"HTTP {last['status_code']}")
        lines.append(
            f"  POST {delivery['url']} for task {delivery['task_id']} "
            f"(state {_payload_state(delivery['payload'])!r}): {len(attempts)} attempt(s), last: {outcome}"
        )
    lines.append(
        "Run a receiver at that URL, wait in the test (tonn_mock.wait_for_webhook / "
        "wait_for_webhooks_idle), use @pytest.mark.tonn_mock(webhooks='record'), or strict=False."
    )
    return "\n".join(lines)
