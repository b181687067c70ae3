"""WebhookDispatcher round-trips to a real receiver on 127.0.0.1: what an integrator's endpoint
sees (JSON POSTs, per-task order, retries, timeouts) and that one bad receiver harms no other."""

from __future__ import annotations

import itertools
import time

from tonn_mock.core.clock import FakeClock
from tonn_mock.webhooks import USER_AGENT, RetryPolicy

from .conftest import MakeDispatcher
from .receiver import HANG, WebhookReceiver

INSTANT = RetryPolicy(base_delay=0.0)


def test_payload_arrives_as_json_post(make_dispatcher: MakeDispatcher, receiver: WebhookReceiver) -> None:
    dispatcher = make_dispatcher()
    payload = {"multitrack_task_id": "mt-1", "state": "MIX_TASK_PREVIEW_COMPLETED"}
    dispatcher.enqueue("mt-1", receiver.url(), payload)
    request = receiver.get()
    assert request.json() == payload
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == USER_AGENT
    assert dispatcher.wait_idle(timeout=2.0)
    [delivery] = dispatcher.log.deliveries()
    assert (delivery.state, delivery.attempts[0].status_code) == ("delivered", 200)


def test_one_tasks_deliveries_arrive_in_order_even_when_the_first_is_retried(
    make_dispatcher: MakeDispatcher, receiver: WebhookReceiver
) -> None:
    dispatcher = make_dispatcher(policy=INSTANT, workers=4)
    receiver.respond(500)
    for state in ("STARTED", "SEPARATION", "COMPLETED"):
        dispatcher.enqueue("task-1", receiver.url(), {"state": state})
    bodies = [r.json()["state"] for r in receiver.take(4)]
    assert bodies == ["STARTED", "STARTED", "SEPARATION", "COMPLETED"]
    assert dispatcher.wait_idle(timeout=2.0)


def test_two_5xx_then_success_backs_off_as_the_policy_says(
    make_dispatcher: MakeDispatcher, receiver: WebhookReceiver, fake_clock: FakeClock
) -> None:
    dispatcher = make_dispatcher(clock=fake_clock)
    receiver.respond(500, 503)
    dispatcher.enqueue("task-1", receiver.url(), {"state": "COMPLETED"})
    assert dispatcher.wait_idle(timeout=2.0)
    attempts = dispatcher.log.attempts()
    assert [a.status_code for a in attempts] == [500, 503, 200]
    assert [a.outcome for a in attempts] == ["retrying", "retrying", "delivered"]
    assert [a.retry_in for a in attempts] == [0.5, 1.0, None]
    starts = [a.started_monotonic for a in attempts]
    assert [later - earlier for earlier, later in itertools.pairwise(starts)] == [0.5, 1.0]
    assert fake_clock.waits == [0.5, 1.0]
    assert dispatcher.log.deliveries()[0].state == "delivered"


def test_4xx_is_a_permanent_failure(
    make_dispatcher: MakeDispatcher, receiver: WebhookReceiver, fake_clock: FakeClock
) -> None:
    dispatcher = make_dispatcher(clock=fake_clock)
    receiver.respond(410)
    dispatcher.enqueue("task-1", receiver.url(), {"state": "COMPLETED"})
    assert dispatcher.wait_idle(timeout=2.0)
    [delivery] = dispatcher.log.deliveries()
    assert delivery.state == "failed"
    assert [(a.status_code, a.outcome) for a in delivery.attempts] == [(410, "failed")]
    assert fake_clock.waits == []


def test_refused_connection_is_retried_up_to_max_attempts(
    make_dispatcher: MakeDispatcher, dead_url: str, fake_clock: FakeClock
) -> None:
    dispatcher = make_dispatcher(clock=fake_clock)
    dispatcher.enqueue("task-1", dead_url, {"state": "COMPLETED"})
    assert dispatcher.wait_idle(timeout=5.0)
    [delivery] = dispatcher.log.deliveries()
    assert delivery.state == "failed"
    assert [a.outcome for a in delivery.attempts] == ["retrying"] * 4 + ["failed"]
    for attempt in delivery.attempts:
        assert attempt.status_code is None
        assert attempt.error is not None
        assert attempt.error.startswith("connect_error: cannot reach http://127.0.0.1")
    assert fake_clock.waits == [0.5, 1.0, 2.0, 4.0]


