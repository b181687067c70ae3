"""The task service: creates tasks, walks them through their lifecycle and reports each change.

Callers (product services and the control API) never set a state themselves. They ask the
service to ``observe`` a task (a poll: count it, then catch up with the progression policy), or
to ``advance``/``complete``/``fail`` it. Every transition is checked against the lifecycle's
table, stamped with the clock, saved in the store, then handed to the task's own ``listener`` (if
``create`` was given one) and to ``on_transition`` (which fires the webhook). A task's ``work``
runs when the task completes, in the call that completes it: it checks the inputs and registers
the results, cheaply (files are rendered when first downloaded, values that need samples when
first asked for, see :meth:`TaskService.resolve`), so no call waits on audio work. A finished
task keeps only its record; the oldest finished tasks are forgotten past ``retain`` of them.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from tonn_mock.core.clock import Clock, IdFactory
from tonn_mock.core.errors import TaskNotFound
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import Task
from tonn_mock.tasks.progression import ProgressionPolicy
from tonn_mock.tasks.store import Store

Work = Callable[[str], Mapping[str, Any]]
"""A task's work at completion: given the task id, check its inputs and return its results (or
raise WorkFailed). It must be cheap: no decoding or rendering."""
TransitionListener = Callable[[Task], None]
Eviction = Callable[[Task], None]
WorkError = Callable[[Task, Exception], None]
"""Told when a task's work raised something other than :class:`WorkFailed`: a fault of the mock."""
_LOCK_STRIPES = 64


class WorkFailed(Exception):
    """Raised by task work whose input the real service would refuse (the task then fails)."""


@dataclass
class FailurePlan:
    """Scripted failures: the next ``count`` tasks (of ``lifecycle``, or any) end in FAILED."""

    message: str
    count: int
    lifecycle: str | None = None

    def applies_to(self, lifecycle: str) -> bool:
        return self.count > 0 and self.lifecycle in (None, lifecycle)


