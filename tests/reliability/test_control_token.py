"""A mock listening beyond this machine says so and guards its control plane with a token (given,
or generated and printed), and its listings mask the API keys of the tenants using it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from flask import Flask

from tonn_mock import server
from tonn_mock.app import create_app
from tonn_mock.control import MockControl
from tonn_mock.core.settings import Settings

from .conftest import mastering_body, spawn

TENANT = "AIzaSy-tenant-key-0001"
TOKEN = "a-control-token"


@pytest.fixture
def guarded() -> Iterator[Flask]:
    app = create_app(Settings(control_token=TOKEN, seed=2))
    yield app
    MockControl(app).backend.close()


def wsgi_client(app: Flask, **headers: str) -> httpx.Client:
    return httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock", headers=headers)


def test_only_addresses_beyond_loopback_count_as_exposed() -> None:
    assert not server.exposed("127.0.0.1") and not server.exposed("localhost") and not server.exposed("::1")
    assert server.exposed("0.0.0.0")
    assert server.control_token("127.0.0.1", None) == (None, None)


def test_bound_to_every_address_it_warns_and_answers_control_requests_only_with_the_printed_token() -> None:
    with spawn("--host", "0.0.0.0") as mock:
        port = mock.url.rsplit(":", 1)[1]
        local = f"http://127.0.0.1:{port}"
        warning = next(line for line in mock.log if line.startswith("Warning:"))
        token = re.search(r"this token: (\S+) \(", warning)
        assert token is not None and "beyond this machine" in warning
        with httpx.Client(base_url=local, headers={"X-API-Key": TENANT}) as client:
            assert (
                client.post("/masteringpreview", json=mastering_body("https://a.test/x.wav")).status_code
                == 200
            )
            refused = client.get("/_mock/tasks")
            listed = client.get("/_mock/tasks", headers={"Authorization": f"Bearer {token[1]}"})

    assert refused.status_code == 401 and refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert listed.status_code == 200 and [task["owner"] for task in listed.json()] == ["****0001"]
    assert TENANT not in listed.text


def test_with_a_token_every_control_route_needs_it_and_keys_are_masked_over_http_only(guarded: Flask) -> None:
    with wsgi_client(guarded, **{"X-API-Key": TENANT}) as client:
        client.post("/masteringpreview", json=mastering_body("https://a.test/x.wav"), params={"key": TENANT})
        for path in ("/_mock/", "/_mock/tasks", "/_mock/requests", "/_mock/openapi.json"):
            assert client.get(path).status_code == 401, path
        assert client.post("/_mock/reset").status_code == 401
        by_header = client.get("/_mock/requests", headers={"X-Tonn-Mock-Token": TOKEN})
        by_query = client.get("/_mock/tasks", params={"token": TOKEN})
        by_cookie = client.get("/_mock/faults")  # the cookie the query token set

    assert by_header.status_code == 200 and TENANT not in by_header.text
    assert [entry["key"] for entry in by_header.json()] == ["****0001"]
    assert by_query.status_code == 200 and by_cookie.status_code == 200
    assert [task["owner"] for task in MockControl(guarded).tasks()] == [TENANT]  # Python sees the keys


def test_a_wrong_token_is_refused(guarded: Flask) -> None:
    with wsgi_client(guarded, Authorization="Bearer not-it") as client:
        assert client.get("/_mock/tasks").status_code == 401
