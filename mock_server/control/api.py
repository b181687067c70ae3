"""``MockControl``: the control plane as Python methods with domain verbs.

Each method marked with :func:`~tonn_mock.control.verbs.verb` also answers over HTTP under
``/_mock/`` (the routes are derived from these declarations, see :mod:`.routes`), so the same
script works in-process and against ``tonn-mock serve``. The pytest plugin's ``tonn_mock``
fixture is a subclass with test conveniences.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from tonn_mock.backend import MockBackend, Seams
from tonn_mock.backend.faults import Fault
from tonn_mock.control.verbs import verb
from tonn_mock.core.clock import FakeClock
from tonn_mock.core.settings import Settings
from tonn_mock.gateway.request import EXTENSION
from tonn_mock.tasks.progression import parse_policy
from tonn_mock.webhooks import Delivery


class ControlError(Exception):
    """A control request that cannot be carried out (bad arguments, wrong clock...)."""


class MockControl:
    def __init__(self, app: Flask) -> None:
        self.app = app

    @property
    def backend(self) -> MockBackend:
        backend: MockBackend = self.app.extensions[EXTENSION]
        return backend

    # lifecycle of the whole mock -------------------------------------------------------------

    @verb("POST", "/reset", answer_key="reset")
    def reset(self, settings: Settings | None = None, seams: Seams | None = None) -> None:
        """Forget every task, upload, delivery, fault and balance: a fresh backend.

        ``settings``/``seams`` rebuild it differently (the pytest plugin's per-test options).
        """
        old = self.backend
        self.app.extensions[EXTENSION] = MockBackend(
            settings or old.settings, seams or old.seams, old.catalog
        )
        self.app.extensions["tonn_mock.errors"].clear()
        old.close()

    def errors(self) -> list[BaseException]:
        """Exceptions raised inside the mock since the last reset (each answered with a 500)."""
        return list(self.app.extensions["tonn_mock.errors"])

    # tasks -----------------------------------------------------------------------------------

    @verb("GET", "/tasks")
    def tasks(self, lifecycle: str | None = None) -> list[dict[str, Any]]:
        return [t.as_dict() for t in self.backend.tasks.store.tasks() if lifecycle in (None, t.lifecycle)]

    @verb("GET", "/tasks/<task_id>")
    def task(self, task_id: str) -> dict[str, Any]:
        return self.backend.tasks.get(task_id).as_dict()

    @verb("POST", "/tasks/<task_id>/advance")
    def advance(self, task_id: str, steps: int = 1) -> dict[str, Any]:
        return self.backend.tasks.advance(task_id, steps).as_dict()

    @verb("POST", "/tasks/<task_id>/complete")
    def complete(self, task_id: str) -> dict[str, Any]:
        return self.backend.tasks.complete(task_id).as_dict()

    @verb("POST", "/tasks/<task_id>/fail")
    def fail(self, task_id: str, message: str = "Processing failed.") -> dict[str, Any]:
        return self.backend.tasks.fail(task_id, message).as_dict()

    @verb("POST", "/failures", answer_key="planned")
    def fail_next(
        self, message: str = "Processing failed.", count: int = 1, lifecycle: str | None = None
    ) -> None:
        """The next ``count`` tasks (of ``lifecycle``, or any) end in their FAILED state."""
        self.backend.tasks.plan_failure(message, count, lifecycle)

    @verb("PUT", "/progression", answer_key="policy")
    def set_progression(self, policy: str) -> str:
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
        now = clock.advance(seconds)
        self.tick()
        return now

    # webhooks --------------------------------------------------------------------------------

    @verb("GET", "/webhooks")
    def webhooks(self, task_id: str | None = None) -> list[dict[str, Any]]:
        return [d.as_dict() for d in self.backend.webhooks.log.deliveries(task_id)]

    def wait_for_webhook(
        self, task_id: str | None = None, state: str | None = None, timeout: float = 5.0
    ) -> Delivery | None:
        """The first finished delivery matching ``task_id`` / payload ``state`` or ``status``."""

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

    @verb("GET", "/credits/<key>", answer_key="credits")
    def credits(self, key: str) -> int:
        """The credit balance of ``key``."""
        return self.backend.ledger.balance(key)

    @verb("PUT", "/credits/<key>", answer_key="credits")
    def set_credits(self, credits: int, key: str | None = None) -> int:
        """Set the credit balance of ``key``; returns the balance now."""
        if key is None:
            raise ControlError("set_credits needs the key whose balance to set")
        if credits < 0:
            raise ControlError("credits must be >= 0")
        self.backend.ledger.set_balance(key, credits)
        return self.credits(key)

    @verb("GET", "/")
    def overview(self) -> dict[str, Any]:
        """What the mock is doing: its progression, task count, pending webhooks and faults."""
        return {
            "progression": self.progression(),
            "tasks": len(self.tasks()),
            "pending_webhooks": self.pending_webhooks(),
            "faults": self.faults(),
        }
