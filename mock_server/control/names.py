"""The names a control call may use - operations, lifecycles, policies, task ids - checked up front.

A misspelled name is refused at once with a :class:`~tonn_mock.control.errors.ControlError`
that lists what is valid, instead of being accepted and never matching anything.
"""

from __future__ import annotations

from typing import Any

from tonn_mock.backend import MockBackend
from tonn_mock.control.errors import ControlError, TaskFinished, UnknownTask, unknown_name
from tonn_mock.core.errors import TaskNotFound
from tonn_mock.tasks.models import Task
from tonn_mock.tasks.progression import parse_policy

POLICIES = "immediate, manual, after_polls:N or after_seconds:T"
SHOWN_TASKS = 10
MAX_CREDITS = 10**15
"""Largest balance a key can be given (far beyond any real account, and exact in a double)."""
LATEST_CLOCK = 32_503_680_000.0
"""The year 3000: a fake clock is not moved past it, so every date the mock writes stays valid."""


def operation_ids(spec: dict[str, Any]) -> dict[str, str]:
    """operationId → path of every operation of the document."""
    return {
        operation["operationId"]: path
        for path, item in spec["paths"].items()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }


def check_operation(spec: dict[str, Any], name: str | None) -> None:
    """``name`` is an operationId or a path of the document (or ``None``: every operation)."""
    operations = operation_ids(spec)
    if name is None or name in operations or name in operations.values():
        return
    raise unknown_name("operation", name, operations) from None


def check_lifecycle(backend: MockBackend, name: str | None) -> None:
    if name is not None and name not in backend.catalog.lifecycles:
        raise unknown_name("lifecycle", name, backend.catalog.lifecycles) from None


def check_policy(text: str) -> None:
    try:
        parse_policy(text)
    except ValueError:
        raise ControlError(f"invalid progression policy {text!r}; valid: {POLICIES}") from None


def check_positive(name: str, value: int) -> None:
    if value < 1:
        raise ControlError(f"{name} must be >= 1, not {value}")


def check_credits(credits: int) -> None:
    if credits < 0:
        raise ControlError(f"credits must be >= 0, not {credits}")
    if credits > MAX_CREDITS:
        raise ControlError(f"credits must be <= {MAX_CREDITS}, not {credits}")


def check_clock_step(now: float, seconds: float) -> None:
    """A fake clock moves forward only, and not past :data:`LATEST_CLOCK`."""
    if seconds < 0:
        raise ControlError(f"seconds must be >= 0 (the clock never goes back), not {seconds}")
    if now + seconds > LATEST_CLOCK:
        raise ControlError(f"seconds must keep the clock before the year 3000, not {seconds}")


def find_task(backend: MockBackend, task_id: str) -> Task:
    """The task, whichever key owns it; :class:`UnknownTask` listing the known ids otherwise."""
    try:
        return backend.tasks.get(task_id)
    except TaskNotFound:
        pass
    known = [task.id for task in backend.tasks.store.tasks()]
    shown = ", ".join(known[-SHOWN_TASKS:]) or "none"
    more = f" (the last {SHOWN_TASKS} of {len(known)})" if len(known) > SHOWN_TASKS else ""
    raise UnknownTask(f"no task {task_id!r} in the mock; its tasks{more}: {shown}") from None


def running_task(backend: MockBackend, task_id: str, action: str) -> Task:
    """The task, if it is still running; :class:`TaskFinished` naming its state otherwise."""
    task = find_task(backend, task_id)
    lifecycle = backend.catalog.lifecycles[task.lifecycle]
    if lifecycle.is_finished(task.state):
        raise TaskFinished(
            f"cannot {action} task {task_id!r}: it has finished in state {task.state} "
            f"(only a running task, in {', '.join(lifecycle.running)}, can be moved)"
        )
    return task
