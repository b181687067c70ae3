"""The inspector: what a person sees at ``/_mock/`` in a browser, and the control API's document.

``GET /_mock/`` is negotiated: a browser (``Accept: text/html`` preferred) gets the inspector page;
anything else (``application/json``, ``*/*``, no ``Accept``) gets the ``overview`` JSON as always.
The page is plain HTML, CSS and JavaScript shipped as package data in ``control/static/`` (no build
step, nothing from a CDN). It reads only the verbs' own JSON routes - the overview, tasks, request
journal, webhook deliveries, a task's audio files and their pictures - polling them every second,
and its buttons call the verbs (advance, complete, fail, reset, progression, faults).

``/_mock/openapi.json`` is :func:`~tonn_mock.control.openapi.control_document`, served from the
address the mock is reached at, like the Tonn API's ``/openapi.json``.
"""

from __future__ import annotations

from pathlib import Path

from flask import Response, jsonify, request, send_from_directory

from tonn_mock.control.openapi import control_document
from tonn_mock.gateway.request import base_url

STATIC = Path(__file__).with_name("static")
PAGE = "inspector.html"


def page_for_browsers() -> Response | None:
    """The inspector page for a browser's ``GET /_mock/``; ``None`` lets the JSON route answer."""
    if request.method != "GET" or request.path != "/_mock/" or not wants_html():
        return None
    response = send_from_directory(STATIC, PAGE, max_age=0)
    response.vary.add("Accept")
    response.headers["Cache-Control"] = "no-store"  # never shown in place of the JSON, or the reverse
    return response


def wants_html() -> bool:
    """Whether the request prefers HTML to JSON (a tie, as with ``*/*``, goes to JSON)."""
    return request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html"


def asset(name: str) -> Response:
    """The page's script, style sheet and icon."""
    return send_from_directory(STATIC, name, max_age=0)


def openapi_document() -> Response:
    return jsonify(control_document(base_url()))
