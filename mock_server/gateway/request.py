"""Small request-scoped helpers shared by the routes of every API area."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

from flask import Flask, current_app, g, has_request_context, request
from werkzeug.sansio.utils import get_current_url

from tonn_mock.backend import MockBackend

EXTENSION = "tonn_mock"
PINNED = "tonn_mock_backend"


def backend() -> MockBackend:
    """The backend of the app handling this request: the one the request started with, even if a
    reset has replaced it since (see :func:`install_backend_pinning`)."""
    pinned = g.get(PINNED)
    return cast(MockBackend, pinned if pinned is not None else current_app.extensions[EXTENSION])


def current_backend(app: Flask) -> MockBackend:
    """``app``'s backend: in one of its requests the one that request uses, else the current one."""
    if has_request_context() and current_app._get_current_object() is app:  # type: ignore[attr-defined]
        return backend()
    return cast(MockBackend, app.extensions[EXTENSION])


def install_backend_pinning(app: Flask) -> None:
    """Each request uses one backend from its first hook to its answer: a reset (which swaps in a
    fresh backend) never pulls a store from under a request; the old backend closes its storage
    when its last request has answered."""

    @app.before_request
    def pin() -> None:
        mock = cast(MockBackend, app.extensions[EXTENSION])
        while not mock.enter():
            successor = cast(MockBackend, app.extensions[EXTENSION])
            if successor is mock:
                return  # closed, not replaced: nothing to pin
            mock = successor  # retired by a reset between the two reads
        setattr(g, PINNED, mock)

    @app.teardown_request
    def unpin(error: BaseException | None) -> None:
        mock = g.pop(PINNED, None)
        if mock is not None:
            mock.leave()


def caller() -> str:
    """The API key of this request (checked by the gate before any route runs)."""
    return cast(str, g.api_key)


def payload(wrapper: str | None = None) -> dict[str, Any]:
    """The validated JSON body, or the contents of its product wrapper."""
    body = cast(dict[str, Any], g.body)
    return cast(dict[str, Any], body[wrapper]) if wrapper else body


def base_url() -> str:
    """The address clients reach this mock at, for the URLs it hands out."""
    configured = backend().settings.public_url
    if configured:
        return configured.rstrip("/")
    current = request._get_current_object()  # type: ignore[attr-defined]
    return _host_url(current.scheme, current.host)


@lru_cache(maxsize=64)
def _host_url(scheme: str, host: str) -> str:
    """``request.host_url`` without its last slash, built once per address clients use (werkzeug
    round-trips it through IRI decoding on every request, the costliest part of a create's answer)."""
    return get_current_url(scheme, host).rstrip("/")
