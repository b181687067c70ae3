"""The control API's own OpenAPI 3.1 document, generated from the ``@verb`` declarations.

Served at ``/_mock/openapi.json`` and offered by ``/docs`` beside the Tonn API's document. Each
verb of :class:`~tonn_mock.control.api.MockControl` is one operation per path: its operationId is
the Python method's name (``credits_by_key`` for ``/credits/<key>``, the second path of
``credits``), its parameters are the ones an HTTP caller may set (:func:`.verbs.http_parameters`:
path, then the query string for GET and DELETE or a JSON object body for POST and PUT), its summary
and description come from the docstring, and its answer from the return annotation. Nothing is
written twice, so the document cannot drift from the routes.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Callable
from typing import Any

from tonn_mock.control.api import MockControl
from tonn_mock.control.verbs import Verb, declared_verbs, http_parameters

PREFIX = "/_mock"
_FLASK_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
_JSON_TYPES: dict[Any, str] = {bool: "boolean", int: "integer", float: "number", str: "string"}
_ERROR_SCHEMA = {
    "type": "object",
    "required": ["error", "message", "info"],
    "properties": {
        "error": {"const": True},
        "message": {"type": "string", "description": "What was wrong, and what is valid."},
        "info": {"type": "string", "description": "The HTTP status phrase."},
    },
}
DESCRIPTION = (
    "Script and inspect the mock: move tasks, inject faults, set credits, read the request journal "
    "and the webhook deliveries. Not part of the Tonn API. Each operation is the method of the same "
    "name of `tonn_mock.control.MockControl` (and of the `tonn_mock` pytest fixture). A wrong argument "
    "is a 400, an unknown task a 404 and a task that has finished a 409, each with a one-line message. "
    "Open `/_mock/` in a browser for the inspector."
)


def control_document(base_url: str, verbs: type = MockControl) -> dict[str, Any]:
    """The document of every verb of ``verbs``, served from ``base_url``."""
    paths: dict[str, dict[str, Any]] = {}
    for name, declared in declared_verbs(verbs):
        method = getattr(verbs, name)
        first = declared.paths[0]
        for path in declared.paths:
            operation = _operation(name, declared, path, method)
            extra = [argument for argument in _path_arguments(path) if argument not in _path_arguments(first)]
            if extra:
                operation["operationId"] = f"{name}_by_{'_'.join(extra)}"
            paths.setdefault(PREFIX + _FLASK_PARAMETER.sub(r"{\1}", path), {})[
                declared.http_method.lower()
            ] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": "tonn-mock control API", "version": "1", "description": DESCRIPTION},
        "servers": [{"url": base_url, "description": "this mock"}],
        "paths": paths,
        "components": {
            "schemas": {"ControlError": _ERROR_SCHEMA},
            "responses": {
                "ControlError": {
                    "description": "400 a bad argument, 404 an unknown task, 409 a finished task",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/ControlError"}}
                    },
                }
            },
        },
    }


def _path_arguments(path: str) -> list[str]:
    return _FLASK_PARAMETER.findall(path)


def _operation(name: str, declared: Verb, path: str, method: Callable[..., Any]) -> dict[str, Any]:
    doc = inspect.getdoc(method) or name.replace("_", " ").capitalize() + "."
    in_path = _path_arguments(path)
    accepted = {key: kind for key, kind in http_parameters(method).items() if key not in in_path}
    defaults = {key: value.default for key, value in inspect.signature(method).parameters.items()}
    fields = {key: _field(kind, defaults[key]) for key, kind in accepted.items()}
    required = [key for key in accepted if defaults[key] is inspect.Parameter.empty]
    parameters = [
        {"name": key, "in": "path", "required": True, "schema": {"type": "string"}} for key in in_path
    ]
    operation: dict[str, Any] = {
        "operationId": name,
        "summary": doc.split("\n\n")[0].split(". ")[0].rstrip(".").replace("\n", " "),
        "description": doc,
        "tags": [path.strip("/").split("/")[0] or "overview"],
    }
    if declared.http_method in ("GET", "DELETE"):
        parameters += [
            {"name": key, "in": "query", "required": key in required, "schema": schema}
            for key, schema in fields.items()
        ]
    elif fields:
        body = {"type": "object", "properties": fields, "additionalProperties": False}
        schema = {**body, "required": required} if required else body
        operation["requestBody"] = {
            "required": bool(required),
            "content": {"application/json": {"schema": schema}},
        }
    operation["parameters"] = parameters
    operation["responses"] = {
        "200": {
            "description": "Done.",
            "content": {"application/json": {"schema": _answer(method, declared, in_path)}},
        },
        "default": {"$ref": "#/components/responses/ControlError"},
    }
    return operation


def _field(kind: type, default: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": _JSON_TYPES[kind]}
    if default is not inspect.Parameter.empty and default is not None:
        schema["default"] = default
    return schema


def _answer(method: Callable[..., Any], declared: Verb, in_path: list[str]) -> dict[str, Any]:
    """The schema of the JSON answer: the result, or ``{<path arguments>, answer_key: result}``."""
    result = _schema(typing.get_type_hints(method).get("return"))
    if declared.answer_key is None:
        return result
    properties = {key: {"type": "string"} for key in in_path}
    properties[declared.answer_key] = result or {"const": True}
    return {"type": "object", "properties": properties, "required": [*in_path, declared.answer_key]}


def _schema(hint: Any) -> dict[str, Any]:
    """A JSON schema for a return annotation (``{}`` for ``None``: nothing is returned)."""
    if hint in (None, type(None)):
        return {}
    if hint in _JSON_TYPES:
        return {"type": _JSON_TYPES[hint]}
    origin = typing.get_origin(hint)
    if origin is list:
        return {"type": "array", "items": _schema(typing.get_args(hint)[0])}
    if origin is dict:
        return {"type": "object"}
    if isinstance(hint, types.UnionType):
        return {"anyOf": [_schema(option) or {"type": "null"} for option in typing.get_args(hint)]}
    return {}