class TaskService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        ids: IdFactory,
        policy: ProgressionPolicy,
        on_transition: TransitionListener,
        lifecycles: Mapping[str, Lifecycle],
        retain: int | None = None,
        on_evict: Eviction | None = None,
        on_work_error: WorkError | None = None,
    ) -> None:
        self.store = store
        self.lifecycles = lifecycles
        self.clock = clock
        self.ids = ids
        self.policy = policy
        self._on_transition = on_transition
        self._retain = retain
        self._on_evict = on_evict
        self._on_work_error = on_work_error
        self._work: dict[str, Work] = {}
        self._listeners: dict[str, TransitionListener] = {}
        self._locks = [threading.RLock() for _ in range(_LOCK_STRIPES)]
        self._guard = threading.Lock()
        self._plans: list[FailurePlan] = []
        self._finished: deque[str] = deque()

    # creation and observation -------------------------------------------------------------

    def create(
        self,
        lifecycle: Lifecycle,
        *,
        owner: str,
        request: Mapping[str, Any],
        base_url: str,
        webhook_url: str | None,
        work: Work,
        id_prefix: str = "",
        listener: TransitionListener | None = None,
    ) -> Task:
        """Create a task in its initial state and catch up with the policy.

        ``listener`` (optional) is told about each transition of this task only, before the
        service-wide ``on_transition`` (webhooks): product-specific side effects such as
        refunding a credit reservation when the task fails. It must not raise.
        """
        now = self.clock.now()
        task = Task(
            id=self.ids.new(id_prefix),
            lifecycle=lifecycle.name,
            owner=owner,
            request=request,
            state=lifecycle.initial,
            created_at=now,
            base_url=base_url,
            webhook_url=webhook_url,
            planned_failure=self._take_failure_plan(lifecycle.name),
        ).moved_to(lifecycle.initial, now)
        self.store.add_task(task)
        if listener is not None:
            self._listeners[task.id] = listener
        self._work[task.id] = work
        self._announce(task)
        return self.catch_up(task.id)

    def get(self, task_id: str, owner: str | None = None) -> Task:
        """The task, if it exists and (when ``owner`` is given) belongs to that key."""
        task = self.store.get_task(task_id)
        if task is None or (owner is not None and task.owner != owner):
            raise TaskNotFound(task_id)
        return task

    def observe(self, task_id: str, owner: str) -> Task:
        """A client poll: count it, then bring the task up to date with the policy."""
        self.get(task_id, owner)
        self.store.update_task(task_id, lambda t: replace(t, polls=t.polls + 1))
        return self.catch_up(task_id)

    def catch_up(self, task_id: str) -> Task:
        """Perform the transitions the progression policy says are due."""
        with self._task_lock(task_id):
            task = self.get(task_id)
            lifecycle = self.lifecycles[task.lifecycle]
            if lifecycle.is_finished(task.state):
                return task
            elapsed = self.clock.now() - task.created_at
            target = self.policy.target_step(lifecycle.steps, task.polls, elapsed)
            while task.step < target and lifecycle.is_running(task.state):
                moved = self._step(task, lifecycle)
                if moved is task:
                    break  # its work could not run this time (see _finish)
                task = moved
            return task

    # control ------------------------------------------------------------------------------

    def advance(self, task_id: str, steps: int = 1) -> Task:
        with self._task_lock(task_id):
            task = self.get(task_id)
            lifecycle = self.lifecycles[task.lifecycle]
            for _ in range(steps):
                if not lifecycle.is_running(task.state):
                    break
                moved = self._step(task, lifecycle)
                if moved is task:
                    break
                task = moved
            return task

    def complete(self, task_id: str) -> Task:
        task = self.get(task_id)
        return self.advance(task_id, self.lifecycles[task.lifecycle].steps)

    def fail(self, task_id: str, message: str) -> Task:
        with self._task_lock(task_id):
            task = self.get(task_id)
            lifecycle = self.lifecycles[task.lifecycle]
            if not lifecycle.is_running(task.state):
                return task
            return self._move(task, lifecycle, lifecycle.failed, error=message)

    def follow_up(self, task_id: str, state: str, results: Mapping[str, Any]) -> Task:
        """Move a completed task on to a follow-up state (final master, final mix), once."""
        with self._task_lock(task_id):
            task = self.get(task_id)
            merged = {**task.results, **results}
            if state in (change.state for change in task.history):
                return self.store.update_task(task_id, lambda t: replace(t, results=merged))
            return self._move(task, self.lifecycles[task.lifecycle], state, results=merged)

    @contextlib.contextmanager
    def charged_once(self, task_id: str, charge: str, pay: Callable[[], int]) -> Iterator[int]:
        """Check and take the one-time ``charge`` of a task as one step: ``pay()`` (which debits
        the credits and returns the amount, or raises) runs only if the charge was not taken yet,
        and the charge is recorded only if the block succeeds. Yields the amount paid (0 when it
        was taken before); concurrent callers on one task are serialised, so nothing is paid twice.
        """
        with self._task_lock(task_id):
            if charge in self.get(task_id).charges:
                yield 0
                return
            yield pay()
            self.store.update_task(task_id, lambda t: replace(t, charges=t.charges | {charge}))

    def plan_failure(self, message: str, count: int = 1, lifecycle: str | None = None) -> None:
        with self._guard:
            self._plans.append(FailurePlan(message, count, lifecycle))

    def running_tasks(self) -> list[Task]:
        return [t for t in self.store.tasks() if self.lifecycles[t.lifecycle].is_running(t.state)]

    def resolve(self, task_id: str, name: str, compute: Callable[[], Any]) -> Any:
        """``results[name]`` of a finished task, computed by ``compute`` the first time it is asked
        for and kept with the task (values that need the input's samples)."""
        task = self.get(task_id)
        if name not in task.results:
            value = compute()
            task = self.store.update_task(task_id, lambda t: replace(t, results={name: value, **t.results}))
        return task.results[name]

    # internals ----------------------------------------------------------------------------

    def _step(self, task: Task, lifecycle: Lifecycle) -> Task:
        next_step = task.step + 1
        if next_step < lifecycle.steps:
            return self._move(task, lifecycle, lifecycle.state_at(next_step), step=next_step)
        return self._finish(task, lifecycle)

    def _finish(self, task: Task, lifecycle: Lifecycle) -> Task:
        """Run the task's work and complete it, or fail it if the product would refuse its input.

        Any other exception is the mock's own fault (a bug, a store closed under it), not the
        product's: the task is not failed for it. It stays where it is, unchanged (the very
        object given), its work kept for the next poll or tick, and ``on_work_error`` is told.
        """
        if task.planned_failure is not None:
            return self._move(task, lifecycle, lifecycle.failed, error=task.planned_failure)
        work = self._work.get(task.id)
        try:
            results = work(task.id) if work is not None else {}
        except WorkFailed as failure:
            return self._move(task, lifecycle, lifecycle.failed, error=str(failure))
        except Exception as fault:
            if self._on_work_error is not None:
                self._on_work_error(task, fault)
            return task
        return self._move(task, lifecycle, lifecycle.completed, step=lifecycle.steps, results=results)

    def _move(
        self,
        task: Task,
        lifecycle: Lifecycle,
        state: str,
        *,
        step: int | None = None,
        error: str | None = None,
        results: Mapping[str, Any] | None = None,
    ) -> Task:
        lifecycle.check(task.state, state)
        now = self.clock.now()

        def change(current: Task) -> Task:
            moved = current.moved_to(state, now, step=step)
            return replace(
                moved,
                error=error if error is not None else moved.error,
                results=results if results is not None else moved.results,
            )

        updated = self.store.update_task(task.id, change)
        self._announce(updated)
        return updated

    def _announce(self, task: Task) -> None:
        listener = self._listeners.get(task.id)
        if listener is not None:
            listener(task)
        if task.state in (self.lifecycles[task.lifecycle].completed, self.lifecycles[task.lifecycle].failed):
            self._listeners.pop(task.id, None)
            self._work.pop(task.id, None)
            self._finished.append(task.id)
        self._on_transition(task)
        self._forget_oldest_finished()

    def _task_lock(self, task_id: str) -> threading.RLock:
        """One of a fixed set of locks: the same task always gets the same one."""
        return self._locks[hash(task_id) % _LOCK_STRIPES]

    def _forget_oldest_finished(self) -> None:
        """Past ``retain`` finished tasks, the oldest are removed (with their files)."""
        while self._retain is not None and len(self._finished) > self._retain:
            with self._guard:
                task = self.store.remove_task(self._finished.popleft()) if self._finished else None
            if task is not None and self._on_evict is not None:
                self._on_evict(task)

    def _take_failure_plan(self, lifecycle: str) -> str | None:
        with self._guard:
            for plan in self._plans:
                if plan.applies_to(lifecycle):
                    plan.count -= 1
                    return plan.message
        return None
