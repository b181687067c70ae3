"""``SqliteStore``: the store in one SQLite file (WAL), shared by every worker and every restart.

Each thread has its own connection. ``atomic()`` is one ``BEGIN IMMEDIATE`` transaction: it takes
the file's write lock at once, so a read-check-write inside it (a transition, a charge) is never
interleaved with another process's. Writers queue for it on locks that wake them the moment it
is free (a lock of the process for its threads, then ``flock`` on a file beside the state for
the processes), never on SQLite's busy back-off, which sleeps in steps of up to 100 ms. Readers
never wait: WAL lets them read the last commit.
Inside a transaction a task is read once and written once, when it commits, however many
transitions it took (a create that completes at once is one ``INSERT``).

``synchronous=OFF``: a commit is handed to the operating system, so it survives the process being
killed (``kill -9``); a crash of the machine itself can lose the last commits, which a mock can
afford, and spares every request a disk flush.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tonn_mock.core.errors import TaskNotFound
from tonn_mock.state.schema import BUSY_SECONDS, BUSY_STEP, StateVersionError, begin, prepare
from tonn_mock.tasks.models import Task

EVICTION_STEP = 64


@dataclass
class _Changed:
    """A task added or changed in the open transaction, written when it commits."""

    task: Task
    new: bool
    finished: bool = False
    """It reached its completed or failed state in this transaction (it gets a finish number)."""


class SqliteStore:
    """Tasks, balances, request windows, run-time settings and the webhook log in one file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._writer = threading.RLock()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self._searched_up_to = -EVICTION_STEP
        self._lock_file = os.open(f"{self.path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        connection = self._connection()
        prepare(connection, self.path)
        if _retried(lambda: connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower() != "wal":
            raise StateVersionError(f"{self.path}: SQLite cannot keep this file in WAL mode")

    # transactions ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        local = self._local
        if getattr(local, "depth", 0):
            local.depth += 1
            try:
                yield
            finally:
                local.depth -= 1
            return
        with self._writer, self._file_lock():
            connection = self._connection()
            begin(connection)
            local.depth, local.after, local.changed = 1, [], {}
            try:
                yield
                self._write_changed()
            except BaseException:
                connection.rollback()
                raise
            else:
                connection.commit()
            finally:
                local.depth, local.changed = 0, {}
        actions, local.after = local.after, []
        for action in actions:
            action()

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        fcntl.flock(self._lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)

    def after_commit(self, action: Callable[[], None]) -> None:
        if getattr(self._local, "depth", 0):
            self._local.after.append(action)
        else:
            action()

    def close(self) -> None:
        """Close every thread's connection (the file stays, with everything committed)."""
        with self._guard:
            for connection in self._connections:
                with contextlib.suppress(sqlite3.Error):
                    connection.close()
            self._connections.clear()
            if self._lock_file >= 0:
                os.close(self._lock_file)
                self._lock_file = -1

    # tasks -----------------------------------------------------------------------------------

    def add_task(self, task: Task) -> None:
        with self.atomic():
            self._local.changed[task.id] = _Changed(task, new=True, finished=not task.running)

    def get_task(self, task_id: str) -> Task | None:
        changed = getattr(self._local, "changed", None)
        if changed and task_id in changed:
            return changed[task_id].task  # type: ignore[no-any-return]
        row = self.execute("SELECT record FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return None if row is None else _task(row[0])

    def update_task(self, task_id: str, change: Callable[[Task], Task]) -> Task:
        with self.atomic():
            before = self.get_task(task_id)
            if before is None:
                raise TaskNotFound(task_id)
            task = change(before)
            entry = self._local.changed.setdefault(task_id, _Changed(task, new=False))
            entry.task, entry.finished = task, entry.finished or (before.running and not task.running)
            return task

    def tasks(self) -> list[Task]:
        self._write_changed()
        rows = self.execute("SELECT record FROM tasks ORDER BY created_at, id").fetchall()
        return [_task(row[0]) for row in rows]

    def running_tasks(self) -> list[Task]:
        self._write_changed()
        rows = self.execute("SELECT record FROM tasks WHERE running = 1 ORDER BY created_at, id").fetchall()
        return [_task(row[0]) for row in rows]

    def remove_task(self, task_id: str) -> Task | None:
        with self.atomic():
            task = self.get_task(task_id)
            self._write_changed()
            self.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
            return task

    def _write_changed(self) -> None:
        """Write the tasks changed in the open transaction (each once, as it is now)."""
        changed: dict[str, _Changed] = getattr(self._local, "changed", None) or {}
        if not changed:
            return
        finishes = iter(range(self._meta_number("finished_seq") + 1, 2**62))
        last = None
        for entry in changed.values():
            task = entry.task
            last = next(finishes) if entry.finished else last
            row = (int(task.running), last if entry.finished else None, _dump(task.record()), task.id)
            if entry.new:
                self.execute(
                    "INSERT INTO tasks (running, finished_seq, record, id, created_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (*row, task.created_at),
                )
            else:
                self.execute(
                    "UPDATE tasks SET running = ?, finished_seq = coalesce(?, finished_seq), record = ? "
                    "WHERE id = ?",
                    row,
                )
        if last is not None:
            self._set_meta("finished_seq", last)
        changed.clear()

    def evict_finished(self, keep: int) -> list[Task]:
        """Forget the finished tasks older than the newest ``keep``. The file is searched once
        every :data:`EVICTION_STEP` finished tasks, so up to that many more may be kept a while."""
        cut = self._meta_number("finished_seq") - keep
        if cut < self._searched_up_to + EVICTION_STEP:
            return []
        self._searched_up_to = cut
        if self.execute("SELECT 1 FROM tasks WHERE finished_seq <= ? LIMIT 1", (cut,)).fetchone() is None:
            return []
        with self.atomic():
            newest = self._meta_number("finished_seq")
            rows = self.execute(
                "SELECT record FROM tasks WHERE finished_seq <= ? ORDER BY finished_seq", (newest - keep,)
            ).fetchall()
            self.execute("DELETE FROM tasks WHERE finished_seq <= ?", (newest - keep,))
            return [_task(row[0]) for row in rows]

    # credits and request windows -------------------------------------------------------------

    def balance(self, key: str, default: int) -> int:
        row = self.execute("SELECT credits FROM balances WHERE key = ?", (key,)).fetchone()
        return default if row is None else int(row[0])

    def set_balance(self, key: str, credits: int) -> None:
        with self.atomic():
            self.execute(
                "INSERT INTO balances (key, credits) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET credits = excluded.credits",
                (key, credits),
            )

    def charge(self, key: str, amount: int, default: int) -> tuple[bool, int]:
        with self.atomic():
            balance = self.balance(key, default)
            if balance < amount:
                return False, balance
            self.set_balance(key, balance - amount)
            return True, balance - amount

    def credit(self, key: str, amount: int, default: int) -> int:
        with self.atomic():
            balance = self.balance(key, default) + amount
            self.set_balance(key, balance)
            return balance

    def count_request(self, key: str, now: float, window: float) -> int:
        with self.atomic():
            self.execute("DELETE FROM requests WHERE key = ? AND at <= ?", (key, now - window))
            self.execute("INSERT INTO requests (key, at) VALUES (?, ?)", (key, now))
            return int(self.execute("SELECT count(*) FROM requests WHERE key = ?", (key,)).fetchone()[0])

    # run-time settings, numbering and the signing secret -------------------------------------

    def setting(self, name: str) -> Any:
        row = self.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return None if row is None else json.loads(row[0])

    def update_setting(self, name: str, change: Callable[[Any], Any]) -> Any:
        with self.atomic():
            value = change(self.setting(name))
            self.execute(
                "INSERT INTO settings (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, _dump(value)),
            )
            return value

    def next_number(self, name: str) -> int:
        """1, 2, 3, ... for ``name``, never repeated by any process or run sharing the file."""
        with self.atomic():
            return self._next(name)

    def shared_secret(self, proposed: bytes) -> bytes:
        """The signing secret of this state: ``proposed`` the first time, the kept one after, so
        URLs signed before a restart, or by another worker, still verify."""
        with self.atomic():
            self.execute(
                "INSERT OR IGNORE INTO meta (name, value) VALUES ('signing_secret', ?)", (proposed.hex(),)
            )
            return bytes.fromhex(
                self.execute("SELECT value FROM meta WHERE name = 'signing_secret'").fetchone()[0]
            )

    def clear(self) -> None:
        """Forget everything but the layout and the signing secret (the control API's reset)."""
        with self.atomic():
            tables = (
                "tasks",
                "balances",
                "requests",
                "settings",
                "deliveries",
                "attempts",
                "journal",
                "journal_keys",
            )
            for table in tables:
                self.execute(f"DELETE FROM {table}")
            self.execute("DELETE FROM meta WHERE name = 'finished_seq'")

    # internals -------------------------------------------------------------------------------

    def execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        return self._connection().execute(sql, parameters)

    def _next(self, name: str) -> int:
        number = self._meta_number(name) + 1
        self._set_meta(name, number)
        return number

    def _set_meta(self, name: str, number: int) -> None:
        self.execute(
            "INSERT INTO meta (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, str(number)),
        )

    def number(self, name: str) -> int:
        """The last number :meth:`next_number` gave for ``name`` (0 before the first)."""
        return self._meta_number(name)

    def _meta_number(self, name: str) -> int:
        row = self.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return 0 if row is None else int(row[0])

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, isolation_level=None, timeout=0, check_same_thread=False)
            connection.execute("PRAGMA synchronous = OFF")
            self._local.connection = connection
            with self._guard:
                self._connections.append(connection)
        return connection


def _retried(statement: Callable[[], Any]) -> Any:
    """``statement``, retried while another process holds the file (opening one at the same time)."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            return statement()
        except sqlite3.OperationalError as problem:
            if "locked" not in str(problem) or time.monotonic() > deadline:
                raise
            time.sleep(BUSY_STEP)


def _dump(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _task(record: str) -> Task:
    return Task.from_record(json.loads(record))
