"""State of the mock behind one narrow interface: tasks, credit balances, request counts and
the settings the control API changes at run time (progression, scripted failures, faults).

``Store`` is the seam. ``MemoryStore`` keeps everything in dictionaries guarded by one lock,
which is safe under a multi-threaded server; ``tonn_mock.state.SqliteStore`` keeps it in a file
that several processes share and that outlives them. Every method is a complete, atomic
operation; ``atomic()`` groups several into one (a transition, its webhook and its refund), and
``after_commit`` defers what must only happen once the group is saved.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Any, Protocol

from tonn_mock.core.errors import TaskNotFound
from tonn_mock.tasks.models import Task


class Store(Protocol):
    def atomic(self) -> contextlib.AbstractContextManager[None]:
        """Group the calls made inside into one change no other process sees half-done."""

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the enclosing ``atomic()`` group is saved (now, outside one)."""

    def add_task(self, task: Task) -> None: ...

    def get_task(self, task_id: str) -> Task | None: ...

    def update_task(self, task_id: str, change: Callable[[Task], Task]) -> Task:
        """Atomically replace a task by ``change(task)``; ``change`` must be pure."""

    def tasks(self) -> list[Task]: ...

    def running_tasks(self) -> list[Task]: ...

    def remove_task(self, task_id: str) -> Task | None:
        """Forget a task; returns it, or ``None`` if there was none."""

    def evict_finished(self, keep: int) -> list[str]:
        """Forget the oldest finished tasks beyond the newest ``keep``; returns their ids."""

    def keep_recipe(self, result_id: str, recipe: Any, retain: int) -> list[str]:
        """Keep how to render the files of a result that is no task's (a synchronous answer), and
        forget the recipes older than the newest ``retain`` (0: none); returns the ids forgotten."""

    def recipe(self, result_id: str) -> Any:
        """The recipe kept for ``result_id`` (JSON data), or ``None``."""

    def balance(self, key: str, default: int) -> int: ...

    def set_balance(self, key: str, credits: int) -> None: ...

    def set_every_balance(self, credits: int) -> None:
        """Set the balance of every key that has one."""

    def charge(self, key: str, amount: int, default: int) -> tuple[bool, int]:
        """Debit ``amount`` if the balance covers it; return (charged, balance after)."""

    def credit(self, key: str, amount: int, default: int) -> int:
        """Add ``amount`` to the balance (a refund); return the balance after."""

    def count_request(self, key: str, now: float, window: float) -> int:
        """Record a request by ``key`` at ``now``; return requests within the last ``window`` s."""

    def setting(self, name: str) -> Any:
        """A run-time setting (JSON data), or ``None`` if it was never set."""

    def update_setting(self, name: str, change: Callable[[Any], Any]) -> Any:
        """Atomically replace a setting by ``change(current)`` (``current`` may be ``None``)."""


class MemoryStore:
    """The default, in-process store."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._tasks: dict[str, Task] = {}
        self._finished: deque[str] = deque()
        self._balances: dict[str, int] = {}
        self._requests: dict[str, deque[float]] = {}
        self._settings: dict[str, Any] = {}
        self._recipes: OrderedDict[str, Any] = OrderedDict()

    def atomic(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    def after_commit(self, action: Callable[[], None]) -> None:
        action()

    def add_task(self, task: Task) -> None:
        with self._lock:
            self._tasks[task.id] = task

    def get_task(self, task_id: str) -> Task | None:
        with self._lock:
            return self._tasks.get(task_id)

    def update_task(self, task_id: str, change: Callable[[Task], Task]) -> Task:
        with self._lock:
            if task_id not in self._tasks:
                raise TaskNotFound(task_id)  # forgotten while a call was using it
            before = self._tasks[task_id]
            task = self._tasks[task_id] = change(before)
            if before.running and not task.running:
                self._finished.append(task_id)
            return task

    def tasks(self) -> list[Task]:
        with self._lock:
            return sorted(self._tasks.values(), key=lambda t: (t.created_at, t.id))

    def running_tasks(self) -> list[Task]:
        return [task for task in self.tasks() if task.running]

    def remove_task(self, task_id: str) -> Task | None:
        with self._lock:
            return self._tasks.pop(task_id, None)

    def evict_finished(self, keep: int) -> list[str]:
        with self._lock:
            forgotten = []
            while len(self._finished) > keep:
                task_id = self._finished.popleft()
                if self._tasks.pop(task_id, None) is not None:
                    forgotten.append(task_id)
            return forgotten

    def keep_recipe(self, result_id: str, recipe: Any, retain: int) -> list[str]:
        with self._lock:
            self._recipes.pop(result_id, None)
            self._recipes[result_id] = recipe
            excess = len(self._recipes) - retain if retain else 0
            return [self._recipes.popitem(last=False)[0] for _ in range(excess)]

    def recipe(self, result_id: str) -> Any:
        with self._lock:
            return self._recipes.get(result_id)

    def balance(self, key: str, default: int) -> int:
        with self._lock:
            return self._balances.get(key, default)

    def set_balance(self, key: str, credits: int) -> None:
        with self._lock:
            self._balances[key] = credits

    def set_every_balance(self, credits: int) -> None:
        with self._lock:
            self._balances = dict.fromkeys(self._balances, credits)

    def charge(self, key: str, amount: int, default: int) -> tuple[bool, int]:
        with self._lock:
            balance = self._balances.get(key, default)
            if balance < amount:
                return False, balance
            self._balances[key] = balance - amount
            return True, balance - amount

    def credit(self, key: str, amount: int, default: int) -> int:
        with self._lock:
            self._balances[key] = self._balances.get(key, default) + amount
            return self._balances[key]

    def count_request(self, key: str, now: float, window: float) -> int:
        with self._lock:
            times = self._requests.setdefault(key, deque())
            while times and times[0] <= now - window:
                times.popleft()
            times.append(now)
            return len(times)

    def setting(self, name: str) -> Any:
        with self._lock:
            return self._settings.get(name)

    def update_setting(self, name: str, change: Callable[[Any], Any]) -> Any:
        with self._lock:
            value = self._settings[name] = change(self._settings.get(name))
            return value
