"""``create_app(settings)``: the Flask application of one mock instance."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, current_app, g, jsonify, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import HTTPException
from werkzeug.sansio.response import Response as AnyResponse

from tonn_mock import control, docs
from tonn_mock.backend import Catalog, MockBackend, Seams
from tonn_mock.control.access import install_control_token
from tonn_mock.core.errors import MethodNotAllowed, PayloadTooLarge, RouteNotFound, TonnError
from tonn_mock.core.settings import Settings
from tonn_mock.gateway.gate import install_gate
from tonn_mock.gateway.journal import install_journal
from tonn_mock.gateway.request import EXTENSION, install_backend_pinning
from tonn_mock.gateway.validation import RequestValidator
from tonn_mock.products import catalog as registered_products
from tonn_openapi import load_spec
from tonn_openapi.operations import closest_operation, operations

request_log = logging.getLogger("tonn_mock.requests")


def create_app(
    settings: Settings | None = None, seams: Seams | None = None, catalog: Catalog | None = None
) -> Flask:
    """A mock of the Tonn API. ``seams`` replaces the clock, ids, webhook sender or store;
    ``catalog`` the products it serves (default: every package under ``tonn_mock.products``)."""
    settings = settings or Settings()
    seams = seams or Seams.default(settings)
    catalog = catalog or registered_products()
    app = MockFlask("tonn_mock")
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json = CompactJSONProvider(app)
    spec = load_spec()
    app.extensions[EXTENSION] = MockBackend(settings, seams, catalog)
    app.extensions["tonn_mock.spec"] = spec
    app.extensions["tonn_mock.errors"] = []
    install_backend_pinning(app)
    install_control_token(app)
    _install_request_log(app)
    install_journal(app)
    for blueprint in (
        *catalog.api_blueprints,
        *catalog.outside_api_blueprints,
        control.blueprint,
        docs.blueprint,
    ):
        app.register_blueprint(blueprint)
    install_gate(app, RequestValidator(spec), catalog)
    _install_error_handlers(app)
    return app


class MockFlask(Flask):
    """Flask, asking once per view or hook whether it is a coroutine function. Flask asks on
    every call (``ensure_sync``), ten times a request here; the answer never changes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._made_sync: dict[Callable[..., Any], Callable[..., Any]] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        made = self._made_sync.get(func)
        if made is None:
            made = self._made_sync[func] = super().ensure_sync(func)
        return made


class CompactJSONProvider(DefaultJSONProvider):
    """Flask's JSON answers, keys in the order the routes built them, byte for byte as
    ``DefaultJSONProvider`` writes them; a compact answer reuses one encoder, where
    ``json.dumps`` with options builds a new one for every answer."""

    sort_keys = False

    def __init__(self, app: Flask) -> None:
        super().__init__(app)
        self._encoder: tuple[tuple[bool, bool], json.JSONEncoder] | None = None

    def response(self, *args: Any, **kwargs: Any) -> AnyResponse:
        if self.compact is False or (self.compact is None and self._app.debug):
            return super().response(*args, **kwargs)  # indented: the rare, readable case
        text = self._compact().encode(self._prepare_response_obj(args, kwargs))
        return self._app.response_class(f"{text}\n", mimetype=self.mimetype)

    def _compact(self) -> json.JSONEncoder:
        options = (self.ensure_ascii, self.sort_keys)
        if self._encoder is None or self._encoder[0] != options:
            encoder = json.JSONEncoder(
                default=self.default, ensure_ascii=options[0], sort_keys=options[1], separators=(",", ":")
            )
            self._encoder = (options, encoder)
        return self._encoder[1]


def _install_error_handlers(app: Flask) -> None:
    @app.errorhandler(TonnError)
    def tonn_error(error: TonnError) -> tuple[Response, int]:
        response = jsonify(error.body())
        response.headers.update(error.headers())
        return response, error.status

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[Response, int]:
        response, status = tonn_error(_as_tonn_error(error))
        allowed = getattr(error, "valid_methods", None)  # a 405 must say what is allowed (RFC 9110)
        if status == 405 and allowed:
            response.headers["Allow"] = ", ".join(allowed)
        return response, status

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[Response, int]:
        app.logger.exception("unhandled error in %s %s", request.method, request.path)
        app.extensions["tonn_mock.errors"].append(error)
        return tonn_error(TonnError(f"Internal server error: {type(error).__name__}"))


def _as_tonn_error(error: HTTPException) -> TonnError:
    if error.code == 404:
        return RouteNotFound(f"No such endpoint: {request.method} {request.path}{_did_you_mean()}")
    if error.code == 405:
        return MethodNotAllowed(f"Method {request.method} is not allowed on {request.path}")
    if error.code == 413:
        limit = request.max_content_length
        return PayloadTooLarge(f"Request body too large: the limit is {limit} bytes")
    return TonnError(error.description or error.name, info=error.name, status=error.code or 500)


def _did_you_mean() -> str:
    """`` Did you mean POST /x?``, naming the spec operation closest to an unknown path, so a client
    that spells a path its own way (EVIDENCE §12.12, §12.22) is told the real one, not given an
    alias that would hide its bug. Paths under the mock's own ``/_`` prefixes get no suggestion."""
    if request.path.startswith("/_"):
        return ""
    spec = current_app.extensions["tonn_mock.spec"]
    closest = closest_operation(operations(spec), request.method, request.path)
    return f". Did you mean {closest[0].upper()} {closest[1]}?" if closest else ""


def _install_request_log(app: Flask) -> None:
    @app.before_request
    def start_timer() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def log_request(response: Response) -> Response:
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        request_log.info("%s %s %s %.1fms", request.method, request.path, response.status_code, elapsed)
        return response
