"""``Prefer: code=402``: answer one request with a documented status, in Prism's convention.

A client (a test) that sends ``Prefer: code=<status>`` gets that status for this one request,
provided the operation documents it: the body is the spec's example for that response (the one
named by ``example=<name>`` in the same header, else the first), or Tonn's error envelope when
the spec has none. The request changes nothing: it passed the key check, the rate limit and any
scripted fault, and goes no further. The answer carries ``Preference-Applied`` (RFC 7240).

A status the operation does not document is ignored: the request is handled as usual and the
answer carries an ``X-Tonn-Mock-Warning`` header saying which statuses would have worked.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, g, jsonify, request

PREFER = "Prefer"
WARNING = "X-Tonn-Mock-Warning"
_PREFERENCE = re.compile(r"(?:^|[,;])\s*(code|example)\s*=\s*\"?([^\s,;\"]+)\"?", re.IGNORECASE)


def preferred_answer(operation: dict[str, Any], spec: dict[str, Any]) -> Response | None:
    """The answer the request's ``Prefer`` header asks for, or ``None`` to handle it as usual."""
    header = request.headers.get(PREFER)
    if not header:
        return None
    preferences = {name.lower(): value for name, value in _PREFERENCE.findall(header)}
    code = preferences.get("code")
    if code is None:
        return None
    documented = sorted(operation["responses"])
    if code not in documented:
        g.tonn_mock_warning = (
            f"Prefer code={code} ignored: {operation['operationId']} documents {', '.join(documented)}"
        )
        return None
    response = _resolve(operation["responses"][code], spec)
    answer = jsonify(_example(response, spec, preferences.get("example"), int(code)))
    answer.status_code = int(code)
    answer.headers["Preference-Applied"] = f"code={code}"
    return answer


def install_prefer_warning(app: Flask) -> None:
    """Put the warning about an ignored ``Prefer`` on the answer."""

    @app.after_request
    def warn(response: Response) -> Response:
        warning = g.get("tonn_mock_warning")
        if warning:
            response.headers[WARNING] = warning
        return response


def _resolve(node: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _example(response: dict[str, Any], spec: dict[str, Any], name: str | None, status: int) -> Any:
    media = response.get("content", {}).get("application/json", {})
    examples = media.get("examples", {})
    if examples:
        chosen = examples[name] if name in examples else next(iter(examples.values()))
        return _resolve(chosen, spec)["value"]
    if "example" in media:
        return media["example"]
    description = response.get("description", "")
    return {"error": status >= 400, "message": description, "info": HTTPStatus(status).phrase}
