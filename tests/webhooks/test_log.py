"""DeliveryLog and its records: state follows attempts, views filter, dicts are JSON-ready."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest

from tonn_mock.webhooks import (
    AttemptOutcome,
    Delivery,
    DeliveryAttempt,
    DeliveryLog,
    UnknownDelivery,
)


def make_delivery(delivery_id: str = "d1", task_id: str = "t1") -> Delivery:
    """A pending delivery with a small payload."""
    return Delivery(delivery_id, task_id, "http://127.0.0.1/hook", {"state": "STARTED"}, "T0")


def make_attempt(
    delivery: Delivery, number: int = 1, outcome: AttemptOutcome = "delivered", **extra: Any
) -> DeliveryAttempt:
    """An attempt on ``delivery``; status 200 unless overridden."""
    fields: dict[str, Any] = {
        "started_at": "2024-01-01T00:00:00.000+00:00",
        "started_monotonic": float(number),
        "duration_ms": 1.5,
        "status_code": 200,
        "error": None,
    }
    fields.update(extra)
    ids = (delivery.id, delivery.task_id, number, delivery.url, delivery.payload)
    return DeliveryAttempt(*ids, outcome=outcome, **fields)


@pytest.mark.parametrize(
    ("outcomes", "state"),
    [
        (["delivered"], "delivered"),
        (["retrying"], "pending"),
        (["retrying", "retrying", "failed"], "failed"),
        (["retrying", "delivered"], "delivered"),
    ],
)
def test_state_follows_the_last_attempt(outcomes: list[AttemptOutcome], state: str) -> None:
    log = DeliveryLog()
    delivery = make_delivery()
    log.add(delivery)
    for number, outcome in enumerate(outcomes, start=1):
        updated = log.record(make_attempt(delivery, number, outcome))
    assert updated.state == state
    assert log.get("d1") == updated
    assert [a.number for a in updated.attempts] == list(range(1, len(outcomes) + 1))


def test_attempts_after_a_final_outcome_are_refused() -> None:
    log = DeliveryLog()
    delivery = make_delivery()
    log.add(delivery)
    log.record(make_attempt(delivery, 1, "failed"))
    with pytest.raises(ValueError, match="already failed"):
        log.record(make_attempt(delivery, 2))


def test_attempt_numbers_must_be_consecutive() -> None:
    log = DeliveryLog()
    delivery = make_delivery()
    log.add(delivery)
    with pytest.raises(ValueError, match="expected attempt 1"):
        log.record(make_attempt(delivery, 2))


def test_unknown_ids_raise_unknown_delivery() -> None:
    log = DeliveryLog()
    with pytest.raises(UnknownDelivery):
        log.get("nope")
    with pytest.raises(UnknownDelivery):
        log.record(make_attempt(make_delivery("nope")))


def test_duplicate_ids_are_refused() -> None:
    log = DeliveryLog()
    log.add(make_delivery())
    with pytest.raises(ValueError, match="already logged"):
        log.add(make_delivery())


def test_views_filter_by_task_state_and_delivery() -> None:
    log = DeliveryLog()
    first, second, other = make_delivery("d1"), make_delivery("d2"), make_delivery("d3", "t2")
    for delivery in (first, second, other):
        log.add(delivery)
    log.record(make_attempt(other, 1))
    log.record(make_attempt(first, 1, "retrying", status_code=500))
    assert [d.id for d in log.deliveries()] == ["d1", "d2", "d3"]
    assert [d.id for d in log.deliveries(task_id="t1")] == ["d1", "d2"]
    assert [d.id for d in log.deliveries(state="delivered")] == ["d3"]
    assert [a.delivery_id for a in log.attempts()] == ["d3", "d1"]
    assert [a.delivery_id for a in log.attempts(task_id="t1")] == ["d1"]
    assert log.attempts(delivery_id="d2") == []
    assert len(log) == 3


def test_as_dict_is_json_ready_and_detached() -> None:
    log = DeliveryLog()
    delivery = make_delivery()
    log.add(delivery)
    log.record(make_attempt(delivery, 1, "retrying", status_code=None, error="timeout: slow"))
    data = log.as_dict()
    json.dumps(data)
    assert data["counts"] == {"pending": 1, "delivered": 0, "failed": 0}
    [entry] = data["deliveries"]
    assert entry["attempts"][0] == {
        "number": 1,
        "started_at": "2024-01-01T00:00:00.000+00:00",
        "started_monotonic": 1.0,
        "duration_ms": 1.5,
        "status_code": None,
        "error": "timeout: slow",
        "outcome": "retrying",
        "retry_in": None,
    }
    entry["payload"]["state"] = "MUTATED"
    assert log.get("d1").payload == {"state": "STARTED"}
    assert log.attempts()[0].as_dict()["payload"] == {"state": "STARTED"}


def test_clear_forgets_everything() -> None:
    log = DeliveryLog()
    delivery = make_delivery()
    log.add(delivery)
    log.record(make_attempt(delivery))
    log.clear()
    assert (log.deliveries(), log.attempts(), len(log)) == ([], [], 0)


def test_concurrent_writers_lose_nothing() -> None:
    log = DeliveryLog()
    start = threading.Barrier(4)

    def write(worker: int) -> None:
        start.wait(timeout=2.0)
        for index in range(50):
            delivery = make_delivery(f"w{worker}-{index}", f"t{worker}")
            log.add(delivery)
            log.record(make_attempt(delivery))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5.0)
    assert len(log.deliveries(state="delivered")) == 200
    assert len(log.attempts()) == 200
