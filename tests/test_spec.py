"""The reconstructed Tonn OpenAPI document: valid, complete, and faithful to openapi/EVIDENCE.md."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_spec_validator import validate

from tonn_openapi import SPEC_PATH, load_spec
from tonn_openapi.schemas import SchemaRegistry, media_examples, pointer

SPEC = load_spec()

SEED = {
    ("get", "/health"),
    ("post", "/upload"),
    ("post", "/mixpreview"),
    ("post", "/retrievepreviewmix"),
    ("post", "/retrievefinalmix"),
    ("post", "/masteringpreview"),
    ("post", "/retrievepreviewmaster"),
    ("post", "/retrievefinalmaster"),
    ("post", "/mixanalysis"),
    ("post", "/mixenhancepreview"),
    ("post", "/mixenhance"),
    ("post", "/retrieveenhancedtrack"),
    ("post", "/audio-cleanup"),
}
EXTENDED = {
    ("post", "/separate"),
    ("get", "/separatestatus/{stemflowTaskId}"),
    ("post", "/retrievestems"),
    ("post", "/recombine"),
    ("get", "/recombinestatus/{recombineTaskId}"),
    ("post", "/retrieverecombinepreview"),
    ("post", "/retrieverecombine"),
}
POST_PRODUCTION = {
    ("post", "/postprod/dialogue-enhancement/preview"),
    ("post", "/postprod/dialogue-enhancement/retrievepreview"),
}

WRAPPERS = {
    "/mixpreview": "multitrackData",
    "/retrievepreviewmix": "multitrackData",
    "/retrievefinalmix": "applyAudioEffectsData",
    "/masteringpreview": "masteringData",
    "/retrievepreviewmaster": "masteringData",
    "/retrievefinalmaster": "masteringData",
    "/mixanalysis": "mixDiagnosisData",
    "/mixenhancepreview": "mixReviveData",
    "/mixenhance": "mixReviveData",
    "/retrieveenhancedtrack": "mixReviveData",
    "/audio-cleanup": "audioCleanupData",
    "/separate": "stemflowData",
    "/retrievestems": "stemflowData",
    "/recombine": "recombineData",
    "/retrieverecombinepreview": "recombineData",
    "/retrieverecombine": "recombineData",
    "/postprod/dialogue-enhancement/preview": "postProdData",
    "/postprod/dialogue-enhancement/retrievepreview": "postProdData",
}

# (path, status, dotted key path a client reads from the response body)
RESPONSE_KEYS = [
    ("/upload", "200", "signed_url"),
    ("/upload", "200", "readable_url"),
    ("/mixpreview", "200", "multitrack_task_id"),
    ("/retrievepreviewmix", "202", "status"),
    ("/retrievepreviewmix", "200", "status"),
    ("/retrievepreviewmix", "200", "previewMixTaskResults.status"),
    ("/retrievepreviewmix", "200", "previewMixTaskResults.download_url_preview_mixed"),
    ("/retrievepreviewmix", "200", "previewMixTaskResults.mix_output_settings"),
    ("/retrievefinalmix", "200", "applyAudioEffectsResults.download_url_mixed"),
    ("/masteringpreview", "200", "mastering_task_id"),
    ("/retrievepreviewmaster", "202", "status"),
    ("/retrievepreviewmaster", "200", "previewMasterTaskResults.download_url_mastered_preview"),
    ("/retrievepreviewmaster", "200", "previewMasterTaskResults.preview_start_time"),
    ("/retrievefinalmaster", "200", "finalMasterTaskResults.download_url_mastered"),
    ("/mixanalysis", "200", "mixDiagnosisResults.payload.integrated_loudness_lufs"),
    ("/mixanalysis", "200", "mixDiagnosisResults.payload.tonal_profile.bass_frequency"),
    ("/mixenhancepreview", "200", "mixrevive_task_id"),
    ("/mixenhance", "200", "mixrevive_task_id"),
    ("/retrieveenhancedtrack", "202", "revivedTrackTaskResults.download_url_preview_revived"),
    ("/retrieveenhancedtrack", "200", "revivedTrackTaskResults.download_url_revived"),
    ("/retrieveenhancedtrack", "200", "revivedTrackTaskResults.stems"),
    ("/audio-cleanup", "200", "audioCleanupResults.cleaned_audio_file_location"),
    ("/separate", "200", "stemflowTaskId"),
    ("/separatestatus/{stemflowTaskId}", "200", "status"),
    ("/retrievestems", "200", "stems"),
    ("/recombine", "200", "recombineTaskId"),
    ("/recombinestatus/{recombineTaskId}", "200", "status"),
    ("/retrieverecombinepreview", "200", "preview.measured_lufs_full"),
    ("/retrieverecombine", "200", "result.master_url"),
    ("/postprod/dialogue-enhancement/preview", "200", "postprodTaskId"),
]


def deref(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow local $refs until a concrete schema is reached."""
    while "$ref" in schema:
        target: Any = SPEC
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        schema = target
    return schema


