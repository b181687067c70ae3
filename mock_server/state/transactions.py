"""One writer at a time on a state file, across threads and processes, and a settings version
every process reads without a query.

A process uses one connection, so its page cache stays warm; its threads take turns on it under
one lock of the process (``threads``), a transaction holding that lock from start to end. A write
is one ``BEGIN IMMEDIATE`` transaction, which takes SQLite's write lock at once; the processes
queue for it on ``flock`` on a file beside the state, which wakes them the moment it is free
(SQLite's own busy handler sleeps in steps of up to 100 ms, which would set the tail latency of
a loaded mock).

The same small file holds a counter, shared through ``mmap``, that a transaction which changed a
run-time setting (progression, faults, scripted failures) increases before it lets the next
writer in. Readers compare it with the version of the settings they hold, so the settings every
request consults cost a query only after they changed.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import sqlite3
import struct
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from tonn_mock.state.schema import begin

COUNTER = struct.Struct("Q")


class Writer:
    """The write lock of one state file, and its settings version."""

    def __init__(self, path: Path) -> None:
        self.threads = threading.RLock()
        """Held by the thread using the process's connection (for a query, or a transaction)."""
        self._fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        if os.fstat(self._fd).st_size < COUNTER.size:
            os.ftruncate(self._fd, COUNTER.size)
        self._shared = mmap.mmap(self._fd, COUNTER.size)
        self.alone = False
        """No other process can open the file (it is held alone): the threads' lock is enough."""

    def acquire(self) -> None:
        self.threads.acquire()
        if self.alone:
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        except BaseException:
            self.threads.release()
            raise

    def release(self, settings_changed: bool) -> None:
        if settings_changed:
            COUNTER.pack_into(self._shared, 0, self.settings_version() + 1)
        if not self.alone:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self.threads.release()

    def settings_version(self) -> int:
        return int(COUNTER.unpack_from(self._shared, 0)[0])

    def close(self) -> None:
        if self._fd >= 0:
            self._shared.close()
            os.close(self._fd)
            self._fd = -1


class Transaction:
    """``atomic()``: a transaction on the calling thread's connection, re-entrant.

    It takes the write lock only when it first touches the file (:meth:`touch`, before any
    statement): a block that only adds tasks (a create that completes at once) holds the lock for
    their ``INSERT`` and the commit alone, not for the work that built them, while a read inside
    a block is made under the lock, so a read-check-write is never interleaved. The outermost
    block writes what the store deferred (``flush``), commits, then runs the after-commit actions;
    when that is a single task and nothing else, its one statement is its own transaction.
    """

    __slots__ = ("_connection", "_flush", "_local", "_writer")

    def __init__(
        self,
        writer: Writer,
        local: threading.local,
        connection: Callable[[], sqlite3.Connection],
        flush: Callable[[], None],
    ) -> None:
        self._writer, self._local, self._connection, self._flush = writer, local, connection, flush

    def __enter__(self) -> None:
        local = self._local
        depth = getattr(local, "depth", 0)
        if depth:
            local.depth = depth + 1
            return
        local.depth, local.after, local.changed, local.settings_changed, local.begun = 1, [], {}, False, False

    def touch(self) -> None:
        """Begin for real (lock and ``BEGIN IMMEDIATE``) if the open block has not yet."""
        local = self._local
        if getattr(local, "depth", 0) and not local.begun:
            self._writer.acquire()
            try:
                begin(self._connection())
            except BaseException:
                self._writer.release(settings_changed=False)
                raise
            local.begun = True

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        local = self._local
        if local.depth > 1:
            local.depth -= 1
            return
        committed = False
        try:
            if kind is None and len(local.changed) == 1 and not local.begun:
                committed = self._write_alone()
            elif kind is None and local.changed:
                self.touch()
            if not committed:
                committed = self._end(kind is None) if local.begun else kind is None
        finally:
            changed_settings = committed and local.settings_changed
            begun = local.begun
            local.depth, local.changed, local.settings_changed, local.begun = 0, {}, False, False
            if begun:
                self._writer.release(changed_settings)
        actions, local.after = local.after, []
        for action in actions if committed else ():
            action()

    def _write_alone(self) -> bool:
        """A block whose one write is one deferred task (a create, a poll that moved a task) is
        that one statement, which SQLite commits by itself: no ``BEGIN``, no ``COMMIT``."""
        self._writer.acquire()
        self._local.begun = True  # so the statement does not begin a transaction of its own
        self._flush()
        return True

    def _end(self, commit: bool) -> bool:
        connection = self._connection()
        if not commit:
            connection.rollback()
            return False
        try:
            self._flush()
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        return True


def in_transaction(local: threading.local) -> bool:
    return bool(getattr(local, "depth", 0))


def pending(local: threading.local, name: str, default: Any) -> Any:
    """A value the open transaction keeps on ``local`` (``default`` outside one)."""
    return getattr(local, name, default) if in_transaction(local) else default
