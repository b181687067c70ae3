"""Which requests may take long. ``tonn-mock serve`` runs those on a pool of ``--threads`` and
every other request on the thread that reads it (waitress's I/O loop, :mod:`tonn_mock.server`; a
worker's event loop, :mod:`tonn_mock.workers`), one after another: those are short and hold the
interpreter's lock throughout, so threads running them side by side would only take turns on it.

A request may take long when it is a file transfer (a first download renders the file), a control
call (some wait), a retrieval of a task's results (operations ``retrieve...``: a value that needs
the input's samples is measured the first time it is asked for), or a call that a scripted fault
delays: the one place the mock sleeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask

from tonn_mock.gateway.request import current_backend
from tonn_openapi.operations import operations

LONG_PATHS = ("/_storage/", "/_mock/")
"""File transfers and control calls."""
RETRIEVAL = "retrieve"
"""How the operationIds of the calls that answer a task's results begin."""


def long_request_test(app: Flask) -> Callable[[str], bool]:
    """Whether a request for a path may take long in ``app``, asked before it runs."""
    ids = _operation_ids(app.extensions["tonn_mock.spec"])
    operations = [(_pattern(path), frozenset({path, *names})) for path, names in ids.items()]
    retrievals = frozenset(path for path, names in ids.items() if any(n.startswith(RETRIEVAL) for n in names))

    def may_take_long(path: str) -> bool:
        return path.startswith(LONG_PATHS) or path in retrievals or _delayed(app, operations, path)

    return may_take_long


def _delayed(app: Flask, operations: list[tuple[re.Pattern[str], frozenset[str]]], path: str) -> bool:
    """Whether a fault scripted now adds latency to a call of ``path`` (an API operation's), whose
    names are its spec path and operationIds."""

    def names() -> frozenset[str] | None:
        return next((names for pattern, names in operations if pattern.fullmatch(path)), None)

    return current_backend(app).faults.delays(names)


def _operation_ids(spec: Mapping[str, Any]) -> dict[str, set[str]]:
    """The operationIds of each spec path."""
    found: dict[str, set[str]] = {}
    for method, path in operations(spec):
        operation_id = spec["paths"][path][method].get("operationId")
        found.setdefault(path, set()).update([operation_id] if operation_id else [])
    return found


def _pattern(template: str) -> re.Pattern[str]:
    """The paths a spec path template serves (each ``{parameter}`` one segment)."""
    return re.compile(re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template)))