def branches(schema: dict[str, Any]) -> list[dict[str, Any]]:
    schema = deref(schema)
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        return [leaf for alt in alternatives for leaf in branches(alt)]
    return [schema]


def has_key_path(schema: dict[str, Any], dotted: str) -> bool:
    head, _, rest = dotted.partition(".")
    for branch in branches(schema):
        child = branch.get("properties", {}).get(head)
        if child is not None and (not rest or has_key_path(child, rest)):
            return True
    return False


def operation(method: str, path: str) -> dict[str, Any]:
    return SPEC["paths"][path][method]


def json_schema(container: dict[str, Any]) -> dict[str, Any]:
    return deref(container)["content"]["application/json"]["schema"]


def all_operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [(m, p, op) for p, item in SPEC["paths"].items() for m, op in item.items()]


def test_the_document_is_valid_openapi_3_1() -> None:
    validate(SPEC)
    assert SPEC["openapi"].startswith("3.1")


def test_info_records_that_the_document_is_reconstructed() -> None:
    info = SPEC["info"]
    assert "reconstruct" in info["description"].lower()
    assert info["x-reconstructed"]["date"]
    assert "[inferred]" in info["description"]


def test_every_seed_extended_and_post_production_operation_is_present_and_tagged() -> None:
    present = {(m, p) for m, p, _ in all_operations()}
    for tier, operations in (("seed", SEED), ("extended", EXTENDED), ("post-production", POST_PRODUCTION)):
        assert operations <= present, operations - present
        for method, path in operations:
            tags = operation(method, path)["tags"]
            assert tags[1] == tier, (path, tags)


@pytest.mark.parametrize(("path", "wrapper"), sorted(WRAPPERS.items()))
def test_request_bodies_use_the_product_wrapper(path: str, wrapper: str) -> None:
    schema = deref(json_schema(operation("post", path)["requestBody"]))
    assert schema["required"] == [wrapper]
    assert list(schema["properties"]) == [wrapper]


def test_upload_body_is_flat() -> None:
    schema = deref(json_schema(operation("post", "/upload")["requestBody"]))
    assert set(schema["required"]) == {"filename", "contentType"}


@pytest.mark.parametrize(("path", "status", "key_path"), RESPONSE_KEYS)
def test_responses_carry_the_keys_clients_read(path: str, status: str, key_path: str) -> None:
    method = "get" if path.startswith(("/separatestatus", "/recombinestatus")) else "post"
    response = operation(method, path)["responses"][status]
    assert has_key_path(json_schema(response), key_path)


