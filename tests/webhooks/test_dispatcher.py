"""WebhookDispatcher against in-memory senders: ordering under concurrency, the control
operations (wait_idle, wait_for, close, reset), hooks and how worker-side bugs surface."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import pytest

from tonn_mock.core.clock import FAKE_EPOCH, FakeClock
from tonn_mock.webhooks import (
    DeliveryAttempt,
    DeliveryConnectError,
    DispatcherClosed,
    RecordingSender,
    RetryPolicy,
    Scripted,
    WebhookWorkerError,
)

from .conftest import MakeDispatcher

INSTANT = RetryPolicy(base_delay=0.0)
URL = "http://127.0.0.1:9/hook"


class GateSender:
    """Blocks every send until ``gate`` is set, so a test can hold an attempt in flight."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.gate = threading.Event()

    def send(self, url: str, payload: Mapping[str, Any], timeout: float) -> int:
        self.entered.set()
        self.gate.wait(timeout=5.0)
        return 200


class BrokenSender:
    """A sender with a bug: raises something that is not a DeliveryError."""

    def send(self, url: str, payload: Mapping[str, Any], timeout: float) -> int:
        raise KeyError("bug")


def test_order_per_task_holds_under_concurrency_and_failures(
    make_dispatcher: MakeDispatcher,
) -> None:
    flaky: list[Scripted] = [500, DeliveryConnectError("reset")] * 15
    sender = RecordingSender(*flaky)
    patient = RetryPolicy(base_delay=0.0, max_attempts=31)
    dispatcher = make_dispatcher(sender, patient, workers=4)
    for seq in range(5):
        for task in range(8):
            dispatcher.enqueue(f"task-{task}", URL, {"task": task, "seq": seq})
    assert dispatcher.wait_idle(timeout=5.0)
    for task in range(8):
        seqs = [p["seq"] for p in sender.payloads() if p["task"] == task]
        assert seqs == sorted(seqs), f"task-{task} sent out of order: {seqs}"
    assert {d.state for d in dispatcher.log.deliveries()} == {"delivered"}
    assert len(sender.sent) == 40 + 30


def test_enqueue_returns_a_pending_snapshot(make_dispatcher: MakeDispatcher) -> None:
    dispatcher = make_dispatcher(RecordingSender())
    delivery = dispatcher.enqueue("task-1", URL, {"state": "STARTED"})
    assert (delivery.id, delivery.task_id, delivery.state) == ("whd_000001", "task-1", "pending")
    assert delivery.attempts == ()


def test_payload_is_copied_and_must_be_strict_json(make_dispatcher: MakeDispatcher) -> None:
    sender = RecordingSender()
    dispatcher = make_dispatcher(sender)
    payload: dict[str, Any] = {"stems": {"drums": "https://x/d.wav"}}
    dispatcher.enqueue("task-1", URL, payload)
    payload["stems"]["drums"] = "changed"
    with pytest.raises(TypeError):
        dispatcher.enqueue("task-1", URL, {"blob": object()})
    with pytest.raises(ValueError):
        dispatcher.enqueue("task-1", URL, {"loudness": float("nan")})
    assert dispatcher.wait_idle(timeout=2.0)
    assert sender.payloads() == [{"stems": {"drums": "https://x/d.wav"}}]


def test_wait_idle_and_wait_for_time_out_while_a_delivery_backs_off(
    make_dispatcher: MakeDispatcher,
) -> None:
    sender = RecordingSender(503)
    dispatcher = make_dispatcher(sender, RetryPolicy(base_delay=60.0))
    dispatcher.enqueue("task-1", URL, {})
    assert dispatcher.wait_for(lambda d: len(d.attempts) == 1, timeout=2.0) is not None
    assert not dispatcher.wait_idle(timeout=0.05)
    assert dispatcher.wait_for(lambda d: d.finished, timeout=0.05) is None
    assert dispatcher.pending_count() == 1
    assert [d.state for d in dispatcher.close(timeout=2.0)] == ["pending"]


def worker_threads(before: set[threading.Thread]) -> set[threading.Thread]:
    """Dispatcher worker threads started since ``before`` was taken."""
    started = set(threading.enumerate()) - before
    return {t for t in started if t.name.startswith("tonn-webhooks-")}


def test_close_stops_workers_and_refuses_new_work(make_dispatcher: MakeDispatcher) -> None:
    before = set(threading.enumerate())
    dispatcher = make_dispatcher(RecordingSender(), workers=3)
    dispatcher.enqueue("task-1", URL, {})
    workers = worker_threads(before)
    assert len(workers) == 3
    assert dispatcher.wait_idle(timeout=2.0)
    assert dispatcher.close(timeout=2.0) == []
    assert not any(t.is_alive() for t in workers)
    with pytest.raises(DispatcherClosed):
        dispatcher.enqueue("task-1", URL, {})


