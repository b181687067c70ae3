"""Exceptions raised by :mod:`tonn_mock.webhooks`; the hierarchy is drawn in the package docstring.

Every exception carries a short machine-readable ``code`` and a human ``message`` so the delivery
log can store ``"<code>: <message>"`` and the control plane can render it without guessing.
"""

from __future__ import annotations

from typing import ClassVar


class WebhookError(Exception):
    """Root of everything this package raises, so callers can catch one type."""

    code: ClassVar[str] = "webhook_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def describe(self) -> str:
        """The one-line form stored in a :class:`DeliveryAttempt`'s ``error`` field."""
        return f"{self.code}: {self.message}"


class DeliveryError(WebhookError):
    """One attempt got no HTTP status at all; ``retryable`` tells the policy whether to try again.

    Senders raise subclasses of this (never a transport library's own exceptions), which keeps
    the dispatcher independent of httpx and lets fakes script failures.
    """

    code = "delivery_error"
    retryable: ClassVar[bool] = True


class DeliveryConnectError(DeliveryError):
    """The receiver could not be reached (refused, reset, DNS): worth retrying later."""

    code = "connect_error"


class DeliveryTimeout(DeliveryError):
    """The receiver accepted the connection but did not answer within the attempt's timeout."""

    code = "timeout"


class InvalidWebhookURL(DeliveryError):
    """The URL cannot be used for an HTTP POST; retrying would fail identically, so it is not."""

    code = "invalid_url"
    retryable = False


class DispatcherClosed(WebhookError):
    """``enqueue()`` was called after ``close()``: nothing would ever deliver it."""

    code = "dispatcher_closed"


class UnknownDelivery(WebhookError):
    """A delivery id is not in the log (never enqueued, or dropped by a reset)."""

    code = "unknown_delivery"


class WebhookWorkerError(WebhookError):
    """A sender or ``on_attempt`` hook raised something unexpected in a background thread.

    Raised by ``WebhookDispatcher.check()`` in the caller's thread, with the original exception
    as ``__cause__``, so a bug in a worker fails the test instead of vanishing.
    """

    code = "worker_error"
