"""Bad input to every operation family: a clear 4xx in Tonn's envelope, and nothing stored is lost."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest

from tonn_mock.control import MockControl

from ..conftest import SPEC

BODY_OPERATIONS = sorted(
    (path, op) for path, item in SPEC["paths"].items() for method, op in item.items() if "requestBody" in op
)


def example(op: dict[str, Any]) -> dict[str, Any]:
    examples = op["requestBody"]["content"]["application/json"]["examples"]
    return copy.deepcopy(next(iter(examples.values()))["value"])


def wrapper_of(op: dict[str, Any]) -> str | None:
    body = example(op)
    return next(iter(body)) if len(body) == 1 and isinstance(next(iter(body.values())), dict) else None


def schema_of(ref: str) -> dict[str, Any]:
    return SPEC["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def enum_field(op: dict[str, Any]) -> str | None:
    """A top-level field of the wrapper whose schema is an enum (e.g. ``musicalStyle``)."""
    wrapper = wrapper_of(op)
    request = schema_of(op["requestBody"]["content"]["application/json"]["schema"]["$ref"])
    if wrapper is None:
        return None
    data = schema_of(request["properties"][wrapper]["$ref"])
    for name, prop in data.get("properties", {}).items():
        target = schema_of(prop["$ref"]) if "$ref" in prop else prop
        if "enum" in target and name in example(op)[wrapper]:
            return str(name)
    return None


def ids(cases: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [path for path, _ in cases]


def post(client: httpx.Client, path: str, content: bytes) -> httpx.Response:
    return client.post(path, content=content, headers={"Content-Type": "application/json"})


def assert_refused(response: httpx.Response, status: int, mentions: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] is True and mentions in body["message"], body


@pytest.fixture
def stored(client: httpx.Client, control: MockControl) -> tuple[str, bytes, int]:
    """An upload and a task that must survive every refused request."""
    control.set_progression("manual")
    urls = client.post("/upload", json={"filename": "keep.wav", "contentType": "audio/wav"}).json()
    client.put(urls["signed_url"], content=b"RIFF-keep-me", headers={"Content-Type": "audio/wav"})
    client.post(
        "/masteringpreview",
        json={
            "masteringData": {
                "trackData": [{"trackURL": "https://x.test/a.wav"}],
                "musicalStyle": "POP",
                "desiredLoudness": "LOW",
            }
        },
    )
    return urls["readable_url"], b"RIFF-keep-me", len(control.tasks())


def assert_intact(client: httpx.Client, control: MockControl, stored: tuple[str, bytes, int]) -> None:
    url, data, task_count = stored
    assert client.get(url).content == data
    assert len(control.tasks()) == task_count


@pytest.mark.parametrize(("path", "op"), BODY_OPERATIONS, ids=ids(BODY_OPERATIONS))
def test_malformed_and_mistyped_bodies_are_400(
    client: httpx.Client, control: MockControl, stored: tuple[str, bytes, int], path: str, op: dict[str, Any]
) -> None:
    assert_refused(post(client, path, b'{"oops": '), 400, "not valid JSON")
    assert_refused(post(client, path, b'"just a string"'), 400, "not of type 'object'")
    wrapper = wrapper_of(op)
    if wrapper is not None:
        assert_refused(post(client, path, b"{}"), 400, wrapper)
        assert_refused(post(client, path, json.dumps({wrapper: 5}).encode()), 400, wrapper)
    assert_intact(client, control, stored)


ENUM_OPERATIONS = [(path, op) for path, op in BODY_OPERATIONS if enum_field(op)]


@pytest.mark.parametrize(("path", "op"), ENUM_OPERATIONS, ids=ids(ENUM_OPERATIONS))
def test_an_unknown_enum_value_is_400_naming_the_field(
    client: httpx.Client, control: MockControl, stored: tuple[str, bytes, int], path: str, op: dict[str, Any]
) -> None:
    body, wrapper, field = example(op), wrapper_of(op), enum_field(op)
    body[wrapper][field] = "NOT_A_REAL_VALUE"
    assert_refused(post(client, path, json.dumps(body).encode()), 400, f"{wrapper}.{field}")
    assert_intact(client, control, stored)


WEBHOOK_OPERATIONS = [
    (path, op)
    for path, op in BODY_OPERATIONS
    if wrapper_of(op) and "webhookURL" in example(op)[wrapper_of(op)]
]


@pytest.mark.parametrize(("path", "op"), WEBHOOK_OPERATIONS, ids=ids(WEBHOOK_OPERATIONS))
def test_an_empty_webhook_url_is_refused_clearly(
    client: httpx.Client, control: MockControl, stored: tuple[str, bytes, int], path: str, op: dict[str, Any]
) -> None:
    body, wrapper = example(op), wrapper_of(op)
    body[wrapper]["webhookURL"] = ""
    assert_refused(post(client, path, json.dumps(body).encode()), 400, "webhookURL")
    assert_intact(client, control, stored)


TASK_ID_FIELDS = (
    "masteringTaskId",
    "multitrackTaskId",
    "mixReviveTaskId",
    "stemflowTaskId",
    "recombineTaskId",
    "postprodTaskId",
)
RETRIEVE_OPERATIONS = [
    (path, op)
    for path, op in BODY_OPERATIONS
    if wrapper_of(op) and any(f in example(op)[wrapper_of(op)] for f in TASK_ID_FIELDS) and "retrieve" in path
]


@pytest.mark.parametrize(("path", "op"), RETRIEVE_OPERATIONS, ids=ids(RETRIEVE_OPERATIONS))
def test_unknown_task_ids_are_404(client: httpx.Client, path: str, op: dict[str, Any]) -> None:
    body, wrapper = example(op), wrapper_of(op)
    for field in TASK_ID_FIELDS:
        if field in body[wrapper]:
            body[wrapper][field] = "00000000-0000-4000-8000-00000000dead"
    assert_refused(post(client, path, json.dumps(body).encode()), 404, "not found")


@pytest.mark.parametrize("path", ["/separatestatus/sf_nope", "/recombinestatus/rc_nope"])
def test_unknown_status_ids_are_404(client: httpx.Client, path: str) -> None:
    assert_refused(client.get(path), 404, "not found")
