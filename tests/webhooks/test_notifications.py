"""Webhooks from the mock to a real receiver on loopback: order, retries, the log, dead receivers."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from flask import Flask

from tonn_mock.app import create_app
from tonn_mock.backend import Seams
from tonn_mock.control import MockControl
from tonn_mock.core.clock import FakeClock, IdFactory
from tonn_mock.core.settings import Settings

from ..conftest import API_KEY
from .receiver import HANG, WebhookReceiver


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture
def live_app(clock: FakeClock) -> Iterator[Flask]:
    """An app that really POSTs webhooks (default httpx sender), on the test's fake clock."""
    settings = Settings(rate_limit_enabled=False, webhook_timeout=1.0, webhook_max_attempts=4)
    app = create_app(settings, Seams(clock=clock, ids=IdFactory(3)))
    yield app
    MockControl(app).backend.close()


@pytest.fixture
def live_client(live_app: Flask) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=httpx.WSGITransport(app=live_app),
        base_url="http://testserver",
        headers={"X-API-Key": API_KEY},
    ) as client:
        yield client


def master_with_webhook(client: httpx.Client, url: str) -> str:
    body = {
        "masteringData": {
            "trackData": [{"trackURL": "https://example.com/song.wav"}],
            "musicalStyle": "POP",
            "desiredLoudness": "LOW",
            "webhookURL": url,
        }
    }
    return str(client.post("/masteringpreview", json=body).json()["mastering_task_id"])


def test_each_state_change_is_posted_as_json_in_order(
    live_client: httpx.Client, receiver: WebhookReceiver
) -> None:
    task_id = master_with_webhook(live_client, receiver.url())
    live_client.post("/retrievefinalmaster", json={"masteringData": {"masteringTaskId": task_id}})

    received = receiver.take(3, timeout=5)

    assert [r.json()["state"] for r in received] == [
        "MASTERING_TASK_PENDING",
        "MASTERING_TASK_PREVIEW_COMPLETED",
        "MASTERING_TASK_FINAL_COMPLETED",
    ]
    assert all(r.headers["content-type"] == "application/json" for r in received)
    assert {r.json()["mastering_task_id"] for r in received} == {task_id}


def test_a_receiver_failing_twice_gets_the_delivery_on_the_third_attempt(
    live_client: httpx.Client, live_app: Flask, receiver: WebhookReceiver, clock: FakeClock
) -> None:
    control = MockControl(live_app)
    control.set_progression("manual")
    receiver.respond(500, 503)
    started = clock.now()
    task_id = master_with_webhook(live_client, receiver.url())

    attempts = receiver.take(3, timeout=5)

    assert [a.json()["state"] for a in attempts] == ["MASTERING_TASK_PENDING"] * 3
    assert control.wait_for_webhooks_idle(timeout=5)
    (delivery,) = control.webhooks(task_id)
    assert delivery["state"] == "delivered"
    assert [a["status_code"] for a in delivery["attempts"]] == [500, 503, 200]
    assert all(a["duration_ms"] >= 0 and a["started_at"] for a in delivery["attempts"])
    # the back-off (0.5 s, then 1 s) ran on the mock's one clock: the fake one, so nothing slept
    assert clock.waits == [0.5, 1.0] and clock.now() == started + 1.5


def test_the_control_api_shows_the_delivery_log_over_http(
    live_client: httpx.Client, live_app: Flask, receiver: WebhookReceiver
) -> None:
    task_id = master_with_webhook(live_client, receiver.url())
    receiver.take(2, timeout=5)
    MockControl(live_app).wait_for_webhooks_idle(timeout=5)

    log = live_client.get("/_mock/webhooks", params={"task_id": task_id}).json()

    assert [d["payload"]["state"] for d in log] == [
        "MASTERING_TASK_PENDING",
        "MASTERING_TASK_PREVIEW_COMPLETED",
    ]


def test_a_dead_or_hanging_receiver_does_not_slow_the_api(
    live_client: httpx.Client, live_app: Flask, receiver: WebhookReceiver
) -> None:
    MockControl(live_app).set_progression("manual")  # creation then does no audio work in the request
    receiver.respond(HANG, HANG, HANG, HANG)
    started = time.monotonic()
    for _ in range(3):
        master_with_webhook(live_client, receiver.url())
        master_with_webhook(live_client, "http://127.0.0.1:9/unreachable")
    elapsed = time.monotonic() - started

    assert elapsed < 1.0  # six creations, each with deliveries to a hung or closed receiver
