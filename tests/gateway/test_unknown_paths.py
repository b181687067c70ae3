"""A client that spells a path its own way gets a 404 that names the operation it meant.

RoEx's MCP server calls ``/retrieverevivedtrack`` and ``.../retrieve-preview`` where the docs, the
official client and the spec say ``/retrieveenhancedtrack`` and ``.../retrievepreview``
(EVIDENCE §12.12, §12.22). The mock adds no alias (that would hide the client's bug); it says
which operation is closest.
"""

from __future__ import annotations

import httpx
import pytest

from tonn_openapi.operations import closest_operation


@pytest.mark.parametrize(
    ("method", "path", "meant"),
    [
        ("POST", "/retrieverevivedtrack", "POST /retrieveenhancedtrack"),
        (
            "POST",
            "/postprod/dialogue-enhancement/retrieve-preview",
            "POST /postprod/dialogue-enhancement/retrievepreview",
        ),
        ("POST", "/audiocleanup", "POST /audio-cleanup"),
        ("GET", "/separatestatuz/sf_123", "GET /separatestatus/{stemflowTaskId}"),
        ("POST", "/RetrievePreviewMaster/", "POST /retrievepreviewmaster"),
    ],
)
def test_an_unknown_path_names_the_closest_operation(
    client: httpx.Client, method: str, path: str, meant: str
) -> None:
    response = client.request(method, path, json={"taskData": {"taskId": "t-1"}})

    assert response.status_code == 404
    body = response.json()
    assert body["error"] is True and body["info"] == "Not Found"
    assert body["message"] == f"No such endpoint: {method} {path}. Did you mean {meant}?"


def test_the_mocks_own_prefixes_get_no_suggestion(client: httpx.Client) -> None:
    response = client.get("/_mock/taskz")

    assert response.status_code == 404
    assert response.json()["message"] == "No such endpoint: GET /_mock/taskz"


def test_between_equally_close_operations_the_requests_method_wins() -> None:
    known = {("get", "/stems/{id}"), ("post", "/stems/{id}")}

    assert closest_operation(known, "POST", "/stemz/1") == ("post", "/stems/{id}")
    assert closest_operation(known, "GET", "/stemz/1") == ("get", "/stems/{id}")
    assert closest_operation(set(), "GET", "/anything") is None
