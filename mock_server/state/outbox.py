"""Webhooks when several processes share one state file: logged by any, sent by one.

``enqueue`` only logs the delivery, inside the transaction of the state change it announces.
The process that sends (the housekeeper worker, or the only process) runs a *pump*: it reads the
pending deliveries in the order they were logged and hands each to its
:class:`~tonn_mock.webhooks.WebhookDispatcher` once, which sends them with the usual per-task
order, per-receiver isolation and retry policy, recording every attempt in the shared log. So
each state change is sent once however many workers there are, and a delivery pending when a
mock stopped (cleanly or killed) is sent by the next one on the same state: its attempts go on
from those logged. A delivery that got its 2xx is recorded delivered and never sent again; only
a process killed between a receiver's 2xx and that record can make the next run send it twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from tonn_mock.core.clock import Clock
from tonn_mock.state.deliveries import SqliteDeliveryLog
from tonn_mock.state.sqlite import SqliteStore
from tonn_mock.webhooks import Delivery, DeliveryAttempt, RetryPolicy, WebhookDispatcher, WebhookSender
from tonn_mock.webhooks.log import snapshot

log = logging.getLogger("tonn_mock")
PUMP_SECONDS = 0.2
"""How often the sending process looks for deliveries other workers logged."""
POLL_SECONDS = 0.02
RESETS = "resets"
"""The number counting control-API resets, so the sender drops what it queued before one."""


class DurableWebhooks:
    """The dispatcher's interface (as the backend and control API use it) over the shared log."""

    def __init__(
        self,
        store: SqliteStore,
        sender: WebhookSender | None,
        policy: RetryPolicy,
        *,
        clock: Clock,
        sends: bool,
        on_attempt: Callable[[DeliveryAttempt], None] | None = None,
    ) -> None:
        self._store = store
        self.log = SqliteDeliveryLog(store)
        self._clock = clock
        self._dispatcher = WebhookDispatcher(sender, policy, self.log, clock=clock, on_attempt=on_attempt)
        self._sends = sends
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._pumped, self._resets = 0, store.number(RESETS)
        self._pump = threading.Thread(target=self._run, name="tonn-webhook-pump", daemon=True)
        if sends:
            self._pump.start()

    @property
    def policy(self) -> RetryPolicy:
        return self._dispatcher.policy

    def enqueue(self, task_id: str, url: str, payload: Mapping[str, Any]) -> Delivery:
        """Log one webhook (in the caller's transaction); the sending process sends it."""
        body = snapshot(payload)
        delivery_id = f"whd_{self._store.next_number('delivery'):06d}"
        delivery = Delivery(
            delivery_id, task_id, url, body, self._clock.wall().isoformat(timespec="milliseconds")
        )
        self.log.add(delivery)
        self._store.after_commit(self._wake.set)
        return delivery

    def start_sending(self) -> None:
        """Become the sending process (the one that sent before has ended)."""
        if not self._sends:
            self._sends = True
            self._pump.start()

    def pending_count(self) -> int:
        return self.log.pending_count()

    def forget_everything(self) -> None:
        """The control API's reset: empty the shared state; the sender drops what it queued."""
        with self._store.atomic():
            self._store.clear()
            self._store.next_number(RESETS)

    def wait_idle(self, timeout: float) -> bool:
        return self._poll(lambda: self.log.pending_count() == 0, timeout)

    def wait_for(self, predicate: Callable[[Delivery], bool], timeout: float) -> Delivery | None:
        found: list[Delivery] = []

        def matched() -> bool:
            found[:] = [d for d in self.log.deliveries() if predicate(d)][:1]
            return bool(found)

        self._poll(matched, timeout)
        return found[0] if found else None

    def close(self, timeout: float = 5.0) -> list[Delivery]:
        """Stop sending; the deliveries still pending stay in the log for the next start."""
        if self._stop.is_set():
            return []
        self._stop.set()
        self._wake.set()
        if self._pump.is_alive():
            self._pump.join(timeout)
        self._dispatcher.close(timeout)
        return self.log.deliveries(state="pending")

    def check(self) -> None:
        self._dispatcher.check()

    def _poll(self, done: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL_SECONDS)
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(PUMP_SECONDS)
            self._wake.clear()
            if not self._stop.is_set():
                try:
                    self._pump_once()
                except Exception:  # a busy or closed file: try again at the next pass
                    log.exception("webhook pump: could not read the pending deliveries")

    def _pump_once(self) -> None:
        """Hand the deliveries logged since the last pass to the dispatcher, once each."""
        resets = self._store.number(RESETS)
        if resets != self._resets:  # another worker reset the mock: what was queued is gone
            self._resets, self._pumped = resets, 0
            self._dispatcher.reset(clear_log=False)
        for seq, delivery in self.log.pending_after(self._pumped):
            self._dispatcher.resume(delivery)
            self._pumped = seq
