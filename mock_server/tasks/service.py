"""The task service: creates tasks, walks them through their lifecycle and reports each change.

Callers (product services and the control API) never set a state themselves. They ask the
service to ``observe`` a task (a poll: count it, then catch up with the progression policy), or
to ``advance``/``complete``/``fail`` it. Every transition is checked against the lifecycle's
table, stamped with the clock, saved in the store and handed to ``on_transition`` (the product's
side effects and the webhook) in one atomic step of the store. The ``work`` of a task runs when
it completes, in the call that completes it: a function of the stored task alone (its product
finds it by the task's lifecycle), so any process sharing the store can complete any task. It
checks the inputs and registers the results, cheaply (files are rendered when first downloaded,
values that need samples when first asked for, see :meth:`TaskService.resolve`), so no call
waits on audio work. A finished task keeps only its record; the oldest finished tasks are
forgotten past ``retain`` of them.

The progression policy and the scripted failures live in the store too, so a change made through
one process's control API applies in all of them.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from tonn_mock.core.clock import Clock, IdFactory
from tonn_mock.core.errors import TaskNotFound
from tonn_mock.tasks.lifecycle import Lifecycle
from tonn_mock.tasks.models import StateChange, Task
from tonn_mock.tasks.progression import ProgressionPolicy, parse_policy
from tonn_mock.tasks.store import Store

Work = Callable[[Task], Mapping[str, Any]]
"""A task's work at completion: given the stored task, check its inputs and return its results
(or raise WorkFailed). It must be cheap (no decoding or rendering) and depend on the task only."""
TransitionListener = Callable[[Task], None]
Eviction = Callable[[str], None]
"""Told the id of each finished task forgotten past the retained number."""
WorkError = Callable[[Task, Exception], None]
"""Told when a task's work raised something other than :class:`WorkFailed`: a fault of the mock."""
_LOCK_STRIPES = 64
PROGRESSION, FAILURE_PLANS = "progression", "failure_plans"
"""The names of the run-time settings this service keeps in the store."""


class WorkFailed(Exception):
    """Raised by task work whose input the real service would refuse (the task then fails)."""


@dataclass(frozen=True)
class FailurePlan:
    """Scripted failures: the next ``count`` tasks (of ``lifecycle``, or any) end in FAILED."""

    message: str
    count: int
    lifecycle: str | None = None

    def applies_to(self, lifecycle: str) -> bool:
        return self.count > 0 and self.lifecycle in (None, lifecycle)

    def as_dict(self) -> dict[str, Any]:
        return {"message": self.message, "count": self.count, "lifecycle": self.lifecycle}


class TaskService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        ids: IdFactory,
        policy: ProgressionPolicy,
        on_transition: TransitionListener,
        lifecycles: Mapping[str, Lifecycle],
        work: Work | None = None,
        retain: int | None = None,
        on_evict: Eviction | None = None,
        on_work_error: WorkError | None = None,
    ) -> None:
        self.store = store
        self.lifecycles = lifecycles
        self.clock = clock
        self.ids = ids
        self._work = work
        self._on_transition = on_transition
        self._retain = retain
        self._on_evict = on_evict
        self._on_work_error = on_work_error
        self._locks = [threading.RLock() for _ in range(_LOCK_STRIPES)]
        self._guard = threading.Lock()
        if store.setting(PROGRESSION) is None:  # a shared store keeps the policy it was given
            self.policy = policy

    @property
    def policy(self) -> ProgressionPolicy:
        """The progression policy in force (kept in the store)."""
        return _policy(self.store.setting(PROGRESSION) or "immediate")

    @policy.setter
    def policy(self, policy: ProgressionPolicy) -> None:
        self.store.update_setting(PROGRESSION, lambda _: policy.describe())

    # creation and observation -------------------------------------------------------------

    def create(
        self,
        lifecycle: Lifecycle,
        *,
        owner: str,
        request: Mapping[str, Any],
        base_url: str,
        webhook_url: str | None,
        id_prefix: str = "",
    ) -> Task:
        """Create a task in its initial state and catch up with the policy."""
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
            history=(StateChange(lifecycle.initial, now),),
        )
        with self._task_lock(task.id), self.store.atomic():
            self.store.add_task(task)
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
        with self._task_lock(task_id), self.store.atomic():
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
        with self._task_lock(task_id), self.store.atomic():
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
        with self._task_lock(task_id), self.store.atomic():
            task = self.get(task_id)
            lifecycle = self.lifecycles[task.lifecycle]
            if not lifecycle.is_running(task.state):
                return task
            return self._move(task, lifecycle, lifecycle.failed, error=message)

    def follow_up(self, task_id: str, state: str, results: Mapping[str, Any]) -> Task:
        """Move a completed task on to a follow-up state (final master, final mix), once."""
        with self._task_lock(task_id), self.store.atomic():
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
        with self._task_lock(task_id), self.store.atomic():
            if charge in self.get(task_id).charges:
                yield 0
                return
            yield pay()
            self.store.update_task(task_id, lambda t: replace(t, charges=t.charges | {charge}))

    def plan_failure(self, message: str, count: int = 1, lifecycle: str | None = None) -> None:
        plan = FailurePlan(message, count, lifecycle).as_dict()
        self.store.update_setting(FAILURE_PLANS, lambda plans: [*(plans or []), plan])

    def running_tasks(self) -> list[Task]:
        return self.store.running_tasks()

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
        try:
            results = self._work(task) if self._work is not None else {}
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
            return current.moved_to(
                state,
                now,
                step=step,
                error=error if error is not None else current.error,
                results=results if results is not None else current.results,
                running=lifecycle.is_running(state),
            )

        updated = self.store.update_task(task.id, change)
        self._announce(updated)
        return updated

    def _announce(self, task: Task) -> None:
        self._on_transition(task)
        if not task.running:
            self.store.after_commit(self._forget_oldest_finished)

    def _task_lock(self, task_id: str) -> threading.RLock:
        """One of a fixed set of locks: the same task always gets the same one."""
        return self._locks[hash(task_id) % _LOCK_STRIPES]

    def _forget_oldest_finished(self) -> None:
        """Past ``retain`` finished tasks, the oldest are removed (with their files)."""
        if self._retain is None:
            return
        for task_id in self.store.evict_finished(self._retain):
            if self._on_evict is not None:
                self._on_evict(task_id)

    def _take_failure_plan(self, lifecycle: str) -> str | None:
        """The message of the first scripted failure that applies, counted down in the store."""
        taken: list[str] = []

        def count_down(plans: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
            taken.clear()  # a store may run the change again
            kept = []
            for plan in (FailurePlan(**p) for p in plans or []):
                if not taken and plan.applies_to(lifecycle):
                    taken.append(plan.message)
                    plan = replace(plan, count=plan.count - 1)
                if plan.count > 0:
                    kept.append(plan.as_dict())
            return kept

        if self.store.setting(FAILURE_PLANS):
            with self._guard:
                self.store.update_setting(FAILURE_PLANS, count_down)
        return taken[0] if taken else None


@functools.lru_cache(maxsize=16)
def _policy(text: str) -> ProgressionPolicy:
    return parse_policy(text)
