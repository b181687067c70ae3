"""The delivery log: what the mock sent, when, and what came back.

Every attempt is an immutable :class:`DeliveryAttempt`; a :class:`Delivery` is an immutable
snapshot of one logical webhook and its attempts so far. The :class:`DeliveryLog` owns the current
snapshots, so readers (tests, the ``/_mock/webhooks`` control route) never see half-updated state.
"""

from __future__ import annotations

import copy
import itertools
import json
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from tonn_mock.webhooks.errors import UnknownDelivery
from tonn_mock.webhooks.policy import AttemptOutcome

DeliveryState = Literal["pending", "delivered", "failed"]
"""``pending`` until an attempt is delivered or the policy gives up (``failed``)."""

_STATE_AFTER: dict[AttemptOutcome, DeliveryState] = {
    "delivered": "delivered",
    "retrying": "pending",
    "failed": "failed",
}


@dataclass(frozen=True)
class DeliveryAttempt:
    """One HTTP attempt. ``started_at`` is ISO 8601 wall time for humans, ``started_monotonic``
    the dispatcher clock's reading for arithmetic (backoff gaps). Exactly one of
    ``status_code`` and ``error`` is set; ``retry_in`` is the wait before the next attempt when
    ``outcome`` is ``"retrying"``.
    """

    delivery_id: str
    task_id: str
    number: int
    url: str
    payload: Mapping[str, Any]
    started_at: str
    started_monotonic: float
    duration_ms: float
    status_code: int | None
    error: str | None
    outcome: AttemptOutcome
    retry_in: float | None = None

    def as_dict(self, *, include_delivery: bool = True) -> dict[str, Any]:
        """JSON-ready dict; ``include_delivery=False`` drops what the :class:`Delivery` repeats."""
        data: dict[str, Any] = {
            "number": self.number,
            "started_at": self.started_at,
            "started_monotonic": self.started_monotonic,
            "duration_ms": self.duration_ms,
            "status_code": self.status_code,
            "error": self.error,
            "outcome": self.outcome,
            "retry_in": self.retry_in,
        }
        if include_delivery:
            data.update(
                delivery_id=self.delivery_id,
                task_id=self.task_id,
                url=self.url,
                payload=copy.deepcopy(dict(self.payload)),
            )
        return data


