"""The committed document is the Tonn API's own declaration plus this project's overlay, exactly.

``openapi/base.json`` is what the official API declares, ``openapi/overlay.json`` (Overlay 1.0)
carries what this project adds, and ``openapi/openapi.json`` is the one applied to the other.
The overlay applier is tested on small documents below.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openapi_spec_validator import validate

from tonn_openapi import SPEC_PATH
from tonn_openapi.layers import SpecFiles, compose, compose_command
from tonn_openapi.overlay import OverlayError, apply_overlay

from .spec_host import copy_layers

FILES = SpecFiles()


def overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


def walk(node: Any, path: str = "$") -> list[tuple[str, str]]:
    """(location, key) of every object key in a document."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((path, key))
            found += walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += walk(value, f"{path}[{index}]")
    return found


# -- the committed layers ------------------------------------------------------------------------


def test_the_committed_overlay_applied_to_the_committed_base_is_exactly_the_committed_document() -> None:
    composed = compose(FILES.read(FILES.base), FILES.read(FILES.overlay))

    assert composed.unmatched == () and composed.overrides == ()
    assert composed.text == SPEC_PATH.read_text(encoding="utf-8")


def test_the_base_is_a_valid_document_without_the_projects_additions() -> None:
    base = FILES.read(FILES.base)

    validate(base)
    assert "webhooks" not in base
    added = [(where, key) for where, key in walk(base) if not where.endswith(".properties")]
    assert [pair for pair in added if pair[1].startswith("x-") or pair[1] in ("examples", "example")] == []
    assert [pair for pair in added if pair[1] == "links" and ".responses." in pair[0]] == []


def test_the_compose_script_rebuilds_the_document_and_its_check_catches_a_hand_edit(tmp_path: Path) -> None:
    files = copy_layers(tmp_path)
    document = json.loads(files.document.read_text(encoding="utf-8"))
    document["info"]["title"] = "edited by hand"
    files.document.write_text(json.dumps(document), encoding="utf-8")
    run = CliRunner()

    assert run.invoke(compose_command, ["--spec-dir", str(files.folder), "--check"]).exit_code == 1
    assert run.invoke(compose_command, ["--spec-dir", str(files.folder)]).exit_code == 0
    assert files.document.read_text(encoding="utf-8") == SPEC_PATH.read_text(encoding="utf-8")


# -- the applier ---------------------------------------------------------------------------------


def test_an_update_adds_and_replaces_properties_of_every_node_the_target_selects() -> None:
    doc = {"paths": {"/a": {"post": {"summary": "A"}}, "/b": {"post": {"summary": "B", "tags": ["x"]}}}}

    applied = apply_overlay(doc, overlay({"target": "$.paths.*.post", "update": {"tags": ["y"], "x-n": 1}}))

    assert applied.document["paths"] == {
        "/a": {"post": {"summary": "A", "tags": ["y"], "x-n": 1}},
        "/b": {"post": {"summary": "B", "tags": ["y"], "x-n": 1}},
    }
    assert applied.overrides == ("action 1 $.paths.*.post: tags",)
    assert doc["paths"]["/a"]["post"] == {"summary": "A"}  # the input is left alone


def test_applying_twice_changes_nothing_more() -> None:
    actions = overlay({"target": "$.info", "update": {"x-notes": {"a": [1, 2]}}})
    once = apply_overlay({"info": {"title": "t"}}, actions).document

    twice = apply_overlay(once, actions)

    assert twice.document == once and twice.overrides == ()


def test_an_update_aimed_at_an_array_appends_one_item() -> None:
    applied = apply_overlay({"tags": [{"name": "a"}]}, overlay({"target": "$.tags", "update": {"name": "b"}}))

    assert applied.document["tags"] == [{"name": "a"}, {"name": "b"}]


def test_remove_takes_out_every_selected_node_even_array_items() -> None:
    doc = {"enum": ["LOW", "MEDIUM", "HIGH"], "paths": {"/a": {"get": {}, "post": {}}}}
    actions = overlay(
        {"target": "$.enum[0,2]", "remove": True},
        {"target": "$.paths['/a'].get", "remove": True},
    )

    assert apply_overlay(doc, actions).document == {"enum": ["MEDIUM"], "paths": {"/a": {"post": {}}}}


def test_a_target_that_selects_nothing_is_reported_not_fatal() -> None:
    actions = overlay(
        {"target": "$.components.schemas.Gone", "description": "evidence", "update": {"x-a": 1}},
        {"target": "$.info", "update": {"x-b": 2}},
    )

    applied = apply_overlay({"info": {}}, actions)

    assert [action.label() for action in applied.unmatched] == [
        "action 1 (evidence) $.components.schemas.Gone"
    ]
    assert applied.document == {"info": {"x-b": 2}}


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"overlay": "2.0.0", "info": {"title": "t", "version": "1"}, "actions": []}, "not an Overlay 1.x"),
        (overlay(), "no actions"),
        (overlay({"target": "$.info"}), "needs an update or remove"),
        (overlay({"target": "$..[?", "update": {}}), "invalid JSONPath"),
        (overlay({"target": "$.info.title", "update": {"a": 1}}), "cannot merge dict into a value"),
    ],
)
def test_a_malformed_overlay_is_refused_with_its_reason(document: dict[str, Any], reason: str) -> None:
    with pytest.raises(OverlayError, match=reason):
        apply_overlay({"info": {"title": "t"}}, document)
