"""Broken variants of the mock, each with one planted bug, to prove that a check catches it.

Each factory returns the real mock (:func:`.target.mock_app`) with one ``after_request`` (or
``before_request``) hook that breaks one Tonn rule; everything else behaves as usual.

================================  ====================================================
variant                           the bug (and the check that catches it)
================================  ====================================================
``state_goes_backwards``          a complete separation polls as ``processing`` again
                                  (``task_state_never_goes_backwards``)
``download_url_while_running``    a running mastering preview poll carries a download URL
                                  (``download_url_only_when_complete``)
``wrong_202_body``                a running mix's 202 body grows a ``progress`` key
                                  (``accepted_body_has_evidenced_shape``)
``task_id_in_camel_case``         ``/masteringpreview`` answers ``masteringTaskId``
                                  (``task_id_key_matches_product_casing``)
``contract_breaker``              unknown mastering tasks answer 202 ``{"status": 202, "eta": 30}``
                                  and a bad ``musicalStyle`` is a 500 (the whole suite:
                                  ``test_teeth.py``)
================================  ====================================================
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, request

from .knowledge import SPEC, resolve
from .target import mock_app

Edit = Callable[[dict[str, Any]], dict[str, Any] | None]


def edit_json(app: Flask, path_prefix: str, status: int, edit: Edit) -> None:
    """Rewrite the JSON body of ``status`` answers on paths starting with ``path_prefix``."""

    @app.after_request
    def rewrite(response: Response) -> Response:
        if not request.path.startswith(path_prefix) or response.status_code != status:
            return response
        body = edit(json.loads(response.get_data()))
        if body is not None:
            response.set_data(json.dumps(body))
        return response


def state_goes_backwards() -> Flask:
    app = mock_app()
    complete_polls: Counter[str] = Counter()

    def regress(body: dict[str, Any]) -> dict[str, Any]:
        if body.get("status") == "complete":
            complete_polls[request.path] += 1
            if complete_polls[request.path] > 1:
                return {**body, "status": "processing"}
        return body

    edit_json(app, "/separatestatus/", 200, regress)
    return app


def download_url_while_running() -> Flask:
    app = mock_app()

    @app.after_request
    def leak(response: Response) -> Response:
        if request.path == "/retrievepreviewmaster" and response.status_code == 202:
            url = f"{request.host_url}_storage/results/early/RoEx_Preview_Master.mp3"
            early = {"download_url_mastered_preview": url, "status": "MASTERING_TASK_PENDING"}
            response.set_data(json.dumps({"previewMasterTaskResults": early}))
            response.status_code = 200
        return response

    return app


def wrong_202_body() -> Flask:
    app = mock_app()
    edit_json(app, "/retrievepreviewmix", 202, lambda body: {**body, "progress": 50})
    return app


def task_id_in_camel_case() -> Flask:
    app = mock_app()

    def recase(body: dict[str, Any]) -> dict[str, Any]:
        body["masteringTaskId"] = body.pop("mastering_task_id")
        return body

    edit_json(app, "/masteringpreview", 200, recase)
    return app


def contract_breaker() -> Flask:
    """Two bugs a contract run must report: a wrong 202 body, and a 500 on a bad enum value."""
    app = mock_app()
    styles = set(resolve(SPEC["components"]["schemas"]["MusicalStyle"])["enum"])

    def crash_on_unknown_style() -> None:
        payload = request.get_json(silent=True) if request.path == "/masteringpreview" else None
        data = payload.get("masteringData") if isinstance(payload, dict) else None
        style = data.get("musicalStyle") if isinstance(data, dict) else None
        if isinstance(style, str) and style not in styles:
            raise RuntimeError(f"no preset for style {style!r}")

    app.before_request_funcs.setdefault(None, []).insert(0, crash_on_unknown_style)  # before validation
    edit_json(app, "/retrievepreviewmaster", 202, lambda body: {"status": 202, "eta": 30})

    @app.after_request
    def pretend_running(response: Response) -> Response:
        if request.path == "/retrievepreviewmaster" and response.status_code == 404:
            response.status_code = 202
        return response

    return app
