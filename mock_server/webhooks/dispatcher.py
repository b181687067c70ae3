"""Background webhook delivery: per-task order, per-receiver isolation, retries as data.

Why it is shaped like this:

* ``enqueue`` only appends to memory and returns, so a Flask request handler that fires a
  webhook never waits on the receiver.
* Each task has a FIFO *lane*; only a lane's head is ever scheduled, so a task's second
  notification is never sent before its first is delivered or has finally failed (Tonn sends
  several per task: pending, started, completed…).
* Each *receiver* (the scheme, host and port of a webhook URL) has its own heap of scheduled
  heads, ordered by due time, and its own ``workers`` threads, started when it first has work and
  ended after :data:`IDLE_SECONDS` without any. A receiver that stalls, drips or refuses ties up
  only its own workers: another receiver's deliveries never queue behind it. An attempt is
  bounded as a whole by the policy's timeout (the sender's deadline), not per socket read.
* A backoff wait is just a future due time in a heap; workers are busy only while an HTTP
  attempt is in flight.
* Backoff waits go through the injected :class:`Clock`; a :class:`FakeClock` makes them instant.
  Timeouts given to ``wait_idle``/``wait_for``/``close`` are real seconds: they bound waits for
  threads, not simulated time.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from tonn_mock.core.clock import Clock, SystemClock
from tonn_mock.webhooks.errors import DeliveryError, DispatcherClosed, WebhookError, WebhookWorkerError
from tonn_mock.webhooks.log import (
    Delivery,
    DeliveryAttempt,
    DeliveryLog,
    DeliveryRecords,
    sequential_ids,
    snapshot,
)
from tonn_mock.webhooks.policy import Outcome, RetryPolicy
from tonn_mock.webhooks.sender import HttpxWebhookSender, WebhookSender

AttemptHook = Callable[[DeliveryAttempt], None]
"""Called in a worker thread after every attempt, before the log shows it."""
IDLE_SECONDS = 2.0
"""A receiver's workers end after this long (real seconds) without work."""
MAX_THREADS = 64
"""Worker threads of all receivers together; past it, a new receiver waits for a thread."""


def receiver_of(url: str) -> str:
    """The receiver a webhook URL names: its scheme, host and port (``http://127.0.0.1:8000``)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    return f"{parts.scheme}://{parts.hostname or ''}:{port or ''}".lower()


def _iso(clock: Clock) -> str:
    """The clock's wall time as ISO 8601 with milliseconds."""
    return clock.wall().isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class _Job:
    """One attempt handed to a worker; ``generation`` detects results made stale by reset()."""

    generation: int
    delivery: Delivery
    number: int


