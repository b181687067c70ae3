"""Small request-scoped helpers shared by the routes of every API area."""

from __future__ import annotations

from typing import Any, cast

from flask import current_app, g, request

from tonn_mock.backend import MockBackend

EXTENSION = "tonn_mock"


def backend() -> MockBackend:
    """The backend of the app handling this request."""
    return cast(MockBackend, current_app.extensions[EXTENSION])


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
    return (configured or request.host_url).rstrip("/")
