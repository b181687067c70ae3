"""The layout of a state file, and its version.

A state file records the version of the layout that wrote it (``meta.schema_version``). Opening
one checks it: the current version is used as it is; an older one is brought up to date by the
steps in :data:`MIGRATIONS`, or refused when no step leads from it; a newer one (written by a
later tonn-mock) is refused. A refusal is one line naming the file, both versions and what to do.
Nothing is ever read under a layout it was not written in.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

SCHEMA_VERSION = 2

TASKS = """
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    created_at REAL NOT NULL,
    running INTEGER NOT NULL,
    finished_seq INTEGER,
    record TEXT NOT NULL
);
CREATE INDEX tasks_running ON tasks (running) WHERE running = 1;
CREATE INDEX tasks_by_finish ON tasks (finished_seq);
"""
"""Tasks in a table with row ids: a task's record (most of a kilobyte) is too large for a table
without them, whose rows live in the key's own tree (an insert cost half as much again, measured)."""

TABLES = f"""
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
{TASKS}
CREATE TABLE balances (key TEXT PRIMARY KEY, credits INTEGER NOT NULL);
CREATE TABLE requests (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX requests_by_key ON requests (key, at);
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    task_id TEXT NOT NULL,
    state TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX deliveries_pending ON deliveries (state) WHERE state = 'pending';
CREATE INDEX deliveries_by_task ON deliveries (task_id);
CREATE TABLE recipes (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE attempts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL,
    task_id TEXT NOT NULL,
    record TEXT NOT NULL
);
"""

T = TypeVar("T")
BUSY_STEP = 0.0005
BUSY_SECONDS = 30.0
"""How long a write waits for another process to release the file before it gives up."""


def _to_version_2(connection: sqlite3.Connection) -> None:
    """Version 2: each worker keeps its request journal in a log of its own
    (:mod:`tonn_mock.backend.shared_journal`), so the shared tables go; tasks move to a table
    with row ids (:data:`TASKS`)."""
    connection.execute("DROP TABLE IF EXISTS journal")
    connection.execute("DROP TABLE IF EXISTS journal_keys")
    connection.execute("ALTER TABLE tasks RENAME TO tasks_before")
    connection.execute("DROP INDEX tasks_running")
    connection.execute("DROP INDEX tasks_by_finish")
    for statement in filter(str.strip, TASKS.split(";")):
        connection.execute(statement)
    connection.execute(
        "INSERT INTO tasks (id, created_at, running, finished_seq, record) "
        "SELECT id, created_at, running, finished_seq, record FROM tasks_before"
    )
    connection.execute("DROP TABLE tasks_before")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _to_version_2}
"""``MIGRATIONS[n]`` brings a version ``n`` file to version ``n + 1``."""


class StateVersionError(Exception):
    """A state file this tonn-mock cannot read as it is, and cannot bring up to date."""


def prepare(connection: sqlite3.Connection, path: Path, busy_seconds: float = BUSY_SECONDS) -> None:
    """Create the layout in a new file, or check (and migrate) the one an existing file has
    (waiting up to ``busy_seconds`` for another process to let go of it)."""
    with connection:
        begin(connection, busy_seconds)
        version = _version(connection, path)
        if version is None:
            for statement in filter(str.strip, TABLES.split(";")):
                connection.execute(statement)
            _set_version(connection, SCHEMA_VERSION)
            return
        if version > SCHEMA_VERSION:
            raise StateVersionError(
                f"{path}: state schema version {version} was written by a newer tonn-mock (this one "
                f"reads version {SCHEMA_VERSION}); upgrade tonn-mock or start with a fresh --state"
            )
        while version < SCHEMA_VERSION:
            if version not in MIGRATIONS:
                raise StateVersionError(
                    f"{path}: state schema version {version} is older than this tonn-mock's "
                    f"({SCHEMA_VERSION}) and cannot be migrated; move the file away or start with a "
                    "fresh --state"
                )
            MIGRATIONS[version](connection)
            version += 1
            _set_version(connection, version)


class StateBusy(Exception):
    """The state file stayed locked by another process for as long as the caller would wait
    (:data:`BUSY_SECONDS` unless it said otherwise)."""


def begin(connection: sqlite3.Connection, busy_seconds: float = BUSY_SECONDS) -> None:
    retried(lambda: connection.execute("BEGIN IMMEDIATE"), busy_seconds)


def retried(statement: Callable[[], T], busy_seconds: float = BUSY_SECONDS) -> T:
    """``statement``, retried in short steps while another process holds the file (SQLite's own
    busy handler sleeps in steps of up to 100 ms, which would set the tail latency), for up to
    ``busy_seconds``."""
    deadline = time.monotonic() + busy_seconds
    while True:
        try:
            return statement()
        except sqlite3.OperationalError as problem:
            if "locked" not in str(problem) and "busy" not in str(problem):
                raise
            if time.monotonic() > deadline:
                raise StateBusy(f"the state file stayed locked for {busy_seconds:g} s") from problem
            time.sleep(BUSY_STEP)


def _version(connection: sqlite3.Connection, path: Path) -> int | None:
    """The file's schema version; ``None`` for a new (empty) file."""
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as problem:
        raise StateVersionError(f"{path}: not a tonn-mock state file ({problem})") from None
    if not tables:
        return None
    if "meta" not in tables:
        raise StateVersionError(f"{path}: not a tonn-mock state file (it has no schema version)")
    row = connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise StateVersionError(f"{path}: not a tonn-mock state file (it has no schema version)")
    return int(row[0])


def _set_version(connection: sqlite3.Connection, version: int) -> None:
    connection.execute(
        "INSERT INTO meta (name, value) VALUES ('schema_version', ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (str(version),),
    )
