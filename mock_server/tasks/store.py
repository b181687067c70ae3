"""State of the mock behind one narrow interface: tasks, credit balances and request counts.

``Store`` is the seam. ``MemoryStore`` keeps everything in dictionaries guarded by one lock,
which is safe under a multi-threaded server. Every method is a complete, atomic operation, so
a second implementation shared by several processes needs nothing from its callers.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Protocol

from tonn_mock.core.errors import TaskNotFound
from tonn_mock.tasks.models import Task


class Store(Protocol):
    def add_task(self, task: Task) -> None: ...

    def get_task(self, task_id: str) -> Task | None: ...

    def update_task(self, task_id: str, change: Callable[[Task], Task]) -> Task:
        """Atomically replace a task by ``change(task)``; ``change`` must be pure."""

    def tasks(self) -> list[Task]: ...

    def remove_task(self, task_id: str) -> Task | None:
        """Forget a task; returns it, or ``None`` if there was none."""

    def balance(self, key: str, default: int) -> int: ...

    def set_balance(self, key: str, credits: int) -> None: ...

    def charge(self, key: str, amount: int, default: int) -> tuple[bool, int]:
        """Debit ``amount`` if the balance covers it; return (charged, balance after)."""

    def credit(self, key: str, amount: int, default: int) -> int:
        """Add ``amount`` to the balance (a refund); return the balance after."""

    def count_request(self, key: str, now: float, window: float) -> int:
        """Record a request by ``key`` at ``now``; return requests within the last ``window`` s."""


class MemoryStore:
    """The default, in-process store."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tasks: dict[str, Task] = {}
        self._balances: dict[str, int] = {}
        self._requests: dict[str, deque[float]] = {}

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
            task = change(self._tasks[task_id])
            self._tasks[task_id] = task
            return task

    def tasks(self) -> list[Task]:
        with self._lock:
            return sorted(self._tasks.values(), key=lambda t: (t.created_at, t.id))

    def remove_task(self, task_id: str) -> Task | None:
        with self._lock:
            return self._tasks.pop(task_id, None)

    def balance(self, key: str, default: int) -> int:
        with self._lock:
            return self._balances.get(key, default)

    def set_balance(self, key: str, credits: int) -> None:
        with self._lock:
            self._balances[key] = credits

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
