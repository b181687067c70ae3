"""Senders: the httpx implementation against a real local sink, and the in-memory recorder."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from tonn_mock.webhooks import (
    USER_AGENT,
    DeliveryConnectError,
    DeliveryError,
    DeliveryTimeout,
    HttpxWebhookSender,
    InvalidWebhookURL,
    RecordingSender,
    SentWebhook,
)

from .receiver import HANG, WebhookReceiver


@pytest.fixture
def sender() -> Iterator[HttpxWebhookSender]:
    """The default httpx sender, closed after the test."""
    real = HttpxWebhookSender()
    yield real
    real.close()


def test_posts_json_with_content_type_and_user_agent(
    sender: HttpxWebhookSender, receiver: WebhookReceiver
) -> None:
    payload = {"mastering_task_id": "m-1", "state": "MASTERING_TASK_PREVIEW_COMPLETED"}
    assert sender.send(receiver.url("/cb"), payload, timeout=2.0) == 200
    request = receiver.get()
    assert request.path == "/cb"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("tonn-mock-webhooks/")
    assert request.json() == payload


def test_error_statuses_are_returned_not_raised(
    sender: HttpxWebhookSender, receiver: WebhookReceiver
) -> None:
    receiver.respond(503, 404)
    url = receiver.url()
    assert [sender.send(url, {}, 2.0), sender.send(url, {}, 2.0)] == [503, 404]


def test_refused_connection_raises_retryable_connect_error(sender: HttpxWebhookSender, dead_url: str) -> None:
    with pytest.raises(DeliveryConnectError) as caught:
        sender.send(dead_url, {}, timeout=2.0)
    assert caught.value.retryable
    assert caught.value.describe().startswith("connect_error: cannot reach")


def test_hanging_receiver_raises_timeout(sender: HttpxWebhookSender, receiver: WebhookReceiver) -> None:
    receiver.respond(HANG)
    with pytest.raises(DeliveryTimeout, match=r"within 0\.2 s"):
        sender.send(receiver.url(), {}, timeout=0.2)
    receiver.release.set()


@pytest.mark.parametrize("url", ["", "ftp://127.0.0.1/hook", "http://"])
def test_unusable_urls_are_not_retryable(sender: HttpxWebhookSender, url: str) -> None:
    with pytest.raises(InvalidWebhookURL) as caught:
        sender.send(url, {}, timeout=1.0)
    assert not caught.value.retryable


def test_only_an_owned_client_is_closed() -> None:
    shared = httpx.Client()
    HttpxWebhookSender(shared).close()
    assert not shared.is_closed
    shared.close()


def test_recorder_records_and_answers_from_its_script() -> None:
    recorder = RecordingSender(500, DeliveryTimeout("slow"), default_status=204)
    assert recorder.send("http://a", {"n": 1}, 1.0) == 500
    with pytest.raises(DeliveryTimeout):
        recorder.send("http://a", {"n": 2}, 1.0)
    assert recorder.send("http://a", {"n": 3}, 1.0) == 204
    assert recorder.payloads() == [{"n": 1}, {"n": 2}, {"n": 3}]
    assert recorder.sent[0] == SentWebhook("http://a", {"n": 1}, 1.0)


def test_recorder_per_url_script_wins_over_shared_script() -> None:
    recorder = RecordingSender()
    recorder.script(502)
    recorder.script(DeliveryConnectError("down"), url="http://dead")
    with pytest.raises(DeliveryError):
        recorder.send("http://dead", {}, 1.0)
    assert recorder.send("http://dead", {}, 1.0) == 502
    assert recorder.send("http://live", {}, 1.0) == 200
    assert recorder.payloads("http://live") == [{}]


def test_recorder_wait_for_calls_wakes_on_send() -> None:
    recorder = RecordingSender()
    caller = threading.Thread(target=recorder.send, args=("http://a", {}, 1.0))
    caller.start()
    assert recorder.wait_for_calls(1, timeout=2.0)
    caller.join(timeout=2.0)
    assert not recorder.wait_for_calls(2, timeout=0.01)


def test_recorder_clear_forgets_calls_and_scripts() -> None:
    recorder = RecordingSender(500)
    recorder.script(404, url="http://a")
    recorder.send("http://b", {}, 1.0)
    recorder.clear()
    assert recorder.sent == []
    assert recorder.send("http://a", {}, 1.0) == 200
