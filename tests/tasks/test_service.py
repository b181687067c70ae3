"""The task service: creation, polling, control verbs, failures and the transition listener."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tonn_mock.core.clock import FakeClock, IdFactory
from tonn_mock.core.errors import TaskNotFound
from tonn_mock.products import catalog
from tonn_mock.tasks.models import Task
from tonn_mock.tasks.progression import AfterPolls, AfterSeconds, Manual, ProgressionPolicy
from tonn_mock.tasks.service import TaskService, WorkFailed
from tonn_mock.tasks.store import MemoryStore

MIX_PREVIEW = catalog().lifecycles["mix"]


def mix_file(task: Task) -> dict[str, Any]:
    return {"mix": f"results/{task.id}/mix.mp3"}


def make_service(
    policy: ProgressionPolicy, seen: list[Task], clock: FakeClock | None = None, work: Any = mix_file
) -> TaskService:
    return TaskService(
        MemoryStore(),
        clock or FakeClock(),
        IdFactory(1),
        policy,
        seen.append,
        {"mix": MIX_PREVIEW},
        work=work,
    )


def create(service: TaskService, owner: str = "me") -> Task:
    return service.create(MIX_PREVIEW, owner=owner, request={}, base_url="http://mock", webhook_url=None)


def test_polls_walk_the_task_and_every_change_is_reported_once() -> None:
    seen: list[Task] = []
    service = make_service(AfterPolls(2), seen)
    task = create(service)

    states = [service.observe(task.id, "me").state for _ in range(3)]

    assert states == ["MIX_TASK_ANALYSIS", "MIX_TASK_APPLY_FX", "MIX_TASK_PREVIEW_COMPLETED"]
    assert [t.state for t in seen] == ["MIX_TASK_PENDING", *states]
    assert seen[-1].results == {"mix": f"results/{task.id}/mix.mp3"}


def test_time_based_progression_follows_the_injected_clock() -> None:
    clock = FakeClock()
    service = make_service(AfterSeconds(60), [], clock)
    task = create(service)
    clock.advance(59)
    assert service.catch_up(task.id).state == "MIX_TASK_APPLY_FX"
    clock.advance(1)
    assert service.catch_up(task.id).state == "MIX_TASK_PREVIEW_COMPLETED"


def test_tasks_belong_to_the_key_that_created_them() -> None:
    service = make_service(Manual(), [])
    task = create(service, owner="alice")
    with pytest.raises(TaskNotFound):
        service.observe(task.id, "bob")
    with pytest.raises(TaskNotFound):
        service.observe("no-such-task", "alice")


def test_work_that_refuses_its_input_fails_the_task_with_its_message() -> None:
    def refuse(task: Task) -> dict[str, Any]:
        raise WorkFailed("Audio file is too short: 4.2 s (minimum 10 s)")

    service = make_service(Manual(), [], work=refuse)
    task = service.complete(create(service).id)
    assert (task.state, task.error) == ("MIX_TASK_FAILED", "Audio file is too short: 4.2 s (minimum 10 s)")


def test_a_fault_of_the_mock_in_the_work_is_not_the_products_failure_and_is_retried() -> None:
    faults: list[tuple[str, Exception]] = []
    outcomes: list[Exception | None] = [TimeoutError("the mock's own wait ran out"), None]

    def flaky(task: Task) -> dict[str, Any]:
        fault = outcomes.pop(0)
        if fault is not None:
            raise fault
        return mix_file(task)

    service = TaskService(
        MemoryStore(),
        FakeClock(),
        IdFactory(1),
        Manual(),
        lambda task: None,
        {"mix": MIX_PREVIEW},
        work=flaky,
        on_work_error=lambda task, fault: faults.append((task.id, fault)),
    )
    task_id = create(service).id

    first = service.complete(task_id)
    assert (first.state, first.error) == ("MIX_TASK_APPLY_FX", None)  # still running, not FAILED
    assert [(where, type(fault)) for where, fault in faults] == [(task_id, TimeoutError)]
    assert service.complete(task_id).state == "MIX_TASK_PREVIEW_COMPLETED"  # the work ran again


def test_scripted_failures_apply_to_the_next_tasks_only() -> None:
    service = make_service(Manual(), [])
    service.plan_failure("GPU worker lost", count=1, lifecycle="mix")
    first, second = create(service), create(service)
    assert service.complete(first.id).state == "MIX_TASK_FAILED"
    assert service.complete(second.id).state == "MIX_TASK_PREVIEW_COMPLETED"


def test_concurrent_polls_never_skip_or_repeat_a_state() -> None:
    seen: list[Task] = []
    service = make_service(AfterPolls(40), seen)
    task = create(service)
    threads = [
        threading.Thread(target=lambda: [service.observe(task.id, "me") for _ in range(10)]) for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    reported = [t.state for t in seen]
    assert reported == [
        "MIX_TASK_PENDING",
        "MIX_TASK_ANALYSIS",
        "MIX_TASK_APPLY_FX",
        "MIX_TASK_PREVIEW_COMPLETED",
    ]
    assert service.get(task.id).polls == 50
