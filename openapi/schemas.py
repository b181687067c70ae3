"""JSON Schema validators for parts of the OpenAPI document.

OpenAPI 3.1 schemas are JSON Schema 2020-12, so the whole document is registered once as a
schema resource and any schema inside it is validated through a ``$ref`` to its JSON pointer;
local ``#/components/...`` references then resolve against the document itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = "urn:tonn-openapi"


def pointer(*parts: str) -> str:
    """A JSON pointer from unescaped parts, e.g. ``pointer("paths", "/upload")``."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


class SchemaRegistry:
    """Builds validators for schemas located by JSON pointer in one OpenAPI document."""

    def __init__(self, document: dict[str, Any]) -> None:
        resource: Resource[Any] = DRAFT202012.create_resource(document)
        self._registry: Registry[Any] = Registry().with_resource(DOCUMENT_URI, resource)

    def validator(self, schema_pointer: str) -> Draft202012Validator:
        """A validator for the schema at ``schema_pointer`` (e.g. ``/components/schemas/X``)."""
        return Draft202012Validator({"$ref": f"{DOCUMENT_URI}#{schema_pointer}"}, registry=self._registry)


def media_examples(document: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Yield ``(schema pointer, example value)`` for every example in the document.

    Covers request bodies, responses and webhook payloads (``examples`` maps and ``example``)
    and component schemas' own ``example``/``examples``.
    """
    yield from _walk_media(document, [])
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        base = pointer("components", "schemas", name)
        if "example" in schema:
            yield base, schema["example"]
        for value in schema.get("examples", []):
            yield base, value


def _walk_media(node: Any, path: list[str]) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        if path[-1:] == ["content"] and path[-2:-1] != ["properties"]:
            for media_type, media in node.items():
                if isinstance(media, dict):
                    yield from _media_examples(media, [*path, media_type])
        for key, child in node.items():
            yield from _walk_media(child, [*path, key])
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _walk_media(child, [*path, str(index)])


def _media_examples(media: dict[str, Any], path: list[str]) -> Iterator[tuple[str, Any]]:
    if "schema" not in media:
        return
    schema_pointer = pointer(*path, "schema")
    if "example" in media:
        yield schema_pointer, media["example"]
    for example in media.get("examples", {}).values():
        if "value" in example:
            yield schema_pointer, example["value"]
