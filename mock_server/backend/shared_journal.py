"""The request journal in the state file, for a mock served by several workers.

A test asserts on what its code sent (``assert_called``, ``/_mock/requests``) through whichever
worker answers it, so each worker records every answer in the shared file as it answers, and any
worker reads them all. The newest :data:`~tonn_mock.backend.journal.JOURNAL_SIZE` entries are
kept (older ones are trimmed every so often); the keys seen are kept until a reset. A single
process keeps its journal in memory (:class:`~tonn_mock.backend.journal.RequestJournal`).
"""

from __future__ import annotations

import json
from typing import Any

from tonn_mock.backend.journal import JOURNAL_SIZE, JournalEntry, matching
from tonn_mock.state.sqlite import SqliteStore

TRIM_EVERY = 100


class SharedJournal:
    """:class:`~tonn_mock.backend.journal.RequestJournal`'s interface over the state file."""

    def __init__(self, store: SqliteStore, size: int = JOURNAL_SIZE) -> None:
        self._store = store
        self._size = size

    def record(self, entry: JournalEntry) -> None:
        with self._store.atomic():
            seq = self._store.execute(
                "INSERT INTO journal (record) VALUES (?) RETURNING seq", (json.dumps(_record(entry)),)
            ).fetchone()[0]
            if entry.key and entry.operation:
                self._store.execute(
                    "INSERT OR IGNORE INTO journal_keys (key, seq) VALUES (?, ?)", (entry.key, seq)
                )
            if seq is not None and seq % TRIM_EVERY == 0:
                self._store.execute("DELETE FROM journal WHERE seq <= ?", (seq - self._size,))

    def keys(self) -> list[str]:
        return [row[0] for row in self._store.execute("SELECT key FROM journal_keys ORDER BY seq").fetchall()]

    def entries(self, **wanted: Any) -> list[dict[str, Any]]:
        rows = self._store.execute(
            "SELECT record FROM journal ORDER BY seq DESC LIMIT ?", (self._size,)
        ).fetchall()
        return matching((_entry(json.loads(row[0])) for row in reversed(rows)), wanted)


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