def test_hanging_receiver_is_recorded_as_a_timeout(
    make_dispatcher: MakeDispatcher, receiver: WebhookReceiver
) -> None:
    dispatcher = make_dispatcher(policy=RetryPolicy(max_attempts=1, timeout=0.2))
    receiver.respond(HANG)
    dispatcher.enqueue("task-1", receiver.url(), {"state": "COMPLETED"})
    delivery = dispatcher.wait_for(lambda d: d.finished, timeout=3.0)
    receiver.release.set()
    assert delivery is not None and delivery.state == "failed"
    [attempt] = delivery.attempts
    assert attempt.status_code is None
    assert attempt.error is not None and attempt.error.startswith("timeout: no response")
    assert attempt.duration_ms >= 200


def test_enqueue_never_waits_for_a_hung_receiver(
    make_dispatcher: MakeDispatcher, receiver: WebhookReceiver
) -> None:
    dispatcher = make_dispatcher(policy=RetryPolicy(timeout=2.0), workers=1)
    receiver.respond(HANG)
    started = time.monotonic()
    dispatcher.enqueue("task-1", receiver.url(), {"state": "STARTED"})
    first_enqueue = time.monotonic() - started
    receiver.get()
    started = time.monotonic()
    dispatcher.enqueue("task-1", receiver.url(), {"state": "COMPLETED"})
    dispatcher.enqueue("task-2", receiver.url(), {"state": "STARTED"})
    enqueues_while_hung = time.monotonic() - started
    assert first_enqueue < 0.1
    assert enqueues_while_hung < 0.1
    assert dispatcher.pending_count() == 3
    receiver.release.set()
    assert dispatcher.wait_idle(timeout=3.0)


def test_a_hung_receiver_for_one_task_does_not_hold_up_another(
    make_dispatcher: MakeDispatcher, receiver: WebhookReceiver
) -> None:
    dispatcher = make_dispatcher(policy=RetryPolicy(timeout=2.0), workers=2)
    receiver.respond(HANG)
    dispatcher.enqueue("task-a", receiver.url("/a"), {"state": "STARTED"})
    assert receiver.get().path == "/a"
    dispatcher.enqueue("task-b", receiver.url("/b"), {"state": "STARTED"})
    dispatcher.enqueue("task-b", receiver.url("/b"), {"state": "COMPLETED"})
    assert [r.json()["state"] for r in receiver.take(2, timeout=1.0)] == ["STARTED", "COMPLETED"]
    assert dispatcher.log.deliveries(task_id="task-a")[0].state == "pending"
    receiver.release.set()
    assert dispatcher.wait_idle(timeout=3.0)


def test_a_backing_off_task_does_not_occupy_the_only_worker(
    make_dispatcher: MakeDispatcher, receiver: WebhookReceiver, dead_url: str
) -> None:
    slow_retries = RetryPolicy(base_delay=60.0, max_delay=60.0)
    dispatcher = make_dispatcher(policy=slow_retries, workers=1)
    dispatcher.enqueue("task-a", dead_url, {"state": "STARTED"})
    last_b = [
        dispatcher.enqueue("task-b", receiver.url(), {"state": state})
        for state in ("STARTED", "SEPARATION", "COMPLETED")
    ][-1]
    assert len(receiver.take(3, timeout=2.0)) == 3
    assert dispatcher.wait_for(lambda d: d.id == last_b.id and d.finished, timeout=2.0)
    assert [d.state for d in dispatcher.log.deliveries("task-b")] == ["delivered"] * 3
    left = dispatcher.close(timeout=2.0)
    assert [(d.task_id, len(d.attempts)) for d in left] == [("task-a", 1)]
    assert left[0].attempts[0].retry_in == 60.0
