"""Recording each answered request in the backend's journal (:mod:`tonn_mock.backend.journal`).

One ``after_request`` hook, so every answer is recorded - refusals by the gate, storage requests
and unknown paths included - except the control plane's own (``/_mock/...``). It reuses what the
gate already worked out (operationId, key, parsed body) and reads no body it would have to copy.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Request, Response, g, request

from tonn_mock.backend import MockBackend
from tonn_mock.backend.journal import BODY_CAP, JournalEntry
from tonn_mock.gateway.request import backend

CONTROL_PREFIX = "/_mock"


def install_journal(app: Flask) -> None:
    @app.after_request
    def record(response: Response) -> Response:
        # the real objects behind Flask's proxies, read once: each proxied access costs microseconds
        current = request._get_current_object()  # type: ignore[attr-defined]
        if not current.path.startswith(CONTROL_PREFIX):
            mock: MockBackend = backend()
            mock.journal.record(_entry(current, g._get_current_object(), response, mock.clock.now()))
        return response


def _entry(current: Request, context: Any, response: Response, now: float) -> JournalEntry:
    answered = _small_body(response)
    return JournalEntry(
        method=current.method,
        path=current.path,
        query=current.query_string,
        operation=context.get("operation_id"),
        key=context.get("api_key") or _given_key(current),
        status=response.status_code,
        time=now,
        body=_request_body(current, context),
        response=answered,
        response_type=response.mimetype if answered is not None else None,
        path_arguments=current.view_args or {},
    )


def _given_key(current: Request) -> str | None:
    """The key of a request the gate refused or never saw (only then are the arguments parsed)."""
    return current.args.get("key") or current.headers.get("X-API-Key")


def _request_body(current: Request, context: Any) -> Any:
    body = context.get("body")
    if body is not None:
        return body  # parsed by the gate: kept by reference
    length = current.content_length
    if current.mimetype == "application/json" and length and length <= BODY_CAP:
        return current.get_data(cache=True)
    return None


def _small_body(response: Response) -> bytes | None:
    """The body of a buffered answer (JSON, an XML error) up to the cap, by reference; never a
    file, a stream or a rendered result."""
    chunks = response.response
    if type(chunks) is list and len(chunks) == 1 and isinstance(chunks[0], bytes):
        return chunks[0] if len(chunks[0]) <= BODY_CAP else None
    return None
