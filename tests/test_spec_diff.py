"""The semantic diff tells a maintainer what changed for a client, on small hand-made documents."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tonn_openapi.diff import ChangeKind, SpecDiff, diff_specs

K = ChangeKind
Doc = dict[str, Any]


# -- document factories ---------------------------------------------------------------------------


def spec(paths: Doc | None = None, schemas: Doc | None = None, webhooks: Doc | None = None) -> Doc:
    """A minimal OpenAPI 3.1 document."""
    doc: Doc = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths or {}}
    if schemas is not None:
        doc["components"] = {"schemas": schemas}
    if webhooks is not None:
        doc["webhooks"] = webhooks
    return doc


def obj(*required: str, **properties: Any) -> Doc:
    """An object schema with the given properties, ``required`` naming the required ones."""
    schema: Doc = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


def string(*enum: str) -> Doc:
    return {"type": "string", "enum": list(enum)} if enum else {"type": "string"}


def ref(name: str) -> Doc:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: Doc) -> Doc:
    return {"content": {"application/json": {"schema": schema}}}


def operation(request: Doc | None = None, ok: Doc | None = None, **extra: Any) -> Doc:
    """An operation with an optional JSON request body and a 200 response (JSON if ``ok``)."""
    response: Doc = {"description": "ok", **(json_body(ok) if ok is not None else {})}
    op: Doc = {"responses": {"200": response}, **extra}
    if request is not None:
        op["requestBody"] = {"required": True, **json_body(request)}
    return op


def mastering(*required: str, **fields: Doc) -> Doc:
    """``POST /masteringpreview`` whose ``masteringData`` wrapper (as in Tonn) holds ``fields``."""
    request = obj("masteringData", masteringData=obj(*required, **fields))
    return spec({"/masteringpreview": {"post": operation(request, ok=obj(previewUrl=string()))}})


def changes(old: Doc, new: Doc) -> list[tuple[ChangeKind, str, str]]:
    return [(change.kind, change.location, change.detail) for change in diff_specs(old, new)]


# -- nothing changed ------------------------------------------------------------------------------


def test_identical_documents_have_no_semantic_changes() -> None:
    doc = mastering(desiredLoudness=string("LOW", "HIGH"))

    diff = diff_specs(doc, copy.deepcopy(doc))

    assert not diff
    assert diff.render() == "no semantic changes"


def test_reworded_descriptions_and_examples_are_not_semantic_changes() -> None:
    old = mastering(desiredLoudness=string("LOW"))
    new = copy.deepcopy(old)
    new["info"]["description"] = "reworded"
    new["paths"]["/masteringpreview"]["post"]["summary"] = "Preview a master"
    new["paths"]["/masteringpreview"]["post"]["responses"]["200"]["description"] = "A preview"

    assert changes(old, new) == []


# -- paths, operations, responses, webhooks, component schemas -----------------------------------


def test_a_new_endpoint_is_an_added_path_and_a_dropped_one_a_removed_path() -> None:
    old = spec({"/health": {"get": operation()}, "/legacy": {"get": operation()}})
    new = spec({"/health": {"get": operation()}, "/upload": {"post": operation()}})

    assert changes(old, new) == [
        (K.PATH_ADDED, "/upload", "path added"),
        (K.PATH_REMOVED, "/legacy", "path removed"),
    ]


def test_a_method_appearing_or_vanishing_on_a_path_is_an_operation_change() -> None:
    old = spec({"/tasks": {"get": operation(), "delete": operation()}})
    new = spec({"/tasks": {"get": operation(), "post": operation()}})

    assert changes(old, new) == [
        (K.OPERATION_ADDED, "POST /tasks", "operation added"),
        (K.OPERATION_REMOVED, "DELETE /tasks", "operation removed"),
    ]


def test_response_statuses_added_and_removed_are_reported_once_each() -> None:
    old = spec({"/tasks": {"get": operation(ok=obj(id=string()))}})
    new = copy.deepcopy(old)
    responses = new["paths"]["/tasks"]["get"]["responses"]
    responses["404"] = {"description": "no such task", **json_body(obj(message=string()))}
    del responses["200"]

    assert changes(old, new) == [
        (K.RESPONSE_ADDED, "GET /tasks response 404", "response added"),
        (K.RESPONSE_REMOVED, "GET /tasks response 200", "response removed"),
    ]


def test_component_schemas_added_and_removed() -> None:
    old = spec(schemas={"DesiredLoudness": string("LOW"), "Legacy": string()})
    new = spec(schemas={"DesiredLoudness": string("LOW"), "SampleRate": string("44100")})

    assert changes(old, new) == [
        (K.SCHEMA_ADDED, "schema SampleRate", "schema added"),
        (K.SCHEMA_REMOVED, "schema Legacy", "schema removed"),
    ]


def test_webhooks_added_and_removed() -> None:
    old = spec(webhooks={"taskFinished": {"post": operation()}})
    new = spec(webhooks={"taskFailed": {"post": operation()}})

    assert changes(old, new) == [
        (K.WEBHOOK_ADDED, "webhook taskFailed", "webhook added"),
        (K.WEBHOOK_REMOVED, "webhook taskFinished", "webhook removed"),
    ]


def test_a_webhook_payload_field_change_names_the_webhook() -> None:
    old = spec(webhooks={"taskFinished": {"post": operation(obj(state=string()))}})
    new = spec(webhooks={"taskFinished": {"post": operation(obj(state=string(), url=string()))}})

    assert changes(old, new) == [(K.FIELD_ADDED, "POST webhook taskFinished request url", "added (string)")]


# -- fields -------------------------------------------------------------------------------------


def test_request_fields_are_located_by_dotted_path() -> None:
    old = mastering(desiredLoudness=string("LOW"))
    new = mastering(desiredLoudness={"type": "integer"}, sampleRate=string())

    assert changes(old, new) == [
        (
            K.FIELD_TYPE_CHANGED,
            "POST /masteringpreview request masteringData.desiredLoudness",
            "type string -> integer",
        ),
        (
            K.FIELD_TYPE_CHANGED,
            "POST /masteringpreview request masteringData.desiredLoudness",
            "no longer restricted to an enum",
        ),
        (
            K.FIELD_ADDED,
            "POST /masteringpreview request masteringData.sampleRate",
            "added (string)",
        ),
    ]


def test_a_removed_response_field_is_reported_under_its_status() -> None:
    old = spec({"/masteringpreview": {"post": operation(ok=obj(previewUrl=string(), id=string()))}})
    new = spec({"/masteringpreview": {"post": operation(ok=obj(id=string()))}})

    assert changes(old, new) == [
        (K.FIELD_REMOVED, "POST /masteringpreview response 200 previewUrl", "removed")
    ]


def test_an_added_object_is_one_change_not_one_per_nested_field() -> None:
    old = spec({"/mix": {"post": operation(obj(tracks=string()))}})
    new = spec({"/mix": {"post": operation(obj(tracks=string(), fx=obj("gain", gain=string())))}})

    assert changes(old, new) == [(K.FIELD_ADDED, "POST /mix request fx", "added (object)")]


@pytest.mark.parametrize(
    ("old_required", "new_required", "expected"),
    [
        ((), ("desiredLoudness",), (K.FIELD_REQUIRED, "now required")),
        (("desiredLoudness",), (), (K.FIELD_OPTIONAL, "now optional")),
    ],
    ids=["became-required", "became-optional"],
)
def test_a_required_flag_change_is_reported(
    old_required: tuple[str, ...], new_required: tuple[str, ...], expected: tuple[ChangeKind, str]
) -> None:
    old = mastering(*old_required, desiredLoudness=string("LOW"))
    new = mastering(*new_required, desiredLoudness=string("LOW"))

    kind, detail = expected
    location = "POST /masteringpreview request masteringData.desiredLoudness"
    assert changes(old, new) == [(kind, location, detail)]


def test_a_newly_required_request_body_is_reported_at_the_request() -> None:
    old = spec({"/upload": {"post": operation(obj(filename=string()))}})
    new = copy.deepcopy(old)
    old["paths"]["/upload"]["post"]["requestBody"]["required"] = False

    assert changes(old, new) == [(K.FIELD_REQUIRED, "POST /upload request", "now required")]


# -- enums, wherever they are ---------------------------------------------------------------------


def test_enum_values_of_a_component_schema() -> None:
    old = spec(schemas={"DesiredLoudness": string("LOW", "MEDIUM", "HIGH")})
    new = spec(schemas={"DesiredLoudness": string("LOW", "MEDIUM", "LOUD")})

    assert changes(old, new) == [
        (K.ENUM_VALUE_ADDED, "schema DesiredLoudness", 'enum value "LOUD" added'),
        (K.ENUM_VALUE_REMOVED, "schema DesiredLoudness", 'enum value "HIGH" removed'),
    ]


def test_enum_values_of_an_inline_property() -> None:
    old = mastering(desiredLoudness=string("LOW", "HIGH"))
    new = mastering(desiredLoudness=string("LOW", "HIGH", "VERY_LOUD"))

    location = "POST /masteringpreview request masteringData.desiredLoudness"
    assert changes(old, new) == [(K.ENUM_VALUE_ADDED, location, 'enum value "VERY_LOUD" added')]


def test_enum_values_of_a_parameter_including_path_level_parameters() -> None:
    def with_format(*values: str) -> Doc:
        param = {"name": "format", "in": "query", "required": True, "schema": string(*values)}
        return spec({"/files/{id}": {"parameters": [param], "get": operation()}})

    assert changes(with_format("wav", "flac"), with_format("wav")) == [
        (K.ENUM_VALUE_REMOVED, "GET /files/{id} query format", 'enum value "flac" removed')
    ]


def test_an_operation_parameter_added_or_made_optional() -> None:
    key = {"name": "key", "in": "query", "required": True, "schema": string()}
    old = spec({"/health": {"get": operation(parameters=[key])}})
    header = {"name": "X-API-Key", "in": "header", "schema": string()}
    new = spec({"/health": {"get": operation(parameters=[{**key, "required": False}, header])}})

    assert changes(old, new) == [
        (K.FIELD_ADDED, "GET /health header X-API-Key", "added (string)"),
        (K.FIELD_OPTIONAL, "GET /health query key", "now optional"),
    ]


def test_integer_and_string_enum_values_stay_distinct() -> None:
    old = spec(schemas={"SampleRate": {"enum": ["44100", 48000]}})
    new = spec(schemas={"SampleRate": {"enum": [44100, 48000]}})

    assert changes(old, new) == [
        (K.ENUM_VALUE_ADDED, "schema SampleRate", "enum value 44100 added"),
        (K.ENUM_VALUE_REMOVED, "schema SampleRate", 'enum value "44100" removed'),
    ]


# -- $ref, recursion, composition, additionalProperties ------------------------------------------


def test_a_change_in_a_referenced_schema_shows_where_it_is_used_and_where_it_is_defined() -> None:
    def doc(*loudness: str) -> Doc:
        request = obj(desiredLoudness=ref("DesiredLoudness"))
        return spec({"/mastering": {"post": operation(request)}}, {"DesiredLoudness": string(*loudness)})

    assert changes(doc("LOW"), doc("LOW", "HIGH")) == [
        (K.ENUM_VALUE_ADDED, "POST /mastering request desiredLoudness", 'enum value "HIGH" added'),
        (K.ENUM_VALUE_ADDED, "schema DesiredLoudness", 'enum value "HIGH" added'),
    ]


def test_referenced_responses_and_request_bodies_are_resolved() -> None:
    def doc(*error_fields: str) -> Doc:
        document = spec(schemas={"Error": obj(*error_fields, error=string(), message=string())})
        document["components"]["responses"] = {
            "BadRequest": {"description": "bad", **json_body(ref("Error"))}
        }
        document["paths"]["/mix"] = {
            "post": {"responses": {"400": {"$ref": "#/components/responses/BadRequest"}}}
        }
        return document

    assert changes(doc("error"), doc("error", "message")) == [
        (K.FIELD_REQUIRED, "POST /mix response 400 message", "now required"),
        (K.FIELD_REQUIRED, "schema Error message", "now required"),
    ]


def test_a_recursive_schema_is_walked_once_and_the_diff_terminates() -> None:
    def doc(*node_fields: str) -> Doc:
        node = obj(children={"type": "array", "items": ref("Node")}, **dict.fromkeys(node_fields, string()))
        return spec({"/tree": {"get": operation(ok=ref("Node"))}}, {"Node": node})

    assert changes(doc("name"), doc("name", "colour")) == [
        (K.FIELD_ADDED, "GET /tree response 200 colour", "added (string)"),
        (K.FIELD_ADDED, "schema Node colour", "added (string)"),
    ]


def test_composition_branches_are_labelled_by_title_or_else_by_index() -> None:
    titled = {
        "oneOf": [
            {"title": "AsString", **string("44100")},
            {"title": "AsInteger", "type": "integer"},
        ]
    }
    untitled = {"anyOf": [string("a"), {"type": "null"}]}
    old = spec(schemas={"SampleRate": titled, "Tag": untitled})
    new = copy.deepcopy(old)
    new["components"]["schemas"]["SampleRate"]["oneOf"][0]["enum"].append("48000")
    new["components"]["schemas"]["Tag"]["anyOf"][0]["enum"].append("b")

    assert changes(old, new) == [
        (K.ENUM_VALUE_ADDED, "schema SampleRate oneOf[AsString]", 'enum value "48000" added'),
        (K.ENUM_VALUE_ADDED, "schema Tag anyOf[0]", 'enum value "b" added'),
    ]


def test_additional_properties_and_array_items_are_walked() -> None:
    def doc(stem_type: str) -> Doc:
        stems = {
            "type": "object",
            "additionalProperties": {"type": "array", "items": obj(url={"type": stem_type})},
        }
        return spec({"/separate": {"post": operation(ok=obj(stems=stems))}})

    assert changes(doc("string"), doc("integer")) == [
        (
            K.FIELD_TYPE_CHANGED,
            "POST /separate response 200 stems.*[].url",
            "type string -> integer",
        )
    ]


def test_an_external_ref_is_compared_as_an_opaque_leaf() -> None:
    old = spec({"/x": {"get": operation(ok={"$ref": "other.json#/Thing"})}})
    new = spec({"/x": {"get": operation(ok={"$ref": "other.json#/Other"})}})

    assert changes(old, new) == [(K.FIELD_TYPE_CHANGED, "GET /x response 200", "type ref:Thing -> ref:Other")]


# -- rendering and order --------------------------------------------------------------------------


def test_render_groups_changes_one_line_each_with_markers() -> None:
    old = spec({"/legacy": {"get": operation()}}, {"DesiredLoudness": string("LOW", "HIGH")})
    new = spec({"/health": {"get": operation()}}, {"DesiredLoudness": string("LOW", "LOUD")})
    new["paths"]["/health"]["get"]["responses"]["200"].update(json_body(obj(ok=string())))

    assert diff_specs(old, new).render() == "\n".join(
        [
            "4 semantic change(s):",
            "Paths (2):",
            "  + /health: path added",
            "  - /legacy: path removed",
            "Enum values (2):",
            '  + schema DesiredLoudness: enum value "LOUD" added',
            '  - schema DesiredLoudness: enum value "HIGH" removed',
        ]
    )


def test_a_change_in_place_is_marked_with_a_tilde() -> None:
    diff = diff_specs(
        mastering(desiredLoudness=string("LOW")),
        mastering("desiredLoudness", desiredLoudness=string("LOW")),
    )

    assert diff.render().splitlines()[-1] == (
        "  ~ POST /masteringpreview request masteringData.desiredLoudness: now required"
    )


def test_the_order_of_changes_does_not_depend_on_key_order() -> None:
    old = spec({"/a": {"get": operation()}}, {"A": string("1")})
    new = spec({"/b": {"post": operation()}, "/c": {"get": operation()}}, {"B": string(), "A": string("2")})

    def reversed_keys(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: reversed_keys(value[key]) for key in reversed(list(value))}
        return value

    forward: SpecDiff = diff_specs(old, new)
    assert forward == diff_specs(reversed_keys(old), reversed_keys(new))
    assert forward.render() == diff_specs(reversed_keys(old), reversed_keys(new)).render()
