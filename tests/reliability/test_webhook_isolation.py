"""A receiver that stalls, drips or fails delays only its own webhooks: each attempt ends at its
timeout however the receiver answers, and a healthy receiver's deliveries never queue behind it."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

import pytest

from tonn_mock.webhooks import HttpxWebhookSender, RetryPolicy, WebhookDispatcher

from ..webhooks.receiver import HANG, WebhookReceiver
from .drip import DripReceiver

TIMEOUT = 0.5


@pytest.fixture
def dispatcher() -> Iterator[WebhookDispatcher]:
    real = WebhookDispatcher(HttpxWebhookSender(), RetryPolicy(max_attempts=1, timeout=TIMEOUT))
    yield real
    real.close(timeout=5)
    real.check()


@pytest.fixture
def healthy() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture
def stalling() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    receiver.respond(*[HANG] * 1000)
    yield receiver
    receiver.close()


@pytest.fixture
def dripping() -> Iterator[DripReceiver]:
    receiver = DripReceiver(interval=0.1)
    yield receiver
    receiver.close()


def delivery_latency(dispatcher: WebhookDispatcher, receiver: WebhookReceiver, task_id: str) -> float:
    started = time.monotonic()
    dispatcher.enqueue(task_id, receiver.url(), {"state": "COMPLETED"})
    receiver.get(timeout=10)
    return time.monotonic() - started


def test_an_attempt_ends_at_its_timeout_however_slowly_the_receiver_drips(
    dispatcher: WebhookDispatcher, dripping: DripReceiver
) -> None:
    dispatcher.enqueue("task-1", dripping.url, {"state": "COMPLETED"})

    delivery = dispatcher.wait_for(lambda d: d.finished, timeout=5)

    assert delivery is not None and delivery.state == "failed"
    [attempt] = delivery.attempts
    assert attempt.error is not None and attempt.error.startswith("timeout")
    assert attempt.duration_ms <= (TIMEOUT + 1.5) * 1000  # the answer alone would take 3.8 s


def test_a_healthy_receiver_is_not_delayed_by_stalling_and_dripping_ones(
    dispatcher: WebhookDispatcher,
    healthy: WebhookReceiver,
    stalling: WebhookReceiver,
    dripping: DripReceiver,
) -> None:
    idle = statistics.median(delivery_latency(dispatcher, healthy, f"idle-{n}") for n in range(5))
    for n in range(20):
        dispatcher.enqueue(f"slow-{n}", stalling.url(), {"state": "COMPLETED"})
        dispatcher.enqueue(f"drip-{n}", dripping.url, {"state": "COMPLETED"})
    stalling.get(timeout=5)  # the slow receivers are busy now

    loaded = statistics.median(delivery_latency(dispatcher, healthy, f"busy-{n}") for n in range(5))

    assert loaded <= 2 * idle + 1.0, (  # it used to wait behind the slow receivers: 24 s
        f"idle {idle * 1000:.1f} ms, beside slow receivers {loaded * 1000:.1f} ms"
    )
    assert dispatcher.pending_count() >= 30  # the slow ones are still being worked through
