"""The mock's own documentation: the Tonn API's OpenAPI document and an interactive reference.

* ``/openapi.json``: the document, its ``servers`` pointed at this mock (``public_url``, or the
  address the request came to), so "try it out", schemathesis and generated clients call the mock
  and never production.
* ``/docs`` and ``/docs/``: Swagger UI, offline. Its files are the Swagger UI distribution bundled
  in the ``flask-swagger-ui`` package (released in step with Swagger UI), served under
  ``/docs/swagger-ui/``; the page and its start-up script are this package's (``docs/static/``).
  It offers two documents, the Tonn API and the mock's control API (``/_mock/openapi.json``), and
  shows each operation's operationId, the name fault injection and the request journal use.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, send_from_directory

from tonn_mock.gateway.request import base_url

STATIC = Path(__file__).with_name("static")
SWAGGER_UI = Path(str(files("flask_swagger_ui").joinpath("dist")))
"""The Swagger UI distribution (``swagger-ui-bundle.js``, ``swagger-ui.css``...)."""

blueprint = Blueprint("docs", __name__)


@blueprint.get("/openapi.json")
def openapi_document() -> Response:
    return jsonify(served_document(current_app.extensions["tonn_mock.spec"], base_url()))


def served_document(spec: dict[str, Any], own_url: str) -> dict[str, Any]:
    """The spec as this mock serves it: its only server is the mock itself (the spec is not changed)."""
    return {**spec, "servers": [{"url": own_url, "description": "this mock (tonn-mock)"}]}


@blueprint.get("/docs")
@blueprint.get("/docs/")
def docs_page() -> Response:
    return send_from_directory(STATIC, "reference.html", max_age=0)


@blueprint.get("/docs/static/<path:name>")
def page_file(name: str) -> Response:
    return send_from_directory(STATIC, name, max_age=0)


@blueprint.get("/docs/swagger-ui/<path:name>")
def swagger_ui_file(name: str) -> Response:
    return send_from_directory(SWAGGER_UI, name, max_age=3600)
