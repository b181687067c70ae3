"""The request journal of a mock served by several workers: a file per worker, read together.

A test asserts on what its code sent (``assert_called``, ``/_mock/requests``) through whichever
worker answers it. So each worker records every answer, as it answers, in a journal file of its
own (``worker-<n>.sqlite3`` in the folder beside the state; a worker started in place of one that
ended continues its file): recording is one local commit that waits for no other worker. Any
worker reads every file and merges them by time. Each file keeps its newest
:data:`~tonn_mock.backend.journal.JOURNAL_SIZE` entries (trimmed every so often), and so does the
merge; the keys seen are kept until a reset, which empties every file. A single process keeps
its journal in memory (:class:`~tonn_mock.backend.journal.RequestJournal`).
"""

from __future__ import annotations

import heapq
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from tonn_mock.backend.journal import JOURNAL_SIZE, JournalEntry, matching

TRIM_EVERY = 100
LAYOUT_VERSION = 1
LAYOUT = """
CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, record TEXT NOT NULL);
CREATE TABLE journal_keys (key TEXT PRIMARY KEY, at REAL NOT NULL);
"""
BUSY_SECONDS = 5.0
"""How long a write waits for a reset emptying the file (the only other writer) to finish."""


def journal_folder(state_path: Path) -> Path:
    return state_path.with_name(f"{state_path.name}.journal")


class SharedJournal:
    """:class:`~tonn_mock.backend.journal.RequestJournal`'s interface over the workers' files."""

    def __init__(self, folder: Path, worker: int, size: int = JOURNAL_SIZE) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._folder = folder
        self._size = size
        self._own_path = folder / f"worker-{worker}.sqlite3"
        self._own = _open(self._own_path)
        self._others: dict[Path, sqlite3.Connection] = {}
        self._lock = threading.Lock()

    def record(self, entry: JournalEntry) -> None:
        with self._lock, self._own:
            seq = self._own.execute(
                "INSERT INTO journal (at, record) VALUES (?, ?) RETURNING seq",
                (entry.time, json.dumps(_record(entry))),
            ).fetchone()[0]
            if entry.key and entry.operation:
                self._own.execute(
                    "INSERT OR IGNORE INTO journal_keys (key, at) VALUES (?, ?)", (entry.key, entry.time)
                )
            if seq % TRIM_EVERY == 0:
                self._own.execute("DELETE FROM journal WHERE seq <= ?", (seq - self._size,))

    def keys(self) -> list[str]:
        seen: dict[str, float] = {}
        for rows in self._read_each("SELECT key, at FROM journal_keys"):
            for key, at in rows:
                seen[key] = min(at, seen.get(key, at))
        return sorted(seen, key=seen.__getitem__)

    def entries(self, **wanted: Any) -> list[dict[str, Any]]:
        query = "SELECT at, seq, record FROM journal ORDER BY seq DESC LIMIT ?"
        newest = heapq.nlargest(
            self._size, (row for rows in self._read_each(query, (self._size,)) for row in rows)
        )
        return matching((_entry(json.loads(record)) for _, _, record in reversed(newest)), wanted)

    def clear(self) -> None:
        """Empty every worker's file (a reset)."""
        with self._lock:
            for connection in self._connections():
                with connection:
                    connection.execute("DELETE FROM journal")
                    connection.execute("DELETE FROM journal_keys")

    def close(self) -> None:
        with self._lock:
            for connection in [self._own, *self._others.values()]:
                connection.close()
            self._others.clear()

    def _read_each(self, query: str, arguments: tuple[Any, ...] = ()) -> list[list[Any]]:
        with self._lock:
            return [connection.execute(query, arguments).fetchall() for connection in self._connections()]

    def _connections(self) -> list[sqlite3.Connection]:
        """This worker's file and every other worker's (opened once each, as they appear)."""
        for path in sorted(self._folder.glob("worker-*.sqlite3")):
            if path != self._own_path and path not in self._others:
                self._others[path] = _open(path)
        return [self._own, *self._others.values()]


def _open(path: Path) -> sqlite3.Connection:
    """A journal file in WAL mode, with its layout (a file of another layout is started afresh:
    a journal is a record of requests, not state to migrate)."""
    connection = sqlite3.connect(path, timeout=BUSY_SECONDS, check_same_thread=False)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    with connection:
        if connection.execute("PRAGMA user_version").fetchone()[0] != LAYOUT_VERSION:
            connection.execute("DROP TABLE IF EXISTS journal")
            connection.execute("DROP TABLE IF EXISTS journal_keys")
            for statement in filter(str.strip, LAYOUT.split(";")):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {LAYOUT_VERSION}")
    return connection


def _record(entry: JournalEntry) -> dict[str, Any]:
    return {
        "method": entry.method,
        "path": entry.path,
        "query": entry.query.decode("latin-1"),
        "operation": entry.operation,
        "key": entry.key,
        "status": entry.status,
        "time": entry.time,
        "body": {"bytes": entry.body.decode("latin-1")}
        if isinstance(entry.body, bytes)
        else {"json": entry.body},
        "response": None if entry.response is None else entry.response.decode("latin-1"),
        "response_type": entry.response_type,
        "path_arguments": dict(entry.path_arguments),
    }


def _entry(record: dict[str, Any]) -> JournalEntry:
    body = record["body"]
    return JournalEntry(
        method=record["method"],
        path=record["path"],
        query=record["query"].encode("latin-1"),
        operation=record["operation"],
        key=record["key"],
        status=record["status"],
        time=record["time"],
        body=body["bytes"].encode("latin-1") if "bytes" in body else body["json"],
        response=None if record["response"] is None else record["response"].encode("latin-1"),
        response_type=record["response_type"],
        path_arguments=record["path_arguments"],
    )
