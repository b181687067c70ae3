"""The SQLite store as two processes see it (two stores on one file): one writer at a time, a
read-check-write never interleaved, settings changes seen at once, nothing half-written."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tonn_mock.state import SqliteStore
from tonn_mock.state.sqlite import EVICTION_STEP
from tonn_mock.tasks.models import Task


def task(task_id: str) -> Task:
    return Task(task_id, "mastering", "key", {"masteringData": {}}, "PENDING", 1.0, "http://mock")


def test_a_block_that_only_adds_tasks_does_not_hold_the_file_while_it_works(tmp_path: Path) -> None:
    one, two = SqliteStore(tmp_path / "state.db"), SqliteStore(tmp_path / "state.db")
    inside, leave = threading.Event(), threading.Event()

    def create() -> None:
        with one.atomic():
            one.add_task(task("new"))
            inside.set()
            leave.wait(5)

    creating = threading.Thread(target=create)
    creating.start()
    inside.wait(5)
    started = time.monotonic()
    two.set_balance("key", 5)  # the other process writes meanwhile, without waiting
    assert time.monotonic() - started < 1.0
    assert two.get_task("new") is None  # not committed yet
    leave.set()
    creating.join(5)
    assert two.get_task("new") == task("new")


def test_a_read_check_write_holds_the_file_from_its_read_to_its_commit(tmp_path: Path) -> None:
    one, two = SqliteStore(tmp_path / "state.db"), SqliteStore(tmp_path / "state.db")
    one.set_balance("key", 100)
    inside, leave, order = threading.Event(), threading.Event(), []

    def charge() -> None:
        with one.atomic():
            balance = one.balance("key", 0)
            inside.set()
            leave.wait(0.5)
            one.set_balance("key", balance - 30)
            order.append("charged")

    charging = threading.Thread(target=charge)
    charging.start()
    inside.wait(5)
    leave.set()
    two.credit("key", 10, 0)  # waits for the charge to commit, then adds to its result
    order.append("credited")
    charging.join(5)
    assert order == ["charged", "credited"] and two.balance("key", 0) == 80


def test_a_setting_changed_by_one_process_is_seen_by_the_other_at_once(tmp_path: Path) -> None:
    one, two = SqliteStore(tmp_path / "state.db"), SqliteStore(tmp_path / "state.db")
    assert two.setting("progression") is None
    one.update_setting("progression", lambda _: "manual")
    assert two.setting("progression") == "manual"
    one.update_setting("progression", lambda _: "after_polls:2")
    assert two.setting("progression") == "after_polls:2"


def test_a_block_that_raises_leaves_nothing_behind(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "state.db")
    store.add_task(task("kept"))
    with pytest.raises(RuntimeError), store.atomic():
        store.add_task(task("dropped"))
        store.update_task("kept", lambda t: replace(t, polls=9))
        raise RuntimeError("the work failed")
    assert store.get_task("dropped") is None
    assert store.get_task("kept") == task("kept")


def finished(task_id: str, at: float) -> Task:
    return replace(task(task_id), state="DONE", created_at=at, running=False)


def finish_tasks(store: SqliteStore, numbers: range, keep: int) -> list[str]:
    """Add finished tasks one by one, evicting as the service does; at every moment the newest
    ``keep`` are there, and at most :data:`EVICTION_STEP` more."""
    forgotten: list[str] = []
    for number in numbers:
        store.add_task(finished(f"t{number:03}", number))
        forgotten += store.evict_finished(keep)
        left = [kept.id for kept in store.tasks() if not kept.running]
        newest = [f"t{kept:03}" for kept in range(max(number + 1 - keep, 0), number + 1)]
        assert left[-keep:] == newest
        assert len(left) <= keep + EVICTION_STEP
    return forgotten


def test_past_the_retained_number_the_oldest_finished_tasks_go_and_a_reopened_file_goes_on(
    tmp_path: Path,
) -> None:
    keep = 10
    store = SqliteStore(tmp_path / "state.db")
    store.add_task(task("running"))
    stop = keep + 2 * EVICTION_STEP - 1  # stopped with the most finished tasks it may keep
    forgotten = finish_tasks(store, range(stop), keep)
    assert forgotten == [f"t{number:03}" for number in range(EVICTION_STEP)]  # the oldest first
    store.close()

    reopened = SqliteStore(tmp_path / "state.db")
    forgotten += finish_tasks(reopened, range(stop, stop + 2 * EVICTION_STEP), keep)
    assert forgotten == sorted(forgotten)
    assert reopened.get_task("running") is not None
