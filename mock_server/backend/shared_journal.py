"""The request journal of a mock served by several workers: a log per worker, read together.

A test asserts on what its code sent (``assert_called``, ``/_mock/requests``) through whichever
worker answers it. So each worker records every answer, as it answers, in a log of its own in the
folder beside the state (``worker-<n>.log``; a worker started in place of one that ended continues
its log): one append, a single ``write`` that waits for no other worker and no lock of the state
file. Any worker reads every log and merges them by time. A log that reaches
:data:`~tonn_mock.backend.journal.JOURNAL_SIZE` entries becomes ``worker-<n>.log.1`` (the one
before is dropped), so at least the newest ``JOURNAL_SIZE`` entries of each worker are kept, and
the merge keeps the newest of them all. The API keys seen are logged apart (``worker-<n>.keys``,
each key once) and kept until a reset, which empties every file. A single process keeps its
journal in memory (:class:`~tonn_mock.backend.journal.RequestJournal`).

Entries are ``marshal`` frames: the journal is this mock's own record, read only by a mock of the
same Python; a frame another Python wrote, or a frame cut short, ends the reading of that file.
"""

from __future__ import annotations

import heapq
import marshal
import os
import struct
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from tonn_mock.backend.journal import JOURNAL_SIZE, JournalEntry, matching

FRAME = struct.Struct("<I")


def journal_folder(state_path: Path) -> Path:
    return state_path.with_name(f"{state_path.name}.journal")


class SharedJournal:
    """:class:`~tonn_mock.backend.journal.RequestJournal`'s interface over the workers' logs."""

    def __init__(self, folder: Path, worker: int, size: int = JOURNAL_SIZE) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._folder = folder
        self._size = size
        self._log_path = folder / f"worker-{worker}.log"
        keys_path = folder / f"worker-{worker}.keys"
        self._lock = threading.Lock()
        self._logged = len(_whole(self._log_path))
        self._seen = {key for _, key in _whole(keys_path)}
        self._log, self._keys = _append(self._log_path), _append(keys_path)
        self._keys_size = os.fstat(self._keys).st_size

    def record(self, entry: JournalEntry) -> None:
        try:
            frame = _frame((entry.time, _fields(entry)))
        except ValueError:  # a body marshal cannot write (not JSON data): kept without it
            frame = _frame((entry.time, _fields(replace(entry, body=None))))
        with self._lock:
            os.write(self._log, frame)
            self._logged += 1
            if self._logged >= self._size:
                self._rotate()
            if entry.key and entry.operation:
                self._note_key(entry.key, entry.time)

    def keys(self) -> list[str]:
        first_seen: dict[str, float] = {}
        for path in self._folder.glob("worker-*.keys"):
            for at, key in _frames(path):
                first_seen[key] = min(at, first_seen.get(key, at))
        return sorted(first_seen, key=first_seen.__getitem__)

    def entries(self, **wanted: Any) -> list[dict[str, Any]]:
        logs = [*self._folder.glob("worker-*.log"), *self._folder.glob("worker-*.log.1")]
        timed = ((at, order, fields) for order, (at, fields) in enumerate(_all_frames(logs)))
        newest = sorted(heapq.nlargest(self._size, timed, key=lambda item: (item[0], item[1])))
        return matching((JournalEntry(*fields) for _, _, fields in newest), wanted)

    def clear(self) -> None:
        """Empty every worker's files (a reset)."""
        with self._lock:
            for path in self._folder.glob("worker-*.log.1"):
                path.unlink(missing_ok=True)
            for path in [*self._folder.glob("worker-*.log"), *self._folder.glob("worker-*.keys")]:
                os.truncate(path, 0)

    def close(self) -> None:
        with self._lock:
            for descriptor in (self._log, self._keys):
                os.close(descriptor)

    def _rotate(self) -> None:
        os.replace(self._log_path, self._log_path.with_name(f"{self._log_path.name}.1"))
        os.close(self._log)
        self._log, self._logged = _append(self._log_path), 0

    def _note_key(self, key: str, at: float) -> None:
        """Log a key the first time this worker sees it since the last reset (a reset, made by
        any worker, empties the keys file: it is then smaller than this worker left it)."""
        size = os.fstat(self._keys).st_size
        if size < self._keys_size:
            self._seen.clear()
        if key in self._seen:
            self._keys_size = size
            return
        frame = _frame((at, key))
        os.write(self._keys, frame)
        self._seen.add(key)
        self._keys_size = size + len(frame)


def _append(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)


def _frame(value: Any) -> bytes:
    data = marshal.dumps(value)
    return FRAME.pack(len(data)) + data


def _whole(path: Path) -> list[Any]:
    """The values framed in this worker's own file, which is cut after its last whole frame (a
    worker killed in the middle of a write left the rest), so what it appends next reads."""
    framed = list(_frames_ending(path))
    whole = framed[-1][1] if framed else 0
    if path.exists() and path.stat().st_size > whole:
        os.truncate(path, whole)
    return [value for value, _ in framed]


def _frames(path: Path) -> Iterator[Any]:
    return (value for value, _ in _frames_ending(path))


def _frames_ending(path: Path) -> Iterator[tuple[Any, int]]:
    """The values framed in ``path``, each with the offset where its frame ends, up to the end or
    the first frame cut short or unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return
    offset = 0
    while offset + FRAME.size <= len(data):
        (length,) = FRAME.unpack_from(data, offset)
        end = offset + FRAME.size + length
        if end > len(data):
            return
        try:
            yield marshal.loads(data[offset + FRAME.size : end]), end
        except (EOFError, ValueError, TypeError):
            return
        offset = end


def _all_frames(paths: list[Path]) -> Iterator[Any]:
    for path in paths:
        yield from _frames(path)


def _fields(entry: JournalEntry) -> tuple[Any, ...]:
    return (
        entry.method,
        entry.path,
        entry.query,
        entry.operation,
        entry.key,
        entry.status,
        entry.time,
        entry.body,
        entry.response,
        entry.response_type,
        dict(entry.path_arguments),
    )