def test_close_lets_an_in_flight_attempt_finish(make_dispatcher: MakeDispatcher) -> None:
    sender = GateSender()
    dispatcher = make_dispatcher(sender)
    dispatcher.enqueue("task-1", URL, {})
    assert sender.entered.wait(timeout=2.0)
    sender.gate.set()
    assert dispatcher.close(timeout=2.0) == []
    assert dispatcher.log.deliveries()[0].state == "delivered"


def test_reset_drops_queue_log_and_stale_results(make_dispatcher: MakeDispatcher) -> None:
    sender = GateSender()
    dispatcher = make_dispatcher(sender, workers=1)
    dispatcher.enqueue("task-1", URL, {"n": 1})
    dispatcher.enqueue("task-1", URL, {"n": 2})
    assert sender.entered.wait(timeout=2.0)
    dispatcher.reset()
    assert (dispatcher.pending_count(), dispatcher.log.deliveries()) == (0, [])
    assert dispatcher.wait_idle(timeout=0.0)
    sender.gate.set()
    fresh = dispatcher.enqueue("task-2", URL, {"n": 3})
    assert dispatcher.wait_idle(timeout=2.0)
    assert [d.id for d in dispatcher.log.deliveries()] == [fresh.id]
    assert [a.delivery_id for a in dispatcher.log.attempts()] == [fresh.id]


def test_on_attempt_sees_every_attempt_before_the_log(
    make_dispatcher: MakeDispatcher, fake_clock: FakeClock
) -> None:
    seen: list[tuple[int, str, int]] = []

    def hook(attempt: DeliveryAttempt) -> None:
        logged = dispatcher.log.attempts(delivery_id=attempt.delivery_id)
        seen.append((attempt.number, attempt.outcome, len(logged)))

    dispatcher = make_dispatcher(RecordingSender(500), clock=fake_clock, on_attempt=hook)
    dispatcher.enqueue("task-1", URL, {})
    assert dispatcher.wait_idle(timeout=2.0)
    assert seen == [(1, "retrying", 0), (2, "delivered", 1)]


def test_a_failing_hook_surfaces_through_check(make_dispatcher: MakeDispatcher) -> None:
    def hook(attempt: DeliveryAttempt) -> None:
        raise RuntimeError("hook bug")

    dispatcher = make_dispatcher(RecordingSender(), on_attempt=hook)
    dispatcher.enqueue("task-1", URL, {})
    assert dispatcher.wait_idle(timeout=2.0)
    assert dispatcher.log.deliveries()[0].state == "delivered"
    with pytest.raises(WebhookWorkerError, match="hook bug"):
        dispatcher.check()
    dispatcher.reset()


def test_a_sender_bug_fails_the_delivery_without_retry(make_dispatcher: MakeDispatcher) -> None:
    dispatcher = make_dispatcher(BrokenSender(), INSTANT)
    dispatcher.enqueue("task-1", URL, {})
    delivery = dispatcher.wait_for(lambda d: d.finished, timeout=2.0)
    assert delivery is not None and delivery.state == "failed"
    assert [a.error for a in delivery.attempts] == ["unexpected: KeyError('bug')"]
    with pytest.raises(WebhookWorkerError) as caught:
        dispatcher.check()
    assert isinstance(caught.value.__cause__, KeyError)
    dispatcher.reset()
    dispatcher.check()


def test_attempts_carry_clock_times(make_dispatcher: MakeDispatcher, fake_clock: FakeClock) -> None:
    fake_clock.advance(10.0)
    dispatcher = make_dispatcher(RecordingSender(), clock=fake_clock)
    dispatcher.enqueue("task-1", URL, {})
    assert dispatcher.wait_idle(timeout=2.0)
    [attempt] = dispatcher.log.attempts()
    assert attempt.started_at == "2026-01-01T00:00:10.000+00:00"
    assert (attempt.started_monotonic, attempt.duration_ms) == (FAKE_EPOCH + 10.0, 0.0)


def test_workers_start_lazily(make_dispatcher: MakeDispatcher) -> None:
    before = set(threading.enumerate())
    make_dispatcher(RecordingSender())
    assert worker_threads(before) == set()


def test_invalid_worker_count_is_rejected(make_dispatcher: MakeDispatcher) -> None:
    with pytest.raises(ValueError, match="workers"):
        make_dispatcher(RecordingSender(), workers=0)
