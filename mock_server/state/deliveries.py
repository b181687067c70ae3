"""The webhook delivery log in the state file: the queue every worker writes to, and the record
the control API of any worker reads.

A delivery is logged in the same transaction as the state change it announces, so a change
that is saved always has its webhook, and one that is rolled back never has one. Only one
process sends (see :mod:`tonn_mock.state.outbox`); it records each attempt as it ends.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from typing import Any

from tonn_mock.state.sqlite import SqliteStore
from tonn_mock.webhooks.errors import UnknownDelivery
from tonn_mock.webhooks.log import Delivery, DeliveryAttempt, DeliveryState, attempts_of, log_view


class SqliteDeliveryLog:
    """The interface of :class:`~tonn_mock.webhooks.DeliveryLog` over two tables of the state."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        self._seen: dict[str, Delivery] = {}
        """The deliveries read lately, so one a reset removed can still be named (bounded)."""
        self._lock = threading.Lock()

    def add(self, delivery: Delivery) -> None:
        with self._store.atomic():
            self._store.execute(
                "INSERT INTO deliveries (id, task_id, state, record) VALUES (?, ?, ?, ?)",
                (delivery.id, delivery.task_id, delivery.state, _dump(delivery)),
            )

    def record(self, attempt: DeliveryAttempt) -> Delivery:
        """Append an attempt; an attempt on a delivery a reset removed is kept out of the log."""
        with self._store.atomic():
            current = self._find(attempt.delivery_id)
            if current is None:
                return self._forgotten_since(attempt)
            updated = current.with_attempt(attempt)
            self._store.execute(
                "UPDATE deliveries SET state = ?, record = ? WHERE id = ?",
                (updated.state, _dump(updated), updated.id),
            )
            self._store.execute(
                "INSERT INTO attempts (delivery_id, task_id, record) VALUES (?, ?, ?)",
                (attempt.delivery_id, attempt.task_id, json.dumps(dataclasses.asdict(attempt))),
            )
            return updated

    def get(self, delivery_id: str) -> Delivery:
        found = self._find(delivery_id)
        if found is None:
            with self._lock:
                found = self._seen.get(delivery_id)
        if found is None:
            raise UnknownDelivery(f"no delivery {delivery_id} in the log")
        return found

    def deliveries(self, task_id: str | None = None, state: DeliveryState | None = None) -> list[Delivery]:
        sql, parameters = "SELECT record FROM deliveries WHERE 1 = 1", []
        if task_id is not None:
            sql, parameters = f"{sql} AND task_id = ?", [task_id]
        if state is not None:
            sql, parameters = f"{sql} AND state = ?", [*parameters, state]
        rows = self._store.execute(f"{sql} ORDER BY seq", tuple(parameters)).fetchall()
        return [_load(row[0]) for row in rows]

    def pending_after(self, seq: int) -> list[tuple[int, Delivery]]:
        """Pending deliveries logged after position ``seq``, in the order they were logged."""
        rows = self._store.execute(
            "SELECT seq, record FROM deliveries WHERE state = 'pending' AND seq > ? ORDER BY seq", (seq,)
        ).fetchall()
        return [(int(row[0]), _load(row[1])) for row in rows]

    def pending_count(self) -> int:
        return int(
            self._store.execute("SELECT count(*) FROM deliveries WHERE state = 'pending'").fetchone()[0]
        )

    def attempts(self, task_id: str | None = None, delivery_id: str | None = None) -> list[DeliveryAttempt]:
        rows = self._store.execute("SELECT record FROM attempts ORDER BY seq").fetchall()
        return attempts_of((DeliveryAttempt(**json.loads(row[0])) for row in rows), task_id, delivery_id)

    def as_dict(self, task_id: str | None = None) -> dict[str, Any]:
        return log_view(self.deliveries(task_id))

    def clear(self) -> None:
        with self._store.atomic():
            self._store.execute("DELETE FROM deliveries")
            self._store.execute("DELETE FROM attempts")

    def __len__(self) -> int:
        return int(self._store.execute("SELECT count(*) FROM deliveries").fetchone()[0])

    def _find(self, delivery_id: str) -> Delivery | None:
        row = self._store.execute("SELECT record FROM deliveries WHERE id = ?", (delivery_id,)).fetchone()
        if row is not None:
            delivery = _load(row[0])
            with self._lock:
                self._seen[delivery.id] = delivery
                while len(self._seen) > 1000:
                    self._seen.pop(next(iter(self._seen)))
            return delivery
        return None

    def _forgotten_since(self, attempt: DeliveryAttempt) -> Delivery:
        """What a delivery removed by a reset would look like after ``attempt`` (never saved)."""
        with self._lock:
            known = self._seen.pop(attempt.delivery_id, None)
        if known is None or known.finished or attempt.number != len(known.attempts) + 1:
            return Delivery(
                attempt.delivery_id, attempt.task_id, attempt.url, attempt.payload, attempt.started_at
            )
        return known.with_attempt(attempt)


def _dump(delivery: Delivery) -> str:
    record = dataclasses.asdict(delivery)
    return json.dumps(record)


def _load(text: str) -> Delivery:
    record = json.loads(text)
    attempts = tuple(DeliveryAttempt(**attempt) for attempt in record.pop("attempts"))
    return Delivery(**record, attempts=attempts)
