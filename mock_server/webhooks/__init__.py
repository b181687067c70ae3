"""Outbound webhooks for the Tonn mock: a sender seam, a retry policy, a delivery log and a
background dispatcher. No Flask here: routes enqueue, the control plane reads the log.

Real Tonn POSTs unsigned JSON to a task's ``webhookURL``, several times per task as it progresses
(EVIDENCE §9). The mock does the same, off the request thread, in per-task order, with
retries and a log a test can inspect::

    dispatcher = WebhookDispatcher(RecordingSender(), RetryPolicy(base_delay=0.0))
    dispatcher.enqueue("task-1", "http://127.0.0.1:8000/hook", {"state": "STARTED"})
    dispatcher.wait_idle(timeout=2.0)

Exception hierarchy (every class has a ``code`` and a ``message``)::

    WebhookError                  root: catch this to catch everything from this package
    ├── DeliveryError             one attempt got no HTTP status (raised by senders)
    │   ├── DeliveryConnectError  receiver unreachable: refused, reset, DNS     (retried)
    │   ├── DeliveryTimeout       no answer within the per-attempt timeout      (retried)
    │   └── InvalidWebhookURL     URL unusable for an HTTP POST                 (not retried)
    ├── DispatcherClosed          enqueue() after close()
    ├── UnknownDelivery           delivery id not in the log
    └── WebhookWorkerError        check(): a sender or on_attempt hook raised unexpectedly
"""

from tonn_mock.webhooks.dispatcher import AttemptHook, WebhookDispatcher
from tonn_mock.webhooks.errors import (
    DeliveryConnectError,
    DeliveryError,
    DeliveryTimeout,
    DispatcherClosed,
    InvalidWebhookURL,
    UnknownDelivery,
    WebhookError,
    WebhookWorkerError,
)
from tonn_mock.webhooks.log import Delivery, DeliveryAttempt, DeliveryLog, DeliveryState, sequential_ids
from tonn_mock.webhooks.policy import AttemptOutcome, Outcome, RetryPolicy, is_success
from tonn_mock.webhooks.sender import (
    USER_AGENT,
    HttpxWebhookSender,
    RecordingSender,
    Scripted,
    SentWebhook,
    WebhookSender,
    WebhookTransport,
)

__all__ = [
    "USER_AGENT",
    "AttemptHook",
    "AttemptOutcome",
    "Delivery",
    "DeliveryAttempt",
    "DeliveryConnectError",
    "DeliveryError",
    "DeliveryLog",
    "DeliveryState",
    "DeliveryTimeout",
    "DispatcherClosed",
    "HttpxWebhookSender",
    "InvalidWebhookURL",
    "Outcome",
    "RecordingSender",
    "RetryPolicy",
    "Scripted",
    "SentWebhook",
    "UnknownDelivery",
    "WebhookDispatcher",
    "WebhookError",
    "WebhookSender",
    "WebhookTransport",
    "WebhookWorkerError",
    "is_success",
    "sequential_ids",
]
