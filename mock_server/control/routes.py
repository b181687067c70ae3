"""``/_mock/...``: the control plane over HTTP (not part of the Tonn API or its spec).

Every route is derived from a :func:`~tonn_mock.control.verbs.verb` of :class:`MockControl`:
nothing here names a verb, so Python and HTTP cannot drift apart. Beside them: the inspector page
a browser gets at ``/_mock/``, its files, and the control API's ``/_mock/openapi.json``
(:mod:`.inspector`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from tonn_mock.control import access, inspector
from tonn_mock.control.api import MockControl
from tonn_mock.control.errors import ControlError
from tonn_mock.control.verbs import Verb, declared_verbs, http_parameters
from tonn_mock.core.errors import TonnError
from tonn_mock.core.json_body import MalformedJson, parse_json
from tonn_mock.tasks.lifecycle import IllegalTransition

blueprint = Blueprint("control", __name__, url_prefix="/_mock")
blueprint.before_request(inspector.page_for_browsers)
blueprint.add_url_rule("/openapi.json", "openapi_document", inspector.openapi_document)
blueprint.add_url_rule("/inspector/<path:name>", "inspector_asset", inspector.asset)


def control() -> MockControl:
    return MockControl(current_app._get_current_object())  # type: ignore[attr-defined]


@blueprint.errorhandler(ControlError)
@blueprint.errorhandler(IllegalTransition)
@blueprint.errorhandler(ValueError)
@blueprint.errorhandler(TypeError)
def control_error(error: Exception) -> tuple[Response, int]:
    """400 for a bad argument, 404 for an unknown task, 409 for a finished one (``error.status``)."""
    status = error.status if isinstance(error, ControlError) else 400
    return jsonify({"error": True, "message": str(error), "info": HTTPStatus(status).phrase}), status


@blueprint.errorhandler(TonnError)
def tonn_error(error: TonnError) -> tuple[Response, int]:
    return jsonify(error.body()), error.status


def _convert(name: str, value: Any, kind: type) -> Any:
    """``value`` (from JSON or a query string) as ``kind``; a clear error if it is not one."""
    if value is None:
        return None
    try:
        converted = _CONVERTERS[kind](value)
    except (TypeError, ValueError, OverflowError):
        raise ControlError(f"{name} must be {kind.__name__}, not {value!r}") from None
    return converted


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError(value)


def _to_int(value: Any) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(value)
    return int(value)


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(value)
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _to_str(value: Any) -> str:
    if isinstance(value, dict | list):
        raise ValueError(value)
    return str(value)


_CONVERTERS: dict[type, Callable[[Any], Any]] = {bool: _to_bool, int: _to_int, float: _to_float, str: _to_str}


def _arguments(accepted: dict[str, type], path_arguments: dict[str, Any]) -> dict[str, Any]:
    if request.method in ("GET", "DELETE"):
        given: dict[str, Any] = request.args.to_dict()
        given.pop("token", None)  # the control token, checked before any route (.access)
    else:
        body = _json_body(request.get_data())
        if not isinstance(body, dict):
            raise ControlError("The control API takes a JSON object body.")
        given = body
    unknown = sorted(set(given) - set(accepted))
    if unknown:
        raise ControlError(f"unknown argument(s) {unknown}; accepted: {sorted(accepted)}")
    given.update(path_arguments)
    return {name: _convert(name, value, accepted[name]) for name, value in given.items()}


def _json_body(raw: bytes) -> Any:
    """The body by the one parser of the mock (no body: no arguments)."""
    try:
        return parse_json(raw) if raw.strip() else {}
    except MalformedJson as problem:
        raise ControlError(f"The control API takes a JSON object body: {problem}") from None


def _route(name: str, declared: Verb) -> Callable[..., Response]:
    accepted = http_parameters(getattr(MockControl, name))

    def answer(**path_arguments: Any) -> Response:
        result = getattr(control(), name)(**_arguments(accepted, path_arguments))
        if declared.answer_key is not None:
            result = {**path_arguments, declared.answer_key: True if result is None else result}
        return jsonify(access.shown(result))

    answer.__name__ = name
    return answer


for _name, _declared in declared_verbs(MockControl):
    _view = _route(_name, _declared)
    for _path in _declared.paths:
        blueprint.add_url_rule(_path, _name, _view, methods=[_declared.http_method])
