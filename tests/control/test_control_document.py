"""The control API's OpenAPI document is generated from the @verb declarations, so it lists exactly
the routes that answer, with the arguments each accepts; /docs offers it beside the Tonn API."""

from __future__ import annotations

from typing import Any

import httpx
from openapi_spec_validator import validate

from tonn_mock.control import MockControl
from tonn_mock.control.openapi import control_document
from tonn_mock.control.verbs import declared_verbs, http_parameters, verb

DOCUMENT = control_document("http://127.0.0.1:8080")


def operations(document: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId → (method, path, operation)."""
    return {
        operation["operationId"]: (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    }


def arguments(operation: dict[str, Any]) -> set[str]:
    """Every name the operation takes: path, query and JSON body."""
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    return {parameter["name"] for parameter in operation["parameters"]} | set(body.get("properties", {}))


def test_the_document_is_valid_openapi_3_1() -> None:
    validate(DOCUMENT)
    assert DOCUMENT["servers"] == [{"url": "http://127.0.0.1:8080", "description": "this mock"}]


def test_every_verb_is_an_operation_named_after_its_python_method() -> None:
    found = operations(DOCUMENT)
    declared = {
        (name, declared.http_method, "/_mock" + path.replace("<", "{").replace(">", "}"))
        for name, declared in declared_verbs(MockControl)
        for path in declared.paths
    }

    assert {
        (operation_id.split("_by_")[0], method, path) for operation_id, (method, path, _) in found.items()
    } == (declared)
    assert found["credits"][1] == "/_mock/credits" and found["credits_by_key"][1] == "/_mock/credits/{key}"


def test_each_operation_takes_exactly_the_arguments_its_route_accepts() -> None:
    for operation_id, (_, _, operation) in operations(DOCUMENT).items():
        method = getattr(MockControl, operation_id.split("_by_")[0])
        assert arguments(operation) == set(http_parameters(method)), operation_id


def test_bodies_query_strings_and_defaults_follow_the_signatures() -> None:
    found = operations(DOCUMENT)
    fail, requests, advance_clock = found["fail"][2], found["requests"][2], found["advance_clock"][2]

    assert fail["requestBody"]["content"]["application/json"]["schema"]["properties"] == {
        "message": {"type": "string", "default": "Processing failed."}
    }
    assert {(p["name"], p["in"]) for p in requests["parameters"]} >= {
        ("operation", "query"),
        ("status", "query"),
    }
    assert advance_clock["requestBody"]["required"] is True
    assert found["reset"][2]["responses"]["200"]["content"]["application/json"]["schema"]["properties"] == {
        "reset": {"const": True}
    }


def test_a_new_verb_is_documented_without_writing_anything_else() -> None:
    class WithKaraoke(MockControl):
        @verb("POST", "/karaoke/<song>", answer_key="sung")
        def karaoke(self, song: str, verses: int = 2) -> None:
            """Sing ``verses`` verses of ``song``."""

    (method, path, operation) = operations(control_document("http://x", WithKaraoke))["karaoke"]

    assert (method, path, operation["summary"]) == (
        "POST",
        "/_mock/karaoke/{song}",
        "Sing ``verses`` verses of ``song``",
    )
    assert arguments(operation) == {"song", "verses"}


def test_the_mock_serves_its_control_document_from_its_own_address(client: httpx.Client) -> None:
    served = client.get("/_mock/openapi.json").json()

    assert served["servers"][0]["url"] == "http://testserver"
    assert served["paths"] == DOCUMENT["paths"]
