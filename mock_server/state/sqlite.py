"""``SqliteStore``: the store in one SQLite file (WAL), shared by every worker and every restart.

A process has one connection, which its threads take turns on. ``atomic()`` is one transaction
holding the file's write lock (:mod:`tonn_mock.state.transactions`), so a read-check-write inside
it (a transition, a charge) is never interleaved with another process's. Reading never waits for
another process: WAL lets it read the last commit. Inside a transaction a task is read once and
written once, when it commits, however many transitions it took (a create that completes at once
is one ``INSERT``), and the run-time settings are read from a copy that is queried again only
after one of them changed.

A mock served by one process holds its file alone (:meth:`SqliteStore.hold_alone`): SQLite then
takes its locks once instead of six times a write, the processes' lock file is no longer needed,
and no other process can open the file until that mock stops (or is killed).

``synchronous=OFF``: a commit is handed to the operating system, so it survives the process being
killed (``kill -9``); a crash of the machine itself can lose the last commits, which a mock can
afford, and spares every request a disk flush.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tonn_mock.core.errors import TaskNotFound
from tonn_mock.state.schema import BUSY_SECONDS, StateBusy, StateVersionError, begin, prepare, retried
from tonn_mock.state.transactions import Transaction, Writer, in_transaction, pending
from tonn_mock.tasks.models import Task

EVICTION_STEP = 64
FINISH = "CASE WHEN ? THEN (SELECT coalesce(max(finished_seq), 0) + 1 FROM tasks) END"
"""The finish number of a task that finishes now (``?``: whether it does), else ``NULL``."""
INSERT_TASK = (
    f"INSERT INTO tasks (running, finished_seq, record, id, created_at) VALUES (?, {FINISH}, ?, ?, ?)"
)
UPDATE_TASK = (
    f"UPDATE tasks SET running = ?, finished_seq = coalesce({FINISH}, finished_seq), record = ? WHERE id = ?"
)


@dataclass
class _Changed:
    """A task added or changed in the open transaction, written when it commits."""

    task: Task
    new: bool
    finished: bool = False
    """It reached its completed or failed state in this transaction (it gets a finish number)."""


class SqliteStore:
    """Tasks, balances, request windows, run-time settings and the webhook log in one file."""

    def __init__(self, path: Path, open_wait: float = BUSY_SECONDS) -> None:
        """Open (or create) the state at ``path``, waiting up to ``open_wait`` seconds while
        another process holds it."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._searched_up_to = -EVICTION_STEP
        self._settings: tuple[int, dict[str, Any]] | None = None
        self._writer = Writer(self.path)
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=0, check_same_thread=False)
        retried(lambda: self._db.execute("PRAGMA synchronous = OFF"), open_wait)
        self._atomic = Transaction(self._writer, self._local, self._connection, self._write_changed)
        connection = self._connection()
        prepare(connection, self.path, open_wait)
        if retried(lambda: connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower() != "wal":
            raise StateVersionError(f"{self.path}: SQLite cannot keep this file in WAL mode")
        self._last_finish = self._latest_finish()

    # transactions ---------------------------------------------------------------------------

    def atomic(self) -> Transaction:
        return self._atomic

    def after_commit(self, action: Callable[[], None]) -> None:
        if in_transaction(self._local):
            self._local.after.append(action)
        else:
            action()

    def hold_alone(self, wait: float = BUSY_SECONDS) -> None:
        """Keep the file's locks from now on (SQLite's exclusive locking mode): each write then
        spares the lock calls it made to let other processes in (SQLite's and the lock file's),
        and no other process can open the file until this connection closes. For a mock served
        by one process. Raises :class:`StateBusy` (and changes nothing) if another connection
        still has the file open after ``wait`` seconds."""
        with self._writer.threads:
            self._db.execute("PRAGMA locking_mode = EXCLUSIVE").fetchall()
            try:
                begin(self._db, wait)  # a write transaction takes the locks, which stay taken
            except StateBusy:
                self._db.execute("PRAGMA locking_mode = NORMAL").fetchall()
                raise
            self._db.execute("COMMIT")
            self._writer.alone = True

    def close(self) -> None:
        """Close the connection (the file stays, with everything committed)."""
        with self._writer.threads:
            self._db.close()
            self._writer.close()

    # tasks -----------------------------------------------------------------------------------

    def add_task(self, task: Task) -> None:
        with self.atomic():
            self._local.changed[task.id] = _Changed(task, new=True, finished=not task.running)

    def get_task(self, task_id: str) -> Task | None:
        changed = pending(self._local, "changed", None)
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
        """Write the tasks changed in the open transaction (each once, as it is now); a task that
        finished is numbered after the last one that did (eviction goes by that order)."""
        changed: dict[str, _Changed] = pending(self._local, "changed", None) or {}
        for entry in changed.values():
            task = entry.task
            row = (int(task.running), int(entry.finished), _dump(task.record()), task.id)
            if entry.new:
                self.execute(INSERT_TASK, (*row, task.created_at))
            else:
                self.execute(UPDATE_TASK, row)
            if entry.finished:
                self._last_finish += 1
        changed.clear()

    def evict_finished(self, keep: int) -> list[str]:
        """Forget the finished tasks older than the newest ``keep``; returns their ids. The file is
        searched once every :data:`EVICTION_STEP` tasks this process saw finish (counted from the
        last finish number it read), so a few more may stay a while."""
        if self._last_finish - keep < self._searched_up_to + EVICTION_STEP:
            return []
        with self.atomic():
            self._last_finish = self._latest_finish()
            self._searched_up_to = cut = self._last_finish - keep
            rows = self.execute(
                "DELETE FROM tasks WHERE finished_seq <= ? RETURNING finished_seq, id", (cut,)
            )
            return [task_id for _, task_id in sorted(rows.fetchall())]

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

    def set_every_balance(self, credits: int) -> None:
        with self.atomic():
            self.execute("UPDATE balances SET credits = ?", (credits,))

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
        """The setting, from a copy of them all that is read again only once one changed (in a
        transaction that changed one, from the file itself). Treat the value as read-only."""
        if pending(self._local, "settings_changed", False):
            return self._settings_now().get(name)
        version, cached = self._writer.settings_version(), self._settings
        if cached is None or cached[0] != version:
            cached = self._settings = (version, self._settings_now())
        return cached[1].get(name)

    def update_setting(self, name: str, change: Callable[[Any], Any]) -> Any:
        with self.atomic():
            self._local.settings_changed = True
            value = change(self._settings_now().get(name))
            self.execute(
                "INSERT INTO settings (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, _dump(value)),
            )
            return value

    def _settings_now(self) -> dict[str, Any]:
        return {name: json.loads(value) for name, value in self.execute("SELECT name, value FROM settings")}

    def keep_recipe(self, result_id: str, recipe: Mapping[str, Any], retain: int) -> list[str]:
        """Keep how to render the files of a result that is no task's (a synchronous answer), and
        forget the recipes older than the newest ``retain`` (0: none); returns the ids forgotten."""
        with self.atomic():
            self.execute(
                "INSERT OR REPLACE INTO recipes (id, record) VALUES (?, ?)", (result_id, _dump(recipe))
            )
            if not retain:
                return []
            rows = self.execute(  # rowids grow with each insert: the newest recipe is never deleted
                "DELETE FROM recipes WHERE rowid <= (SELECT max(rowid) FROM recipes) - ? RETURNING id",
                (retain,),
            )
            return [forgotten for (forgotten,) in rows.fetchall()]

    def recipe(self, result_id: str) -> Any:
        row = self.execute("SELECT record FROM recipes WHERE id = ?", (result_id,)).fetchone()
        return None if row is None else json.loads(row[0])

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
                "recipes",
            )
            for table in tables:
                self.execute(f"DELETE FROM {table}")
            self._local.settings_changed = True

    # internals -------------------------------------------------------------------------------

    def execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> Rows:
        """Run one statement on the process's connection; its rows are read before another thread
        may use the connection."""
        self._atomic.touch()
        with self._writer.threads:
            cursor = self._db.execute(sql, parameters)
            return Rows(cursor.fetchall())

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

    def _latest_finish(self) -> int:
        return int(self.execute("SELECT coalesce(max(finished_seq), 0) FROM tasks").fetchone()[0])

    def _meta_number(self, name: str) -> int:
        row = self.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return 0 if row is None else int(row[0])

    def _connection(self) -> sqlite3.Connection:
        return self._db


class Rows(list[Any]):
    """The rows a statement gave, read in full (``fetchone``/``fetchall`` as on a cursor)."""

    def fetchone(self) -> Any:
        return self[0] if self else None

    def fetchall(self) -> list[Any]:
        return list(self)


def _dump(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _task(record: str) -> Task:
    return Task.from_record(json.loads(record))