@dataclass(frozen=True)
class Delivery:
    """One logical webhook (one payload for one task to one URL) and its attempts so far."""

    id: str
    task_id: str
    url: str
    payload: Mapping[str, Any]
    created_at: str
    state: DeliveryState = "pending"
    attempts: tuple[DeliveryAttempt, ...] = field(default=())

    @property
    def finished(self) -> bool:
        """True once delivered or failed for good; no more attempts will be made."""
        return self.state != "pending"

    @property
    def last_attempt(self) -> DeliveryAttempt | None:
        """The most recent attempt, if any was made."""
        return self.attempts[-1] if self.attempts else None

    def with_attempt(self, attempt: DeliveryAttempt) -> Delivery:
        """The snapshot after ``attempt``; refuses attempts that do not belong here."""
        if attempt.delivery_id != self.id:
            raise ValueError(f"attempt for {attempt.delivery_id} recorded on {self.id}")
        if self.finished:
            raise ValueError(f"delivery {self.id} is already {self.state}")
        if attempt.number != len(self.attempts) + 1:
            raise ValueError(f"expected attempt {len(self.attempts) + 1}, got {attempt.number}")
        return replace(self, state=_STATE_AFTER[attempt.outcome], attempts=(*self.attempts, attempt))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict with the attempts nested (without repeating url and payload)."""
        return {
            "id": self.id,
            "task_id": self.task_id,
            "url": self.url,
            "payload": copy.deepcopy(dict(self.payload)),
            "created_at": self.created_at,
            "state": self.state,
            "attempts": [a.as_dict(include_delivery=False) for a in self.attempts],
        }


class DeliveryRecords(Protocol):
    """What a dispatcher and its readers need of a log: :class:`DeliveryLog` in memory, or one kept
    in a state file several processes share (:class:`tonn_mock.state.deliveries.SqliteDeliveryLog`)."""

    def add(self, delivery: Delivery) -> None: ...

    def record(self, attempt: DeliveryAttempt) -> Delivery: ...

    def get(self, delivery_id: str) -> Delivery: ...

    def deliveries(
        self, task_id: str | None = None, state: DeliveryState | None = None
    ) -> list[Delivery]: ...

    def attempts(
        self, task_id: str | None = None, delivery_id: str | None = None
    ) -> list[DeliveryAttempt]: ...

    def as_dict(self, task_id: str | None = None) -> dict[str, Any]: ...

    def clear(self) -> None: ...

    def __len__(self) -> int: ...


class DeliveryLog:
    """Thread-safe record of deliveries (in enqueue order) and attempts (in completion order)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._deliveries: dict[str, Delivery] = {}
        self._attempts: list[DeliveryAttempt] = []

    def add(self, delivery: Delivery) -> None:
        """Register a new delivery, normally still pending with no attempts."""
        with self._lock:
            if delivery.id in self._deliveries:
                raise ValueError(f"delivery {delivery.id} is already logged")
            self._deliveries[delivery.id] = delivery

    def record(self, attempt: DeliveryAttempt) -> Delivery:
        """Append an attempt to its delivery and return the delivery's new snapshot."""
        with self._lock:
            current = self._deliveries.get(attempt.delivery_id)
            if current is None:
                raise UnknownDelivery(f"no delivery {attempt.delivery_id} in the log")
            updated = current.with_attempt(attempt)
            self._deliveries[updated.id] = updated
            self._attempts.append(attempt)
            return updated

    def get(self, delivery_id: str) -> Delivery:
        """The current snapshot of one delivery."""
        with self._lock:
            try:
                return self._deliveries[delivery_id]
            except KeyError:
                raise UnknownDelivery(f"no delivery {delivery_id} in the log") from None

    def deliveries(self, task_id: str | None = None, state: DeliveryState | None = None) -> list[Delivery]:
        """Deliveries in enqueue order, optionally only one task's and/or one state's."""
        with self._lock:
            found = list(self._deliveries.values())
        return [
            d
            for d in found
            if (task_id is None or d.task_id == task_id) and (state is None or d.state == state)
        ]

    def attempts(self, task_id: str | None = None, delivery_id: str | None = None) -> list[DeliveryAttempt]:
        """Attempts in the order they completed, optionally one task's or one delivery's."""
        with self._lock:
            found = list(self._attempts)
        return attempts_of(found, task_id, delivery_id)

    def as_dict(self, task_id: str | None = None) -> dict[str, Any]:
        """JSON-ready view for the control plane: deliveries plus a count per state."""
        return log_view(self.deliveries(task_id))

    def clear(self) -> None:
        """Forget everything (the mock's reset)."""
        with self._lock:
            self._deliveries.clear()
            self._attempts.clear()

    def __len__(self) -> int:
        """Number of deliveries logged."""
        with self._lock:
            return len(self._deliveries)


def attempts_of(
    attempts: Iterable[DeliveryAttempt], task_id: str | None, delivery_id: str | None
) -> list[DeliveryAttempt]:
    """The attempts of one task and/or one delivery (all, for ``None``)."""
    return [
        a
        for a in attempts
        if (task_id is None or a.task_id == task_id) and (delivery_id is None or a.delivery_id == delivery_id)
    ]


def log_view(deliveries: list[Delivery]) -> dict[str, Any]:
    """A log's JSON-ready view for the control plane: deliveries plus a count per state."""
    counts = {state: 0 for state in ("pending", "delivered", "failed")}
    for delivery in deliveries:
        counts[delivery.state] += 1
    return {"counts": counts, "deliveries": [d.as_dict() for d in deliveries]}


def sequential_ids(prefix: str = "whd_") -> Callable[[], str]:
    """Deterministic delivery ids (``whd_000001``, …) so logs are reproducible between runs."""
    counter = itertools.count(1)
    return lambda: f"{prefix}{next(counter):06d}"


def snapshot(payload: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-copy the payload through strict JSON: later caller mutations cannot leak into the
    log, and a payload that cannot be sent fails in the caller's thread, not in a worker."""
    copied: dict[str, Any] = json.loads(json.dumps(dict(payload), allow_nan=False))
    return copied
