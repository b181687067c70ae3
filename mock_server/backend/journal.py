"""The request journal: what the mock answered, for tests that assert on what their code sent.

In the spirit of WireMock's request journal, respx's ``calls`` and responses' ``calls``: every
request the mock answered (the control plane's own ``/_mock/`` requests excepted) is kept as a
:class:`JournalEntry` - method, path, query, operationId, API key, request body, status,
response body, time - in a bounded deque: the newest :data:`JOURNAL_SIZE` entries. A reset
(a fresh backend) starts an empty journal.

Recording is cheap, as it runs on every request: the request body is the object the gate already
parsed (kept by reference, never copied or parsed again), other bodies are kept as bytes only up
to :data:`BODY_CAP` (audio uploads and downloads are never read), and responses are decoded only
when the journal is read.

API keys are kept whole: they are the mock's test keys, and tests filter on them (the control
plane's JSON answers mask them once the mock has a control token, :mod:`tonn_mock.control.access`).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tonn_mock.core.json_body import MalformedJson, parse_json

JOURNAL_SIZE = 1000
"""Entries kept; older ones are dropped first."""
BODY_CAP = 16 * 1024
"""Bytes kept of a body the gate did not parse (and of each response body)."""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    method: str
    path: str
    query: bytes
    operation: str | None
    key: str | None
    status: int
    time: float
    body: Any = None
    """The gate's parsed JSON body, or the raw bytes (capped) of a small body it did not parse."""
    response: bytes | None = None
    response_type: str | None = None
    path_arguments: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        response = _decoded(self.response, self.response_type)
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query.decode("latin-1"),
            "operation": self.operation,
            "key": self.key,
            "task_id": _task_id(self.path_arguments, self.body, response),
            "body": _decoded(self.body, "application/json") if isinstance(self.body, bytes) else self.body,
            "status": self.status,
            "response": response,
            "time": self.time,
        }


class RequestJournal:
    """The newest ``size`` requests, and every API key that made one since the last reset."""

    def __init__(self, size: int = JOURNAL_SIZE) -> None:
        self._entries: deque[JournalEntry] = deque(maxlen=size)
        self._keys: dict[str, None] = {}
        self._lock = threading.Lock()

    def record(self, entry: JournalEntry) -> None:
        with self._lock:
            self._entries.append(entry)
            if entry.key and entry.operation:
                self._keys[entry.key] = None

    def keys(self) -> list[str]:
        """The API keys of the requests answered, first seen first."""
        with self._lock:
            return list(self._keys)

    def entries(self, **wanted: Any) -> list[dict[str, Any]]:
        """The entries, oldest first, as dicts; ``wanted`` keeps those whose fields are equal."""
        with self._lock:
            entries = list(self._entries)
        return matching(entries, wanted)


def matching(entries: Iterable[JournalEntry], wanted: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``entries`` as dicts, those whose fields equal every value of ``wanted`` that is not None."""
    filters = {name: value for name, value in wanted.items() if value is not None}
    found = (entry.as_dict() for entry in entries)
    return [entry for entry in found if all(entry[name] == value for name, value in filters.items())]


def _decoded(raw: Any, content_type: str | None) -> Any:
    if not isinstance(raw, bytes):
        return raw
    text = raw.decode("utf-8", "replace")
    if content_type and "json" in content_type:
        try:
            return parse_json(text)
        except MalformedJson:
            return text
    return text


def _task_id(path_arguments: Mapping[str, Any], body: Any, response: Any) -> str | None:
    """The task a request was about: a path argument, a field of the body's wrapper, or the id
    a create call answered with (``mastering_task_id``, ``stemflowTaskId``...)."""
    wrapped = [value for value in body.values() if isinstance(value, dict)] if isinstance(body, dict) else []
    for mapping in (path_arguments, *wrapped, response if isinstance(response, dict) else {}):
        for name, value in mapping.items():
            if isinstance(value, str) and _names_a_task(name):
                return value
    return None


def _names_a_task(name: str) -> bool:
    folded = name.lower().replace("_", "")
    return folded.endswith("taskid")


def describe(entries: Iterable[Mapping[str, Any]]) -> str:
    """One line per entry: ``POST /masteringpreview (createMasteringPreview) -> 200``."""
    lines = [
        f"  {entry['method']} {entry['path']} ({entry['operation'] or 'no operation'}) -> {entry['status']}"
        for entry in entries
    ]
    return "\n".join(lines) or "  (none)"
