"""Who may use the control plane, and what its listings show, once the mock is exposed.

On loopback (the default) ``/_mock/`` is open and shows everything: only this machine reaches it.
With a control token (``Settings.control_token``: ``tonn-mock serve`` sets one whenever it listens
beyond loopback, see :mod:`tonn_mock.server`):

* every request under ``/_mock/`` must carry it, as ``Authorization: Bearer <token>``, as
  ``X-Tonn-Mock-Token: <token>``, or as ``?token=<token>`` (for a browser: the answer then sets a
  cookie, so the inspector page's own requests carry it too); others get a 401;
* API keys in its JSON answers are masked (``****2f9a``): whoever holds the token can script the
  mock, but cannot read the keys of the tenants that use it.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from typing import Any

from flask import Flask, Response, g, jsonify, request

from tonn_mock.gateway.request import backend

PREFIX = "/_mock"
HEADER = "X-Tonn-Mock-Token"
COOKIE = "tonn_mock_token"
SHORTEST_KEY_IN_TEXT = 8
"""Keys at least this long are also masked where they appear inside a text (a query string)."""


def install_control_token(app: Flask) -> None:
    """Refuse control requests without the token, when the mock has one."""

    @app.before_request
    def require_token() -> Response | None:
        if not _is_control(request.path):
            return None  # decided before the backend is looked up: most requests are the API's
        token = backend().settings.control_token
        if token is None:
            return None
        if any(hmac.compare_digest(given.encode(), token.encode()) for given in _given()):
            g.tonn_mock_token_in_query = request.args.get("token") == token
            return None
        answer = jsonify(
            {
                "error": True,
                "message": f"The control plane needs its token: 'Authorization: Bearer <token>' or {HEADER}.",
                "info": "Unauthorized",
            }
        )
        answer.status_code = 401
        answer.headers["WWW-Authenticate"] = 'Bearer realm="tonn-mock control plane"'
        return answer

    @app.after_request
    def remember_token(response: Response) -> Response:
        if g.get("tonn_mock_token_in_query"):
            token = str(request.args["token"])
            response.set_cookie(COOKIE, token, path=PREFIX, httponly=True, samesite="Strict")
        return response


def shown(answer: Any) -> Any:
    """``answer`` as the control plane shows it: API keys masked when the mock has a token."""
    mock = backend()
    if mock.settings.control_token is None:
        return answer
    keys = {*mock.journal.keys(), *mock.settings.api_keys}
    return _masked(answer, {key: mask(key) for key in keys if key})


def mask(key: str) -> str:
    """``****`` and the key's last four characters (only ``****`` for a short key)."""
    return f"****{key[-4:]}" if len(key) >= 12 else "****"


def _masked(value: Any, masks: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {_masked(name, masks): _masked(item, masks) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(item, masks) for item in value]
    if isinstance(value, str):
        if value in masks:
            return masks[value]
        for key, masked in masks.items():
            if len(key) >= SHORTEST_KEY_IN_TEXT and key in value:
                value = value.replace(key, masked)
    return value


def _given() -> Iterable[str]:
    authorization = request.headers.get("Authorization", "")
    if authorization.lower().startswith("bearer "):
        yield authorization[7:].strip()
    for given in (request.headers.get(HEADER), request.args.get("token"), request.cookies.get(COOKIE)):
        if given:
            yield given


def _is_control(path: str) -> bool:
    return path == PREFIX or path.startswith(f"{PREFIX}/")