@pytest.mark.parametrize(
    ("method", "path", "op"), all_operations(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_operation_documents_its_error_responses(method: str, path: str, op: dict[str, Any]) -> None:
    expected = {"400", "401", "429", "500"}
    takes_task_id = "{" in path or path.startswith("/retrieve") or "retrievepreview" in path
    if takes_task_id:
        expected.add("404")
    assert expected <= set(op["responses"]), path
    for status in expected:
        schema = json_schema(op["responses"][status])
        assert has_key_path(schema, "error") and has_key_path(schema, "message")


def test_the_api_key_is_accepted_in_the_query_or_the_header() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert {(s["in"], s["name"]) for s in schemes.values()} == {("query", "key"), ("header", "X-API-Key")}
    assert sorted(next(iter(r)) for r in SPEC["security"]) == sorted(schemes)


def test_enums_keep_the_two_hip_hop_spellings_apart() -> None:
    schemas = SPEC["components"]["schemas"]
    assert "HIPHOP_GRIME" in schemas["MusicalStyle"]["enum"]
    assert "HIP_HOP_GRIME" in schemas["AnalysisMusicalStyle"]["enum"]
    assert "HIP_HOP_GRIME" not in schemas["MusicalStyle"]["enum"]


def test_sample_rate_accepts_the_string_and_the_integer_form() -> None:
    registry = SchemaRegistry(SPEC)
    validator = registry.validator("/components/schemas/SampleRate")
    for good in ("44100", "48000", 44100, 48000):
        assert validator.is_valid(good)
    for bad in ("96000", 22050, "44.1k", None):
        assert not validator.is_valid(bad)


def test_track_counts_follow_the_evidence() -> None:
    schemas = SPEC["components"]["schemas"]
    mix_tracks = schemas["MixPreviewData"]["properties"]["trackData"]
    assert (mix_tracks["minItems"], mix_tracks["maxItems"]) == (2, 32)
    master_tracks = schemas["MasteringPreviewData"]["properties"]["trackData"]
    assert (master_tracks["minItems"], master_tracks["maxItems"]) == (1, 1)


def test_every_request_and_response_body_has_an_example() -> None:
    with_examples = {p.rsplit("/schema", 1)[0] for p, _ in media_examples(SPEC)}
    missing = []
    for method, path, op in all_operations():
        bodies = {"requestBody": op.get("requestBody")} if "requestBody" in op else {}
        bodies.update({f"responses/{s}": r for s, r in op["responses"].items()})
        for where, body in bodies.items():
            if "$ref" in body or "content" not in body:
                continue
            for media_type in body["content"]:
                location = pointer("paths", path, method, *where.split("/"), "content", media_type)
                if location not in with_examples:
                    missing.append(f"{method.upper()} {path} {where} {media_type}")
    assert not missing


def test_every_example_validates_against_its_schema() -> None:
    registry = SchemaRegistry(SPEC)
    failures = []
    count = 0
    for schema_pointer, value in media_examples(SPEC):
        count += 1
        for error in registry.validator(schema_pointer).iter_errors(value):
            failures.append(f"{schema_pointer}: {error.message}")
    assert count > 60
    assert not failures, "\n".join(failures)


def test_webhooks_describe_each_product_notification() -> None:
    assert {
        "mixTaskUpdate",
        "masteringTaskUpdate",
        "mixReviveTaskUpdate",
        "stemflowTaskUpdate",
        "recombineTaskUpdate",
        "postprodTaskUpdate",
    } <= set(SPEC["webhooks"])


def test_links_lead_from_each_create_operation_to_existing_operations() -> None:
    operation_ids = {op["operationId"] for _, _, op in all_operations()}
    creators = [
        "/mixpreview",
        "/masteringpreview",
        "/mixenhancepreview",
        "/mixenhance",
        "/separate",
        "/recombine",
        "/postprod/dialogue-enhancement/preview",
    ]
    for path in creators:
        links = operation("post", path)["responses"]["200"]["links"]
        assert links, path
        for link in links.values():
            assert link["operationId"] in operation_ids


def test_the_committed_file_is_in_canonical_form() -> None:
    from tonn_openapi.normalise import dumps

    assert SPEC_PATH.read_text(encoding="utf-8") == dumps(SPEC)
