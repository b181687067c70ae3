"""``MockControl``: the control plane as Python methods with domain verbs.

Each method marked with :func:`~tonn_mock.control.verbs.verb` also answers over HTTP under
``/_mock/`` (the routes are derived from these declarations, see :mod:`.routes`), so the same
script works in-process and against ``tonn-mock serve``. The pytest plugin's ``tonn_mock``
fixture is a subclass with test conveniences.

Every name a call takes - an operation, a lifecycle, a task id, a progression policy - is checked
first (:mod:`.names`): a wrong one is a :class:`~tonn_mock.control.errors.ControlError` that lists
what is valid, never a call that is accepted and then silently does nothing.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Flask

from tonn_mock.audio.picture import WAVEFORM_POINTS
from tonn_mock.backend import MockBackend, Seams
from tonn_mock.backend.faults import Fault
from tonn_mock.backend.journal import describe
from tonn_mock.control import names, result_audio
from tonn_mock.control.errors import ControlError, TaskFinished, UnknownTask
from tonn_mock.control.verbs import verb
from tonn_mock.core.clock import FakeClock
from tonn_mock.core.settings import Settings
from tonn_mock.gateway.request import EXTENSION, current_backend
from tonn_mock.tasks.progression import parse_policy
from tonn_mock.webhooks import Delivery

__all__ = ["ControlError", "MockControl", "TaskFinished", "UnknownTask"]


class MockControl:
    def __init__(self, app: Flask) -> None:
        self.app = app

    @property
    def backend(self) -> MockBackend:
        """The mock's backend (inside one of its requests, the one that request uses)."""
        return current_backend(self.app)

    @property
    def spec(self) -> dict[str, Any]:
        spec: dict[str, Any] = self.app.extensions["tonn_mock.spec"]
        return spec

    # lifecycle of the whole mock -------------------------------------------------------------

    @verb("POST", "/reset", answer_key="reset")
    def reset(self, settings: Settings | None = None, seams: Seams | None = None) -> None:
        """Forget every task, upload, delivery, fault, balance and journaled request: a fresh backend.

        ``settings``/``seams`` rebuild it differently (the pytest plugin's per-test options).
        """
        with backend_swap(self.app):
            old: MockBackend = self.app.extensions[EXTENSION]
            old.forget_everything()
            self.app.extensions[EXTENSION] = MockBackend(
                settings or old.settings, seams or old.seams, old.catalog
            )
            self.app.extensions["tonn_mock.errors"].clear()
        old.retire()  # its storage closes when the requests still using it have answered

    def errors(self) -> list[BaseException]:
        """Exceptions raised inside the mock since the last reset: each answered with a 500, or met
        by a task's work outside any answer (the task then stays running)."""
        return [*self.app.extensions["tonn_mock.errors"], *self.backend.errors]

    # tasks -----------------------------------------------------------------------------------

    @verb("GET", "/tasks")
    def tasks(self, lifecycle: str | None = None) -> list[dict[str, Any]]:
        names.check_lifecycle(self.backend, lifecycle)
        return [t.as_dict() for t in self.backend.tasks.store.tasks() if lifecycle in (None, t.lifecycle)]

    @verb("GET", "/tasks/<task_id>")
    def task(self, task_id: str) -> dict[str, Any]:
        return names.find_task(self.backend, task_id).as_dict()

    @verb("GET", "/tasks/<task_id>/audio")
    def audio_files(self, task_id: str) -> list[dict[str, Any]]:
        """The task's result audio files: name, preview or final, storage key, and a root-relative
        signed URL that plays or downloads each."""
        return result_audio.describe(self.backend, names.find_task(self.backend, task_id))

    @verb("GET", "/tasks/<task_id>/audio/<name>")
    def audio_picture(self, task_id: str, name: str, points: int = WAVEFORM_POINTS) -> dict[str, Any]:
        """The waveform (``points`` buckets) and short-term loudness curve of the result file ``name``,
        with its integrated loudness and sample peak (the file is rendered first if still pending)."""
        return result_audio.picture_of(self.backend, names.find_task(self.backend, task_id), name, points)

    @verb("POST", "/tasks/<task_id>/advance")
    def advance(self, task_id: str, steps: int = 1) -> dict[str, Any]:
        """Move a running task ``steps`` states on (409 once it has finished)."""
        names.check_positive("steps", steps)
        names.running_task(self.backend, task_id, "advance")
        return self.backend.tasks.advance(task_id, steps).as_dict()

    @verb("POST", "/tasks/<task_id>/complete")
    def complete(self, task_id: str) -> dict[str, Any]:
        """Finish a task with its results (a completed task is returned as it is; a failed one is 409)."""
        task = names.find_task(self.backend, task_id)
        if task.state == self.backend.catalog.lifecycles[task.lifecycle].failed:
            raise TaskFinished(f"cannot complete task {task_id!r}: it has failed in state {task.state}")
        return self.backend.tasks.complete(task_id).as_dict()

    @verb("POST", "/tasks/<task_id>/fail")
    def fail(self, task_id: str, message: str = "Processing failed.") -> dict[str, Any]:
        """End a running task in its FAILED state with ``message`` (409 once it has finished)."""
        names.running_task(self.backend, task_id, "fail")
        return self.backend.tasks.fail(task_id, message).as_dict()

    @verb("POST", "/failures", answer_key="planned")
    def fail_next(
        self, message: str = "Processing failed.", count: int = 1, lifecycle: str | None = None
    ) -> None:
        """The next ``count`` tasks (of ``lifecycle``, or any) end in their FAILED state."""
        names.check_positive("count", count)
        names.check_lifecycle(self.backend, lifecycle)
        self.backend.tasks.plan_failure(message, count, lifecycle)

    @verb("PUT", "/progression", answer_key="policy")
    def set_progression(self, policy: str) -> str:
        names.check_policy(policy)
        self.backend.tasks.policy = parse_policy(policy)
        return self.backend.tasks.policy.describe()

    @verb("GET", "/progression", answer_key="policy")
    def progression(self) -> str:
        return self.backend.tasks.policy.describe()

    @verb("POST", "/tick", answer_key="checked")
    def tick(self) -> int:
        """Bring every running task up to date with the policy; returns how many were checked."""
        running = self.backend.tasks.running_tasks()
        for task in running:
            self.backend.tasks.catch_up(task.id)
        return len(running)

    @verb("POST", "/clock/advance", answer_key="now")
    def advance_clock(self, seconds: float) -> float:
        """Move a fake clock forward, then tick (only with an injected ``FakeClock``)."""
        clock = self.backend.clock
        if not isinstance(clock, FakeClock):
            raise ControlError("the clock can only be advanced when the mock runs on a FakeClock")
        names.check_clock_step(clock.now(), seconds)
        now = clock.advance(seconds)
        self.tick()
        return now

    # webhooks --------------------------------------------------------------------------------

    @verb("GET", "/webhooks")
    def webhooks(self, task_id: str | None = None) -> list[dict[str, Any]]:
        if task_id is not None:
            names.find_task(self.backend, task_id)
        return [d.as_dict() for d in self.backend.webhooks.log.deliveries(task_id)]

    def wait_for_webhook(
        self, task_id: str | None = None, state: str | None = None, timeout: float = 5.0
    ) -> Delivery | None:
        """The first finished delivery matching ``task_id`` / payload ``state`` or ``status``."""
        if task_id is not None:
            names.find_task(self.backend, task_id)

        def matches(delivery: Delivery) -> bool:
            payload = delivery.payload
            return (
                delivery.finished
                and task_id in (None, delivery.task_id)
                and state in (None, payload.get("state"), payload.get("status"))
            )

        return self.backend.webhooks.wait_for(matches, timeout)

    def wait_for_webhooks_idle(self, timeout: float = 5.0) -> bool:
        return self.backend.webhooks.wait_idle(timeout)

    def pending_webhooks(self) -> int:
        return self.backend.webhooks.pending_count()

    # faults and credits ------------------------------------------------------------------------

    @verb("POST", "/faults")
    def inject_fault(
        self,
        operation: str | None = None,
        *,
        status: int | None = None,
        count: int | None = None,
        latency: float = 0.0,
        error_rate: float = 0.0,
        seed: int | None = None,
        message: str | None = None,
    ) -> dict[str, Any]:
        """Script a fault for ``operation`` (an operationId or a path; ``None``: every operation)."""
        names.check_operation(self.spec, operation)
        try:
            fault = Fault(operation, status, count, latency, error_rate, seed, message)
        except ValueError as problem:
            raise ControlError(str(problem)) from None
        self.backend.faults.add(fault)
        return fault.as_dict()

    @verb("GET", "/faults")
    def faults(self) -> list[dict[str, Any]]:
        return self.backend.faults.active()

    @verb("DELETE", "/faults", answer_key="cleared")
    def clear_faults(self) -> None:
        self.backend.faults.clear()

    @verb("GET", "/credits", "/credits/<key>", answer_key="credits")
    def credits(self, key: str | None = None) -> int:
        """The credit balance of ``key``. Without one: the balance of the one key your code has
        sent (the only key of the requests answered since the reset), or the starting balance if
        none came yet; several keys make it ambiguous (a 400 naming them)."""
        if key is None:
            seen = self.backend.journal.keys()
            if len(seen) > 1:
                raise ControlError(
                    f"credits() without a key is ambiguous: requests came with {len(seen)} keys "
                    f"({', '.join(seen)}); name the key"
                )
            if not seen:
                return self.backend.ledger.initial
            key = seen[0]
        return self.backend.ledger.balance(key)

    @verb("PUT", "/credits", "/credits/<key>", answer_key="credits")
    def set_credits(self, credits: int, key: str | None = None) -> int:
        """Set the credit balance of ``key``; without one, of every key (and of keys to come)."""
        names.check_credits(credits)
        if key is None:
            self.backend.ledger.set_every_balance(credits)
            return credits
        self.backend.ledger.set_balance(key, credits)
        return self.credits(key)

    # the request journal -----------------------------------------------------------------------

    @verb("GET", "/requests")
    def requests(
        self,
        operation: str | None = None,
        task_id: str | None = None,
        key: str | None = None,
        method: str | None = None,
        path: str | None = None,
        status: int | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """The requests the mock answered, oldest first (at most the newest 1000), filtered by
        operationId (or path), task id, key, method, path or status; ``limit`` keeps the newest."""
        names.check_operation(self.spec, operation)
        if limit is not None:
            names.check_positive("limit", limit)
        if operation is not None and operation.startswith("/"):
            operation, path = None, operation
        found = self.backend.journal.entries(
            operation=operation, task_id=task_id, key=key, method=method, path=path, status=status
        )
        return found[-limit:] if limit else found

    def assert_called(
        self,
        operation: str,
        times: int | None = None,
        *,
        task_id: str | None = None,
        key: str | None = None,
        status: int | None = None,
    ) -> list[dict[str, Any]]:
        """Assert ``operation`` was called ``times`` times (default: at least once) with the given
        task id, key and status; returns those requests. The AssertionError lists every request
        the mock answered."""
        __tracebackhide__ = True
        found = self.requests(operation, task_id=task_id, key=key, status=status)
        if (times is None and found) or len(found) == times:
            return found
        wanted = {"task_id": task_id, "key": key, "status": status}
        where = "".join(f" {name}={value!r}" for name, value in wanted.items() if value is not None)
        expected = "at least once" if times is None else f"{times} time(s)"
        answered = self.requests()
        raise AssertionError(
            f"expected {operation}{where} to be called {expected}, it was called {len(found)} time(s); "
            f"the mock answered {len(answered)} request(s):\n{describe(answered)}"
        )

    @verb("GET", "/")
    def overview(self) -> dict[str, Any]:
        """What the mock is doing: its progression, task count, pending webhooks, faults and the
        credit balance of each key that has called it. A browser (``Accept: text/html``) gets the
        inspector page at this address instead."""
        ledger, callers = self.backend.ledger, self.backend.journal.keys()
        return {
            "progression": self.progression(),
            "tasks": len(self.tasks()),
            "pending_webhooks": self.pending_webhooks(),
            "faults": self.faults(),
            "credits": {key: ledger.balance(key) for key in callers},
            "credits_enabled": ledger.enabled,
        }


def backend_swap(app: Flask) -> threading.Lock:
    """Held while ``app``'s backend is swapped (a reset) or takes a new role: one change at a time."""
    lock: threading.Lock = app.extensions.setdefault("tonn_mock.reset", threading.Lock())
    return lock
