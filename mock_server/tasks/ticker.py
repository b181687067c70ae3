"""Moves time-based tasks along when nobody polls them.

With ``after_seconds:T`` a task must reach each state on time even if its client only waits for
webhooks. The ticker wakes a few times a second and brings running tasks up to date, so their
webhooks fire. It runs only on the system clock: tests with a ``FakeClock`` move time (and tick)
through the control API instead.
"""

from __future__ import annotations

import logging
import threading

from tonn_mock.tasks.progression import AfterSeconds
from tonn_mock.tasks.service import TaskService

log = logging.getLogger("tonn_mock")


class Ticker:
    def __init__(self, tasks: TaskService, interval: float = 0.1) -> None:
        self._tasks = tasks
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tonn-mock-ticker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            if isinstance(self._tasks.policy, AfterSeconds):
                self._catch_up_all()

    def _catch_up_all(self) -> None:
        for task in self._tasks.running_tasks():
            try:
                self._tasks.catch_up(task.id)
            except Exception:  # a failing task must not stop time for the others
                log.exception("ticker could not advance task %s", task.id)