class WebhookDispatcher:
    """Delivers webhooks in daemon worker threads, ``workers`` per receiver, started when the
    receiver first has work (at most ``max_threads`` in all).

    ``sender`` defaults to an :class:`HttpxWebhookSender` owned (and closed) by the dispatcher;
    ``policy`` to :class:`RetryPolicy()`; ``log`` to a fresh :class:`DeliveryLog`; ``clock`` to
    :class:`SystemClock`; ``ids`` to :func:`sequential_ids`. All methods are thread-safe.
    """

    def __init__(
        self,
        sender: WebhookSender | None = None,
        policy: RetryPolicy | None = None,
        log: DeliveryRecords | None = None,
        *,
        clock: Clock | None = None,
        workers: int = 2,
        on_attempt: AttemptHook | None = None,
        ids: Callable[[], str] | None = None,
        max_threads: int = MAX_THREADS,
        idle: float = IDLE_SECONDS,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self._owned_sender: HttpxWebhookSender | None = None
        if sender is None:
            sender = self._owned_sender = HttpxWebhookSender()
        self._sender = sender
        self._policy = policy or RetryPolicy()
        self._log: DeliveryRecords = log if log is not None else DeliveryLog()
        self._clock: Clock = clock or SystemClock()
        self._worker_count, self._max_threads, self._idle = workers, max(max_threads, workers), idle
        self._on_attempt = on_attempt
        self._ids = ids or sequential_ids()
        self._cond = threading.Condition(threading.RLock())
        self._lanes: dict[str, deque[str]] = {}
        self._receivers: dict[str, str] = {}  # delivery id -> receiver
        self._due: dict[str, list[tuple[float, int, str]]] = {}  # receiver -> heap of due heads
        self._staff: dict[str, int] = {}  # receiver -> live workers
        self._tiebreak = itertools.count()
        self._names = itertools.count()
        self._attempt_counts: dict[str, int] = {}
        self._generation = 0
        self._threads: set[threading.Thread] = set()
        self._closed = False
        self._errors: list[BaseException] = []

    @property
    def policy(self) -> RetryPolicy:
        """The retry policy in force."""
        return self._policy

    @property
    def log(self) -> DeliveryRecords:
        """The delivery log this dispatcher writes to; read it freely, clear it only via reset()."""
        return self._log

    @property
    def sender(self) -> WebhookSender:
        """The seam every attempt goes through."""
        return self._sender

    def enqueue(self, task_id: str, url: str, payload: Mapping[str, Any]) -> Delivery:
        """Queue one webhook for ``task_id`` and return its pending snapshot without waiting.

        Raises ``TypeError``/``ValueError`` if the payload is not strict JSON and
        :class:`DispatcherClosed` after :meth:`close`.
        """
        body = snapshot(payload)
        with self._cond:
            if self._closed:
                raise DispatcherClosed("the webhook dispatcher is closed")
            delivery = Delivery(self._ids(), task_id, url, body, _iso(self._clock))
            self._log.add(delivery)
            self._receivers[delivery.id] = receiver_of(url)
            lane = self._lanes.setdefault(task_id, deque())
            lane.append(delivery.id)
            if len(lane) == 1:
                self._schedule(task_id, self._clock.monotonic())
            self._cond.notify_all()
        return delivery

    def resume(self, delivery: Delivery) -> None:
        """Schedule a delivery that is already in the log but not in this dispatcher (kept by an
        earlier run, or logged by another process sharing the log); its attempts continue from
        those logged. A finished delivery, or one already scheduled here, is left alone."""
        with self._cond:
            if self._closed:
                raise DispatcherClosed("the webhook dispatcher is closed")
            if delivery.finished or delivery.id in self._receivers:
                return
            self._receivers[delivery.id] = receiver_of(delivery.url)
            self._attempt_counts[delivery.id] = len(delivery.attempts)
            lane = self._lanes.setdefault(delivery.task_id, deque())
            lane.append(delivery.id)
            if len(lane) == 1:
                self._schedule(delivery.task_id, self._clock.monotonic())
            self._cond.notify_all()

    def pending_count(self) -> int:
        """Deliveries neither delivered nor finally failed (queued, in flight or backing off)."""
        with self._cond:
            return sum(len(lane) for lane in self._lanes.values())

    def wait_idle(self, timeout: float) -> bool:
        """Block until nothing is pending; False if ``timeout`` real seconds passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._lanes, timeout)

    def wait_for(self, predicate: Callable[[Delivery], bool], timeout: float) -> Delivery | None:
        """The first logged delivery (enqueue order) matching ``predicate``, waiting up to
        ``timeout`` real seconds for one to appear; None on timeout.

        The predicate sees whole snapshots, so it can test attempts too, e.g.
        ``lambda d: len(d.attempts) >= 2``. It runs under the dispatcher's lock: keep it cheap.
        """
        found: list[Delivery] = []

        def matched() -> bool:
            found[:] = [d for d in self._log.deliveries() if predicate(d)][:1]
            return bool(found)

        with self._cond:
            self._cond.wait_for(matched, timeout)
        return found[0] if found else None

    def close(self, timeout: float = 5.0) -> list[Delivery]:
        """Stop the workers (letting in-flight attempts finish within ``timeout`` real seconds)
        and return the deliveries left pending, so a test fixture can fail on them.
        """
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            threads = list(self._threads)
        deadline = time.monotonic() + timeout
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(max(0.0, deadline - time.monotonic()))
        if self._owned_sender is not None and not any(t.is_alive() for t in threads):
            self._owned_sender.close()
        return self._log.deliveries(state="pending")

    def reset(self, *, clear_log: bool = True) -> None:
        """Drop every queued delivery, the log and recorded worker errors (``/_mock/reset``).

        Attempts already in flight finish but their results are discarded. ``clear_log=False``
        keeps the log (a shared log that another process has cleared already).
        """
        with self._cond:
            self._generation += 1
            self._lanes.clear()
            self._receivers.clear()
            self._due.clear()
            self._attempt_counts.clear()
            self._errors.clear()
            if clear_log:
                self._log.clear()
            self._cond.notify_all()

    def check(self) -> None:
        """Raise :class:`WebhookWorkerError` if a sender or hook raised unexpectedly in a worker."""
        with self._cond:
            errors = list(self._errors)
        if errors:
            message = f"{len(errors)} unexpected error(s) in webhook workers; first: {errors[0]!r}"
            raise WebhookWorkerError(message) from errors[0]

    def __enter__(self) -> WebhookDispatcher:
        """Use as a context manager that closes on exit."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close with the default timeout."""
        self.close()

    # --- scheduling (called with self._cond held) ------------------------------------------

    def _schedule(self, task_id: str, due: float) -> None:
        """Make ``task_id``'s lane head eligible for a worker of its receiver at clock time ``due``."""
        receiver = self._receivers[self._lanes[task_id][0]]
        heapq.heappush(self._due.setdefault(receiver, []), (due, next(self._tiebreak), task_id))
        self._start_workers(receiver)

    def _start_workers(self, receiver: str) -> None:
        """Give a receiver that has work and no workers its own, so an unused receiver costs none."""
        if self._staff.get(receiver) or self._closed:
            return
        for _ in range(min(self._worker_count, self._max_threads - len(self._threads))):
            name = f"tonn-webhooks-{next(self._names)}"
            thread = threading.Thread(target=self._work, args=(receiver,), name=name, daemon=True)
            self._threads.add(thread)
            self._staff[receiver] = self._staff.get(receiver, 0) + 1
            thread.start()

    def _next_job(self, receiver: str) -> _Job | None:
        """Block until one of the receiver's lane heads is due and claim it; ``None`` when the
        dispatcher closes or the receiver has had no work for ``idle`` real seconds."""
        with self._cond:
            idle_until: float | None = None
            while not self._closed:
                heap = self._due.get(receiver)
                if heap:
                    idle_until = None
                    due, _, task_id = heap[0]
                    now = self._clock.monotonic()
                    if due > now:
                        self._clock.wait(self._cond, due - now)
                        continue
                    heapq.heappop(heap)
                    if not heap:
                        del self._due[receiver]
                    return self._claim(task_id)
                now = time.monotonic()
                idle_until = idle_until or now + self._idle
                if now >= idle_until:
                    break
                self._cond.wait(idle_until - now)
            self._end_worker(receiver)
            return None

    def _end_worker(self, receiver: str) -> None:
        """Retire the calling worker; a receiver left waiting for a thread gets this one's place."""
        self._threads.discard(threading.current_thread())
        self._staff[receiver] -= 1
        if not self._staff[receiver]:
            del self._staff[receiver]
        for waiting in [r for r, heap in self._due.items() if heap and not self._staff.get(r)]:
            self._start_workers(waiting)

    def _claim(self, task_id: str) -> _Job:
        """Number the next attempt of ``task_id``'s head delivery."""
        delivery_id = self._lanes[task_id][0]
        number = self._attempt_counts.get(delivery_id, 0) + 1
        self._attempt_counts[delivery_id] = number
        return _Job(self._generation, self._log.get(delivery_id), number)

    def _advance_lane(self, attempt: DeliveryAttempt) -> None:
        """After an attempt: schedule the retry, or retire the head and schedule the next one."""
        now = self._clock.monotonic()
        if attempt.outcome == "retrying":
            self._schedule(attempt.task_id, now + (attempt.retry_in or 0.0))
            return
        lane = self._lanes[attempt.task_id]
        lane.popleft()
        self._attempt_counts.pop(attempt.delivery_id, None)
        self._receivers.pop(attempt.delivery_id, None)
        if lane:
            self._schedule(attempt.task_id, now)
        else:
            del self._lanes[attempt.task_id]

    # --- worker side (no lock held while sending) ------------------------------------------

    def _work(self, receiver: str) -> None:
        """Worker loop of one receiver: claim a due head, attempt it, record the result."""
        while (job := self._next_job(receiver)) is not None:
            self._finish(job, self._attempt(job))

    def _attempt(self, job: _Job) -> DeliveryAttempt:
        """Make one HTTP attempt and describe it, including what the policy decided."""
        started_at, started = _iso(self._clock), self._clock.monotonic()
        outcome = self._send(job.delivery)
        duration_ms = (self._clock.monotonic() - started) * 1000.0
        decision = self._policy.decide(outcome, job.number)
        error = outcome if isinstance(outcome, BaseException) else None
        return DeliveryAttempt(
            delivery_id=job.delivery.id,
            task_id=job.delivery.task_id,
            number=job.number,
            url=job.delivery.url,
            payload=job.delivery.payload,
            started_at=started_at,
            started_monotonic=started,
            duration_ms=duration_ms,
            status_code=outcome if isinstance(outcome, int) else None,
            error=None if error is None else _describe(error),
            outcome=decision,
            retry_in=self._policy.delay_before(job.number + 1) if decision == "retrying" else None,
        )

    def _send(self, delivery: Delivery) -> Outcome:
        """Call the sender; a non-``DeliveryError`` exception is a bug, kept for :meth:`check`."""
        try:
            return self._sender.send(delivery.url, delivery.payload, self._policy.timeout)
        except DeliveryError as exc:
            return exc
        except Exception as exc:
            self._note_error(exc)
            return exc

    def _finish(self, job: _Job, attempt: DeliveryAttempt) -> None:
        """Run the hook, then publish the attempt, unless a reset made the job stale."""
        if job.generation == self._generation and self._on_attempt is not None:
            try:
                self._on_attempt(attempt)
            except Exception as exc:
                self._note_error(exc)
        with self._cond:
            if job.generation != self._generation:
                return
            self._log.record(attempt)
            self._advance_lane(attempt)
            self._cond.notify_all()

    def _note_error(self, exc: BaseException) -> None:
        """Keep an unexpected worker-side exception for :meth:`check`."""
        with self._cond:
            self._errors.append(exc)


def _describe(error: BaseException) -> str:
    """``"<code>: <message>"`` for our errors, ``"unexpected: <repr>"`` for anything else."""
    if isinstance(error, WebhookError):
        return error.describe()
    return f"unexpected: {error!r}"
