"""One parser for every body: whatever a client sends to any JSON operation or to the control plane -
brackets ten thousand deep, NaN, 1e400, the wrong media type - the answer is a clear 4xx, never a
500, and nothing the mock later answers is non-standard JSON."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tonn_mock.control import MockControl
from tonn_mock.core.json_body import parse_json

from ..conftest import SPEC
from ..gateway.test_bad_input import BODY_OPERATIONS, example, ids

DEEP = b"[" * 10_000 + b"]" * 10_000
DEEP_OBJECTS = b'{"a":' * 5_000 + b"1" + b"}" * 5_000
NOT_FINITE = [
    b'{"x": NaN}',
    b'{"x": Infinity}',
    b'{"x": -Infinity}',
    b'{"x": 1e400}',
    b'{"x": 1' + b"0" * 400 + b"}",
]
WRONG_TYPES = [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/xml",
    "text/json",
]


def post(
    client: httpx.Client, path: str, body: bytes, content_type: str = "application/json"
) -> httpx.Response:
    return client.post(path, content=body, headers={"Content-Type": content_type})


def assert_refused(answer: httpx.Response, status: int = 400) -> None:
    assert answer.status_code == status, answer.text
    assert answer.json()["error"] is True


@pytest.mark.parametrize(("path", "op"), BODY_OPERATIONS, ids=ids(BODY_OPERATIONS))
def test_deep_nesting_and_non_finite_numbers_are_400_on_every_operation(
    client: httpx.Client, path: str, op: dict[str, Any]
) -> None:
    for body in (DEEP, DEEP_OBJECTS, *NOT_FINITE):
        assert_refused(post(client, path, body))


@pytest.mark.parametrize(("path", "op"), BODY_OPERATIONS, ids=ids(BODY_OPERATIONS))
def test_a_body_declared_as_another_media_type_is_415_and_an_undeclared_one_is_read_as_json(
    client: httpx.Client, control: MockControl, path: str, op: dict[str, Any]
) -> None:
    body = json.dumps(example(op)).encode()
    for content_type in WRONG_TYPES:
        answer = post(client, path, body, content_type)
        assert_refused(answer, 415)
        assert content_type.split(";")[0] in answer.json()["message"]
    assert control.tasks() == []  # refused before anything changed
    undeclared = client.post(path, content=body, headers={"Content-Type": ""})
    assert undeclared.status_code != 415, undeclared.text


def test_json_with_a_suffix_and_parameters_is_json(client: httpx.Client) -> None:
    body = json.dumps({"filename": "a.wav", "contentType": "audio/wav"}).encode()
    for content_type in ("application/json; charset=utf-8", "application/vnd.tonn+json"):
        assert post(client, "/upload", body, content_type).status_code == 200


def test_a_preview_start_of_1e400_is_refused_and_nothing_non_standard_is_stored(
    client: httpx.Client, control: MockControl
) -> None:
    body = example(dict(SPEC["paths"]["/masteringpreview"]["post"]))
    text = json.dumps(body)[:-2] + ', "previewStartTime": 1e400}}'
    assert_refused(post(client, "/masteringpreview", text.encode()))
    assert control.tasks() == []


CONTROL_BODIES = [
    ("POST", "/_mock/faults"),
    ("POST", "/_mock/failures"),
    ("PUT", "/_mock/credits"),
    ("PUT", "/_mock/progression"),
    ("POST", "/_mock/clock/advance"),
]


@pytest.mark.parametrize(("method", "path"), CONTROL_BODIES)
def test_the_control_plane_refuses_the_same_bodies_with_400(
    client: httpx.Client, method: str, path: str
) -> None:
    for body in (DEEP, DEEP_OBJECTS, *NOT_FINITE, b'{"oops": '):
        answer = client.request(method, path, content=body, headers={"Content-Type": "application/json"})
        assert_refused(answer)
    assert client.get("/health").status_code == 200


def test_the_journal_of_refused_bodies_reads_back_as_standard_json(client: httpx.Client) -> None:
    kept_deep = b"[" * 5_000 + b"]" * 5_000  # small enough for the journal to keep
    for body in (kept_deep, *NOT_FINITE):
        post(client, "/masteringpreview", body)

    answer = client.get("/_mock/requests")

    assert answer.status_code == 200
    parse_json(answer.content, max_depth=10)  # strict: no NaN, no Infinity, nothing deep
    assert len(answer.json()) == 1 + len(NOT_FINITE)
